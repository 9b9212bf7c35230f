package org.parcours.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import jakarta.validation.Validation;

import com.sun.management.ThreadMXBean;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import org.parcours.assessment.Evaluation;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.RuleSetLoader;

/**
 * Two variants of the rules side by side in one JVM (not a test): A is a rules directory built with the
 * engine's defaults, B a rules directory (the same or an edited copy) built while the given engine
 * properties ({@code drools.threadSafe=false}, ...) are set. They are evaluated in alternating chunks
 * (A B, then B A, ...) of {@link AssessmentBenchmark}'s population, each chunk timed in the thread's
 * CPU time, so that both run on the same JIT state and the same share of a shared machine; separate
 * JVMs differ by more than the options do. Prints each pair, the total ratio and the bytes allocated
 * per assessment (a figure other processes do not disturb) and the rule firings per patient of each.
 *
 * <p>An argument {@code kieBase:alphaNetworkCompiler=inmemory} is applied to B's rules knowledge base
 * once it is built (its alpha network compiled to Java by the engine's own {@code KieBaseUpdaterANC}, which must then be on the
 * class path: {@code bench/build-tools.sh} puts it there); B's
 * reused working memories are then dropped, so that the next evaluation makes one on the changed
 * knowledge base. What each knowledge base says of these options is printed before the pairs.
 *
 * <p>Usage: {@code bench/on-jar.sh JAR -Xmx1g -- org.parcours.bench.PairedAssessmentBenchmark RULES_A RULES_B CHUNK PAIRS WARM-UP_PAIRS [property=value | kieBase:option=value ...]}
 */
public final class PairedAssessmentBenchmark {

	private static final String KIE_BASE = "kieBase:";

	public static void main(String[] args) {
		int chunk = Integer.parseInt(args[2]);
		int pairs = Integer.parseInt(args[3]);
		int warmUpPairs = Integer.parseInt(args[4]);
		PatientValidator validator = new PatientValidator(Validation.buildDefaultValidatorFactory().getValidator());
		Evaluation a = evaluation(Path.of(args[0]), validator);
		List<String> options = List.of(args).subList(5, args.length);
		List<String> properties = options.stream().filter(option -> !option.startsWith(KIE_BASE)).toList();
		properties.forEach(property -> System.setProperty(property.split("=", 2)[0], property.split("=", 2)[1]));
		Evaluation b = evaluation(Path.of(args[1]), validator);
		properties.forEach(property -> System.clearProperty(property.split("=", 2)[0]));
		options.stream().filter(option -> option.startsWith(KIE_BASE)).forEach(option -> BuiltKnowledgeBase.apply(b, option.substring(KIE_BASE.length())));
		System.out.println("A: " + BuiltKnowledgeBase.describe(a));
		System.out.println("B: " + BuiltKnowledgeBase.describe(b));
		List<Patient> population = AssessmentBenchmark.population(10_000, new Random(42));
		for (int i = 0; i < warmUpPairs; i++) {
			run(a, population, chunk, i * chunk);
			run(b, population, chunk, i * chunk);
		}
		Chunk totalA = new Chunk(0, 0);
		Chunk totalB = new Chunk(0, 0);
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < pairs; i++) {
			Chunk ca;
			Chunk cb;
			if (i % 2 == 0) {
				ca = run(a, population, chunk, i * chunk);
				cb = run(b, population, chunk, i * chunk);
			}
			else {
				cb = run(b, population, chunk, i * chunk);
				ca = run(a, population, chunk, i * chunk);
			}
			totalA = totalA.plus(ca);
			totalB = totalB.plus(cb);
			ratios.add(ca.cpuSeconds / cb.cpuSeconds);
			System.out.printf("pair %2d: A %6.0f, B %6.0f per CPU second: B/A x%.3f%n", i, chunk / ca.cpuSeconds, chunk / cb.cpuSeconds,
					ca.cpuSeconds / cb.cpuSeconds);
		}
		Collections.sort(ratios);
		System.out.printf("total: A %.0f, B %.0f assessments per CPU second: B/A x%.3f (pairs from x%.3f to x%.3f)%n",
				pairs * chunk / totalA.cpuSeconds, pairs * chunk / totalB.cpuSeconds, totalA.cpuSeconds / totalB.cpuSeconds, ratios.get(0),
				ratios.get(ratios.size() - 1));
		// the pairs' ratios are compared on a log scale: geometric mean and its 95 % interval
		double mean = ratios.stream().mapToDouble(Math::log).average().orElseThrow();
		double variance = ratios.stream().mapToDouble(ratio -> Math.pow(Math.log(ratio) - mean, 2)).sum() / (pairs - 1);
		double margin = 1.96 * Math.sqrt(variance / pairs);
		System.out.printf("pairs: B/A x%.3f (95 %% interval x%.3f to x%.3f)%n", Math.exp(mean), Math.exp(mean - margin), Math.exp(mean + margin));
		System.out.printf("allocated per assessment: A %.0f bytes, B %.0f bytes: B/A x%.3f%n", (double) totalA.bytes / pairs / chunk,
				(double) totalB.bytes / pairs / chunk, (double) totalB.bytes / totalA.bytes);
		double firingsA = firingsPerPatient(a, population, chunk);
		double firingsB = firingsPerPatient(b, population, chunk);
		System.out.printf("rule firings per patient (the first %d patients): A %.1f, B %.1f: B/A x%.3f%n", chunk, firingsA, firingsB,
				firingsB / firingsA);
	}

	/** Counted after the timed pairs, so that the listener slows no timed chunk. */
	private static double firingsPerPatient(Evaluation evaluation, List<Patient> population, int count) {
		long[] firings = new long[1];
		AgendaEventListener counter = new DefaultAgendaEventListener() {
			@Override
			public void afterMatchFired(AfterMatchFiredEvent event) {
				firings[0]++;
			}
		};
		for (int i = 0; i < count; i++) {
			evaluation.assess(population.get(i % population.size()), counter);
		}
		return (double) firings[0] / count;
	}

	private static Evaluation evaluation(Path rules, PatientValidator validator) {
		return Evaluation.on(new RuleSetLoader(Clock.systemUTC()).load(rules), LocalDate.of(2026, 11, 22), validator);
	}

	private record Chunk(double cpuSeconds, long bytes) {

		Chunk plus(Chunk other) {
			return new Chunk(cpuSeconds + other.cpuSeconds, bytes + other.bytes);
		}
	}

	private static Chunk run(Evaluation evaluation, List<Patient> population, int count, int offset) {
		ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
		long bytes = threads.getCurrentThreadAllocatedBytes();
		long cpu = threads.getCurrentThreadCpuTime();
		for (int i = 0; i < count; i++) {
			evaluation.assess(population.get((offset + i) % population.size()));
		}
		return new Chunk((threads.getCurrentThreadCpuTime() - cpu) / 1e9, threads.getCurrentThreadAllocatedBytes() - bytes);
	}
}
