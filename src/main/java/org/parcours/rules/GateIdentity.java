package org.parcours.rules;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What, besides the rule files and the day, decides whether a rule set passes the activation checks
 * (its golden cases with their coverage, its population guard): the code that compiles and runs them
 * ({@link CompilerIdentity}: this build of Parcours, Drools, Java), the libraries they run through
 * (case files and patients are read by Jackson, validated by Hibernate Validator, rosters read by
 * OpenCSV: every library's jar name, which carries its version), which checks there are, and the
 * settings they read: whether a rule set may have no case, the evaluation limits, and the JSON
 * settings ({@code spring.jackson.*}) that shape how a case's patient is read.
 */
record GateIdentity(CompilerIdentity compiler, String libraries, List<String> checks, String settings) {

	static GateIdentity of(List<ActivationCheck> checks, RulesProperties properties, Map<String, String> jsonSettings) {
		String settings = "cases.allow-none=" + properties.cases().allowNone() + " max-firings-per-evaluation="
				+ properties.maxFiringsPerEvaluation() + " max-evaluation-time=" + properties.maxEvaluationTime() + " json="
				+ new TreeMap<>(jsonSettings);
		return new GateIdentity(CompilerIdentity.current(), Libraries.DIGEST,
				checks.stream().map(check -> check.getClass().getName()).sorted().toList(), settings);
	}

	/** One line per part, as written into every verdict. */
	String describe() {
		return compiler.describe() + "\nlibraries " + libraries + "\nchecks " + String.join(" ", checks) + "\nsettings "
				+ settings.replace('\n', ' ');
	}

	private static final class Libraries {

		static final String DIGEST = Sha256.of(names());

		/**
		 * The file names of the class path's entries (the jars in a packaged jar's {@code BOOT-INF/lib}, or
		 * those of {@code java.class.path}), sorted: where the jar lives does not matter, its name and version do.
		 */
		private static String names() {
			Stream<String> entries = GateIdentity.class.getClassLoader() instanceof URLClassLoader loader
					? Arrays.stream(loader.getURLs()).map(URL::toString)
					: Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator));
			return entries.map(Libraries::fileName).sorted().collect(Collectors.joining("\n"));
		}

		private static String fileName(String entry) {
			String path = entry.replaceAll("(!/|/)+$", "");
			return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(File.separatorChar)) + 1);
		}
	}
}
