package org.parcours.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import org.parcours.ParcoursApplication;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.ReloadAttempt;
import org.parcours.rules.RuleReloader;

/**
 * Reload time and heap across many reloads of the default rules (run by {@code bench/reload.sh};
 * not a test). Starts the application without a web server, reloads N times through the same
 * pipeline as the endpoint (safety check, compilation, golden cases, swap), and every 20 reloads
 * prints the heap in use after a full GC: it must stay flat, because every replaced snapshot and
 * its knowledge base must be garbage. Besides each reload's wall time it takes the CPU time the
 * whole process spent during it: on a shared machine the wall time says how much CPU the reload was
 * given, the CPU time how much work it is, and their ratio how many cores it kept busy. Arguments:
 * reloads (default 200), then application arguments (for example {@code --parcours.rules.directory=...}).
 * With {@code -Dbench.edit=rule} each reload follows a new comment line appended to
 * {@code stratification/derived.drl} of the rules directory (run it on a copy): the rules part is then
 * compiled again at every reload in a JVM that has compiled it before, the path of a rule edit; each
 * reload then also prints the CPU of the process's threads during it, by kind of thread (from
 * {@code /proc}, so that the JIT's and the collector's threads count too). {@code -Dbench.threads=true}
 * prints that line for reloads of unchanged files too.
 */
public final class ReloadBenchmark {

	public static void main(String[] args) {
		int reloads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		List<String> arguments = new ArrayList<>(List.of("--parcours.rules.watch.enabled=false", "--logging.level.org.parcours.rules=warn"));
		for (int i = 1; i < args.length; i++) {
			arguments.add(args[i]);
		}
		Path edited = "rule".equals(System.getProperty("bench.edit")) ? rulesDirectory(arguments).resolve("stratification/derived.drl") : null;
		boolean byThread = edited != null || Boolean.getBoolean("bench.threads");
		SpringApplication application = new SpringApplication(ParcoursApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(arguments.toArray(String[]::new))) {
			RuleReloader reloader = context.getBean(RuleReloader.class);
			ActiveRuleSet active = context.getBean(ActiveRuleSet.class);
			MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			com.sun.management.OperatingSystemMXBean system = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
			System.out.printf("after start-up: heap in use after GC %d MB%n", heapAfterGc(memory));
			List<Long> millis = new ArrayList<>();
			List<Long> cpuMillis = new ArrayList<>();
			for (int i = 1; i <= reloads; i++) {
				if (edited != null) {
					append(edited, "// edit " + System.nanoTime() + "\n");
				}
				Map<String, Long> threadsBefore = byThread ? threadTicks() : Map.of();
				long cpuBefore = system.getProcessCpuTime();
				ReloadAttempt attempt = reloader.reload(ReloadAttempt.Trigger.API);
				cpuMillis.add((system.getProcessCpuTime() - cpuBefore) / 1_000_000);
				if (byThread) {
					Map<String, Long> threadsAfter = threadTicks();
					Map<String, Long> during = threadsAfter.entrySet().stream()
						.collect(Collectors.toMap(Map.Entry::getKey, kind -> kind.getValue() - threadsBefore.getOrDefault(kind.getKey(), 0L)));
					long alive = during.values().stream().mapToLong(Long::longValue).sum();
					// the reload's own threads (its candidate's compilation, checks, warm-up) have ended by now
					during.put("threads ended during the reload", Math.max(0, cpuMillis.get(i - 1) / 10 - alive));
					System.out.printf("reload %d: CPU s by thread: %s%n", i, during.entrySet().stream().filter(kind -> kind.getValue() > 0)
						.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
						.map(kind -> String.format("%s %.2f", kind.getKey(), kind.getValue() / 100.0)).collect(Collectors.joining(", ")));
				}
				if (attempt.outcome() != ReloadAttempt.Outcome.ACTIVATED) {
					throw new IllegalStateException("reload refused: " + attempt.problems());
				}
				millis.add(attempt.durationMs());
				if (i % 20 == 0) {
					System.out.printf("after %3d reloads: heap in use after GC %d MB, last 20 reloads median %d ms (active %s)%n", i,
							heapAfterGc(memory), median(millis.subList(i - 20, i)), active.get().version());
				}
			}
			System.out.printf("each reload: %s ms (CPU %s ms)%n", millis, cpuMillis);
			System.out.printf("reload time over %d reloads: median %d ms, max %d ms; CPU median %d ms%n", reloads, median(millis),
					millis.stream().mapToLong(Long::longValue).max().orElse(0), median(cpuMillis));
		}
	}

	/**
	 * CPU ticks (hundredths of a second on Linux) of the process's threads by kind: the name without its
	 * numbers; a thread that ended since is not in it.
	 */
	private static Map<String, Long> threadTicks() {
		Map<String, Long> ticks = new TreeMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			tasks.forEach(task -> {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
					String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
					ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended meanwhile
				}
			});
		}
		catch (IOException ex) {
			// no /proc: no threads to show
		}
		return ticks;
	}

	private static Path rulesDirectory(List<String> arguments) {
		String option = "--parcours.rules.directory=";
		return Path.of(arguments.stream().filter(argument -> argument.startsWith(option)).map(argument -> argument.substring(option.length()))
			.reduce((first, last) -> last).orElse("rules"));
	}

	private static void append(Path file, String line) {
		try {
			Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot edit " + file, ex);
		}
	}

	private static long heapAfterGc(MemoryMXBean memory) {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}
}
