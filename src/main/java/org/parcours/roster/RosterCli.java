package org.parcours.roster;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;

/**
 * The batch commands of the jar, run instead of the web server:
 * <pre>
 * score    --input FILE --output FILE [--profile NAME] [--summary FILE] [--rules DIR] [--keep COL,COL]
 * generate --rows N --seed S --output FILE [--bad-rows FRACTION]
 * </pre>
 * ({@code compare}, the impact of a candidate rule set, is dispatched before these.)
 * Exit codes: 0 done (rows that could not be scored are error rows, not failures, and {@code --help});
 * 1 unexpected failure; 2 bad arguments, unknown command or unknown profile; 3 input not readable;
 * 4 roster without a usable header; 5 rules that do not load; 6 output not writable or the input itself.
 * <p>
 * Without arguments, or with options only, the jar starts the web service. Every option of the
 * service starts with {@code --} ({@code --server.port=8080}), so a first argument that does not is a
 * command word, and one that is not known (a typo such as {@code scor}) is refused with the usage
 * rather than starting the service.
 */
public final class RosterCli {

	static final String USAGE = """
			usage: java -jar parcours.jar score --input FILE --output FILE [--profile NAME] [--summary FILE] [--rules DIR] [--keep COL,...]
			       java -jar parcours.jar generate --rows N --seed S --output FILE [--bad-rows FRACTION]
			       java -jar parcours.jar compare --baseline DIR --candidate DIR --input FILE [--profile NAME] [--outcome COLUMN=VALUE] --json FILE --report FILE.html
			       java -jar parcours.jar [--server.port=8080 ...]   (no command: starts the web service)
			       java -jar parcours.jar --help""";

	private static final Set<String> COMMANDS = Set.of("score", "generate");

	private static final Set<String> HELP = Set.of("--help", "-h", "help");

	private RosterCli() {
	}

	/** Whether the arguments are for the command line (a command, a mistyped one, or help); otherwise the web server starts. */
	public static boolean handles(String[] args) {
		return args.length > 0 && (!args[0].startsWith("--") || HELP.contains(args[0]));
	}

	/**
	 * Runs the command and returns its exit code; messages go to {@code err}. {@code application} is
	 * the Spring Boot application whose rules a {@code score} run loads (passed in, because the
	 * application depends on this package and not the other way round).
	 */
	public static int run(String[] args, PrintStream err, Class<?> application) {
		if (HELP.contains(args[0]) || COMMANDS.contains(args[0]) && Arrays.stream(args).skip(1).anyMatch(HELP::contains)) {
			err.println(USAGE);
			return 0;
		}
		if (!COMMANDS.contains(args[0])) {
			err.println("parcours: unknown command '" + args[0] + "'");
			err.println(USAGE);
			return RosterFileException.Kind.USAGE.exitCode;
		}
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
