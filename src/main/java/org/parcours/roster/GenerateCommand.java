package org.parcours.roster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/** {@code generate}: a seeded synthetic roster in the canonical format (see {@link RosterGenerator}). */
final class GenerateCommand {

	static final Set<String> OPTIONS = Set.of("rows", "seed", "output", "bad-rows");

	private GenerateCommand() {
	}

	static void run(Arguments arguments, PrintStream err) throws IOException {
		long rows = arguments.number("rows", -1, 0, 100_000_000);
		if (rows < 0) {
			throw Arguments.usage("--rows is required");
		}
		long seed = arguments.number("seed", -1, 0, Long.MAX_VALUE);
		if (seed < 0) {
			throw Arguments.usage("--seed is required");
		}
		Path output = Path.of(arguments.required("output"));
		double badRows = arguments.fraction("bad-rows");
		try (Writer writer = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
			new RosterGenerator(seed, badRows).write(rows, writer);
		}
		catch (IOException ex) {
			throw new RosterFileException(RosterFileException.Kind.OUTPUT, "output", "could not write " + output);
		}
		err.printf("parcours generate: %d rows (seed %d, bad-row fraction %s) written to %s%n", rows, seed, badRows, output);
	}
}
