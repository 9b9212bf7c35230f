package org.parcours.impact;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import org.parcours.patient.PatientValidator;
import org.parcours.roster.Arguments;
import org.parcours.roster.CommandContext;
import org.parcours.roster.Destinations;
import org.parcours.roster.RosterFile;
import org.parcours.roster.RosterFileException;
import org.parcours.roster.RosterProfile;
import org.parcours.roster.RosterProfiles;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.CandidateRuleSets;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetException;

/**
 * {@code compare}: the application starts on the baseline rules (so they pass the activation
 * pipeline as at start-up), the candidate goes through the same pipeline, then the roster is
 * streamed through both and the JSON and HTML reports are written next to their destinations and
 * moved there when complete.
 */
final class CompareCommand {

	static final Set<String> OPTIONS = Set.of("baseline", "candidate", "input", "profile", "outcome", "json", "report");

	private CompareCommand() {
	}

	static void run(String[] args, PrintStream err, Class<?> application) throws IOException {
		Arguments arguments = Arguments.parse(args, 1, OPTIONS);
		String baselineDirectory = arguments.required("baseline");
		Path candidateDirectory = Path.of(arguments.required("candidate"));
		Path input = Path.of(arguments.required("input"));
		Path json = Path.of(arguments.required("json"));
		Path report = Path.of(arguments.required("report"));
		RosterProfile profile = RosterProfiles.named(arguments.optional("profile"));
		OutcomeSpec outcome = arguments.optional("outcome") == null ? null : OutcomeSpec.parse(arguments.optional("outcome"), "outcome");
		if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
			throw new RosterFileException(RosterFileException.Kind.UNREADABLE_INPUT, "input", "cannot read the input file " + input);
		}
		if (!Files.isDirectory(candidateDirectory) || !Files.isReadable(candidateDirectory)) {
			throw new RosterFileException(RosterFileException.Kind.RULES, "candidate", "--candidate " + candidateDirectory
					+ ": not a readable directory");
		}
		Destinations.refuse(json, "json", input, "input");
		Destinations.refuse(report, "report", input, "input");
		Destinations.refuse(report, "report", json, "json");
		try (ConfigurableApplicationContext context = CommandContext.start(application, "baseline", baselineDirectory);
				RosterFile.Input in = RosterFile.open(input)) {
			RuleSet baseline = context.getBean(ActiveRuleSet.class).get();
			err.println("parcours compare: baseline " + baseline.version() + " passed the activation checks");
			RuleSet candidate = candidate(context, candidateDirectory);
			err.println("parcours compare: candidate " + candidate.version() + " passed the activation checks");
			LocalDate today = LocalDate.now(context.getBean(Clock.class));
			Progress progress = new Progress(in, err);
			ImpactReport result = ImpactAnalysis.run(baseline, candidate, in.reader(), profile, outcome,
					context.getBean(PatientValidator.class), today, progress::rows);
			write(json, "json", out -> JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(out, result));
			write(report, "report", out -> out.write(HtmlReport.render(result)));
			err.printf(Locale.ROOT, "parcours compare: %d rows, %d level changes, %.1f s (%.0f rows/s)%n", result.rows(),
					result.levelTransitions().stream().filter(t -> !t.from().equals(t.to())).mapToLong(ImpactReport.Transition::count).sum(),
					result.seconds(), result.rows() / Math.max(result.seconds(), 1e-9));
			result.population().candidate().alerts().forEach(alert -> err.println("parcours compare: ALERT candidate " + alert));
		}
	}

	private static RuleSet candidate(ConfigurableApplicationContext context, Path directory) {
		try {
			return context.getBean(CandidateRuleSets.class).check(directory);
		}
		catch (RuleSetException ex) {
			throw new RosterFileException(RosterFileException.Kind.RULES, "candidate", "the candidate rule set is refused. " + ex.getMessage());
		}
	}

	private interface Content {

		void writeTo(Writer out) throws IOException;
	}

	private static void write(Path path, String option, Content content) throws IOException {
		Path partial = path.resolveSibling(path.getFileName() + ".part");
		try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
			content.writeTo(out);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(partial);
			throw new RosterFileException(RosterFileException.Kind.OUTPUT, option, "could not write " + path + " ("
					+ ex.getClass().getSimpleName() + ")");
		}
		Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING);
	}

	/** Progress on stderr at most once a second: share of the file read, rows, rate. */
	private static final class Progress {

		private final RosterFile.Input in;

		private final PrintStream err;

		private final long start = System.nanoTime();

		private double next;

		Progress(RosterFile.Input in, PrintStream err) {
			this.in = in;
			this.err = err;
		}

		void rows(long rows) {
			double seconds = (System.nanoTime() - start) / 1e9;
			if (seconds >= next) {
				next = seconds + 1;
				int percent = in.size() > 0 ? (int) Math.min(99, 100.0 * in.bytesRead() / in.size()) : 0;
				err.printf(Locale.ROOT, "parcours compare: %d %% (%,d rows, %,.0f rows/s)%n", percent, rows, rows / Math.max(seconds, 1e-9));
			}
		}
	}
}
