package org.parcours.impact;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;

import org.parcours.roster.RosterFileException;

/**
 * The {@code compare} command of the jar, run instead of the web server:
 * <pre>
 * compare --baseline DIR --candidate DIR --input FILE [--profile NAME] [--outcome COLUMN=VALUE] --json FILE --report FILE.html
 * </pre>
 * Exit codes as the roster commands: 0 done; 1 unexpected failure; 2 bad arguments or unknown
 * profile; 3 input not readable; 4 roster without a usable header or outcome column; 5 a rule set
 * that does not pass the activation pipeline; 6 a report not writable.
 */
public final class ImpactCli {

	static final String COMMAND = "compare";

	static final String USAGE = """
			usage: java -jar parcours.jar compare --baseline DIR --candidate DIR --input FILE [--profile NAME] [--outcome COLUMN=VALUE]
			                                      --json FILE --report FILE.html""";

	private static final Set<String> HELP = Set.of("--help", "-h", "help");

	private ImpactCli() {
	}

	public static boolean handles(String[] args) {
		return args.length > 0 && args[0].equals(COMMAND);
	}

	/** Runs the command and returns its exit code; messages and progress go to {@code err}. */
	public static int run(String[] args, PrintStream err, Class<?> application) {
		if (Arrays.stream(args).skip(1).anyMatch(HELP::contains)) {
			err.println(USAGE);
			return 0;
		}
		try {
			CompareCommand.run(args, err, application);
			return 0;
		}
		catch (RosterFileException ex) {
			err.println("parcours compare: " + ex.getMessage());
			if (ex.kind() == RosterFileException.Kind.USAGE) {
				err.println(USAGE);
			}
			return ex.kind().exitCode;
		}
		catch (IOException | RuntimeException ex) {
			err.println("parcours compare: failed: " + ex.getClass().getSimpleName());
			return 1;
		}
	}
}
