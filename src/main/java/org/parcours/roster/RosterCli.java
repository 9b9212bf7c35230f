package org.parcours.roster;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;

/**
 * The batch commands of the jar, run instead of the web server:
 * <pre>
 * score    --input FILE --output FILE [--profile NAME] [--summary FILE] [--rules DIR] [--keep COL,COL]
 * generate --rows N --seed S --output FILE [--bad-rows FRACTION]
 * </pre>
 * Exit codes: 0 done (rows that could not be scored are error rows, not failures); 1 unexpected
 * failure; 2 bad arguments or unknown profile; 3 input not readable; 4 roster without a usable
 * header; 5 rules that do not load; 6 output not writable.
 */
public final class RosterCli {

	static final String USAGE = """
			usage: java -jar parcours.jar score --input FILE --output FILE [--profile NAME] [--summary FILE] [--rules DIR] [--keep COL,...]
			       java -jar parcours.jar generate --rows N --seed S --output FILE [--bad-rows FRACTION]""";

	private RosterCli() {
	}

	/** Whether the arguments name a batch command (otherwise the web server starts). */
	public static boolean handles(String[] args) {
		return args.length > 0 && Set.of("score", "generate").contains(args[0]);
	}

	/**
	 * Runs the command and returns its exit code; messages go to {@code err}. {@code application} is
	 * the Spring Boot application whose rules a {@code score} run loads (passed in, because the
	 * application depends on this package and not the other way round).
	 */
	public static int run(String[] args, PrintStream err, Class<?> application) {
		try {
			if (args[0].equals("score")) {
				ScoreCommand.run(Arguments.parse(args, 1, ScoreCommand.OPTIONS), err, application);
			}
			else {
				GenerateCommand.run(Arguments.parse(args, 1, GenerateCommand.OPTIONS), err);
			}
			return 0;
		}
		catch (RosterFileException ex) {
			err.println("parcours " + args[0] + ": " + ex.getMessage());
			if (ex.kind() == RosterFileException.Kind.USAGE) {
				err.println(USAGE);
			}
			return ex.kind().exitCode;
		}
		catch (IOException | RuntimeException ex) {
			err.println("parcours " + args[0] + ": failed: " + ex.getClass().getSimpleName());
			return 1;
		}
	}
}
