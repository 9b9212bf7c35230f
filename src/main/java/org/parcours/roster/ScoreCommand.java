package org.parcours.roster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import org.parcours.patient.PatientValidator;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.RuleSet;

/**
 * {@code score}: a roster file to a scored file (and a summary), on one rule-set snapshot. The rules
 * are loaded by the application itself, without its web server, so that the command activates
 * rules exactly as the service does (same checks, same golden cases). The output is written next to
 * its destination and moved there when complete: a failed run never leaves a truncated file that
 * looks finished. Files whose name ends in {@code .gz} are read or written as gzip.
 */
final class ScoreCommand {

	static final Set<String> OPTIONS = Set.of("input", "output", "profile", "summary", "rules", "keep");

	private ScoreCommand() {
	}

	static void run(Arguments arguments, PrintStream err, Class<?> application) throws IOException {
		Path input = Path.of(arguments.required("input"));
		Path output = Path.of(arguments.required("output"));
		String summaryFile = arguments.optional("summary");
		RosterProfile profile = RosterProfiles.named(arguments.optional("profile"));
		List<String> keep = arguments.list("keep");
		if (!Files.isRegularFile(input) || !Files.isReadable(input)) {
			throw new RosterFileException(RosterFileException.Kind.UNREADABLE_INPUT, "input", "cannot read the input file " + input);
		}
		Destinations.refuseOverwriting(input, output, summaryFile);
		try (RosterFile.Input in = RosterFile.open(input); ConfigurableApplicationContext context = CommandContext.start(application, "rules", arguments.optional("rules"))) {
			RuleSet ruleSet = context.getBean(ActiveRuleSet.class).get();
			LocalDate today = LocalDate.now(context.getBean(Clock.class));
			RosterJob job = RosterJob.open(in.reader(), profile, RosterJob.Options.defaults(keep), ruleSet,
					context.getBean(PatientValidator.class), today);
			Path partial = output.resolveSibling(output.getFileName() + ".part");
			RosterSummary summary;
			try (Writer writer = RosterFile.create(partial, RosterFile.gzip(output))) {
				summary = job.run(writer, new ProgressReport(in::bytesRead, job::rowsRead, in.size(), err::println));
			}
			catch (IOException ex) {
				Files.deleteIfExists(partial);
				throw new RosterFileException(RosterFileException.Kind.OUTPUT, "output",
						"could not write " + output + " (" + ex.getClass().getSimpleName() + ")");
			}
			catch (RuntimeException ex) {
				Files.deleteIfExists(partial);
				throw ex;
			}
			Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
			if (summaryFile != null) {
				JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(Path.of(summaryFile).toFile(), summary.report());
			}
			err.printf("parcours score: %d rows in, %d rows out, %d error rows, %.1f s (%.0f rows/s), rules %s%n", summary.rowsIn(),
					summary.rowsOut(), summary.errors(), summary.seconds(), summary.rowsOut() / Math.max(summary.seconds(), 1e-9),
					ruleSet.version());
			summary.population().alerts().forEach(alert -> err.println("parcours score: ALERT " + alert));
		}
	}
}
