package org.parcours.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import org.parcours.ParcoursApplication;
import org.parcours.assessment.Evaluation;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.ReloadAttempt;
import org.parcours.rules.RuleReloader;

/**
 * Assessments per second just after a reload, against the steady rate before it (run by
 * {@code bench/reload-warmth.sh}; not a test). One thread assesses the synthetic population of
 * {@code bench/assess.sh} without pause on whatever rule set is active, as a request would; the rate
 * is sampled every second. After a warm-up the steady rate is taken over 10 s, then the rules are
 * reloaded while the load goes on, and the rate of each of the 10 seconds after the swap is printed
 * as a share of the steady rate. The rate is counted per second of the load thread's CPU time, not
 * of wall time: on a shared machine the wall rate mostly says how much CPU the thread was given,
 * while the rate per CPU second shows how fast the code it runs is (what the JIT changes). Arguments:
 * reloads (default 3), then application arguments (for example {@code --parcours.rules.warm-up=0s}).
 * With {@code EDIT=rule} in the environment, each reload follows an edit of a copy of the rules
 * directory (a new comment line in {@value #EDITED_FILE}): the path of a rule edit, whose rules part is
 * compiled again into new classes, instead of that of unchanged files or a parameter edit, which run
 * on the active knowledge base; the reload's time is then the edit's time to go live. With {@code WEB=1}
 * the service starts as it runs in production, with its web server (on a free port, the demonstration
 * profile's user) and therefore its warm-up after a start-up, which the load waits for before it
 * measures anything: without it, the first reload's gate is the first time the JIT sees the golden
 * cases' variety, and its recompilations show as a slow first second after the swap.
 */
public final class ReloadWarmthBenchmark {

	/** The file a rule edit appends a comment to: rules only, no parameter, so only the rules part is compiled again. */
	private static final String EDITED_FILE = "stratification/derived.drl";

	public static void main(String[] args) throws InterruptedException, IOException {
		int reloads = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		List<String> arguments = new ArrayList<>(List.of("--parcours.rules.watch.enabled=false", "--logging.level.org.parcours.rules=warn"));
		for (int i = 1; i < args.length; i++) {
			arguments.add(args[i]);
		}
		Path edited = "rule".equals(System.getenv("EDIT")) ? copyOfRules(arguments) : null;
		if (edited != null) {
			arguments.add("--parcours.rules.directory=" + edited);
		}
		boolean web = "1".equals(System.getenv("WEB"));
		if (web) {
			arguments.addAll(List.of("--server.port=0", "--spring.profiles.active=demo", "--logging.level.org.parcours.cases.WarmUpAfterStart=info"));
		}
		SpringApplication application = new SpringApplication(ParcoursApplication.class);
		application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
			if (web) {
				awaitWarmUpAfterStart(context.getBean(MeterRegistry.class));
			}
			ActiveRuleSet active = context.getBean(ActiveRuleSet.class);
			PatientValidator validator = context.getBean(PatientValidator.class);
			RuleReloader reloader = context.getBean(RuleReloader.class);
			List<Patient> population = AssessmentBenchmark.population(10_000, new Random(42));
			AtomicLong done = new AtomicLong();
			AtomicBoolean running = new AtomicBoolean(true);
			Thread load = new Thread(() -> {
				for (int i = 0; running.get(); i++) {
					Evaluation.on(active.get(), LocalDate.of(2026, 11, 22), validator).assess(population.get(i % population.size()));
					done.incrementAndGet();
				}
			}, "load");
			load.setDaemon(true); // a refused reload ends the run
			load.start();
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			LongSupplier cpu = () -> threads.getThreadCpuTime(load.getId());
			for (int reload = 1; reload <= reloads; reload++) {
				rates(done, cpu, 20);
				List<Long> steadyRates = rates(done, cpu, 10);
				double steady = steadyRates.stream().mapToLong(Long::longValue).average().orElseThrow();
				if (edited != null) {
					// a new comment each time, never compiled before: the rules part is compiled again and its classes are new
					Files.writeString(edited.resolve(EDITED_FILE), "// edit " + reload + " of run " + System.nanoTime() + "\n",
							StandardOpenOption.APPEND);
				}
				long start = System.nanoTime();
				ReloadAttempt attempt = reloader.reload(ReloadAttempt.Trigger.API);
				if (attempt.outcome() != ReloadAttempt.Outcome.ACTIVATED) {
					throw new IllegalStateException("reload refused: " + attempt.problems());
				}
				long reloadMs = (System.nanoTime() - start) / 1_000_000;
				List<Long> after = rates(done, cpu, 10);
				double mean = after.stream().mapToLong(Long::longValue).average().orElseThrow();
				long worst = after.stream().mapToLong(Long::longValue).min().orElseThrow();
				// the steady window's own worst second: how far one second falls below the mean with no reload at all
				long steadyWorst = steadyRates.stream().mapToLong(Long::longValue).min().orElseThrow();
				System.out.printf("reload %d: %d ms; steady %.0f per CPU second (its worst second %.0f%%); first 10 s after the swap: mean %.0f%% "
						+ "of steady, worst second %.0f%%; each second: %s%n", reload, reloadMs, steady, 100 * steadyWorst / steady, 100 * mean / steady,
						100 * worst / steady, after.stream().map(rate -> String.format("%.0f%%", 100 * rate / steady)).toList());
			}
			running.set(false);
			load.join();
		}
	}

	/**
	 * Waits until the service's warm-up after a start-up has ended: its counter has not moved for 3 s (it
	 * starts counting as soon as the service is ready, so a warm-up turned off ends the wait too).
	 */
	private static void awaitWarmUpAfterStart(MeterRegistry registry) throws InterruptedException {
		double last = -1;
		for (int still = 0; still < 3;) {
			Thread.sleep(1000);
			double now = registry.find("parcours.rules.warmup.after.start").counters().stream().mapToDouble(Counter::count).sum();
			still = now == last ? still + 1 : 0;
			last = now;
		}
	}

	/** A copy of the rules directory the arguments name (default {@code rules}), for the edits of {@code EDIT=rule}. */
	private static Path copyOfRules(List<String> arguments) throws IOException {
		Path from = Path.of(arguments.stream().filter(argument -> argument.startsWith("--parcours.rules.directory="))
			.map(argument -> argument.substring(argument.indexOf('=') + 1)).reduce((first, last) -> last).orElse("rules"));
		Path copy = Files.createTempDirectory("reload-warmth-rules");
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = copy.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
		return copy;
	}

	/** Assessments per second of the load thread's CPU time, in each of the next {@code seconds} seconds. */
	private static List<Long> rates(AtomicLong done, LongSupplier cpu, int seconds) throws InterruptedException {
		List<Long> rates = new ArrayList<>();
		for (int i = 0; i < seconds; i++) {
			long before = done.get();
			long cpuBefore = cpu.getAsLong();
			Thread.sleep(1000);
			long cpuNanos = Math.max(1, cpu.getAsLong() - cpuBefore);
			rates.add((done.get() - before) * 1_000_000_000L / cpuNanos);
		}
		return rates;
	}
}
