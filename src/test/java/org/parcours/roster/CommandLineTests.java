package org.parcours.roster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.parcours.ParcoursApplication;

/** Runs the jar's command line as {@code main} does, keeping what it prints on stderr. */
abstract class CommandLineTests {

	@TempDir
	Path dir;

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	int run(String... args) {
		return RosterCli.run(args, new PrintStream(err, true, StandardCharsets.UTF_8), ParcoursApplication.class);
	}

	String messages() {
		return err.toString(StandardCharsets.UTF_8);
	}
}
