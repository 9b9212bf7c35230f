package org.parcours.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The files a run writes must not be the roster it reads, nor each other: writing would destroy the input. */
public final class Destinations {

	private Destinations() {
	}

	/** Refuses an output or summary that is the input (or the output) file, however it is spelled ({@code ./x}, a symbolic link). */
	static void refuseOverwriting(Path input, Path output, String summary) {
		refuse(output, "output", input, "input");
		if (summary != null) {
			refuse(Path.of(summary), "summary", input, "input");
			refuse(Path.of(summary), "summary", output, "output");
		}
	}

	/** Refuses writing {@code written} when it is the file {@code other}, however either is spelled. */
	public static void refuse(Path written, String writtenOption, Path other, String otherOption) {
		if (same(written, other)) {
			throw new RosterFileException(RosterFileException.Kind.OUTPUT, writtenOption,
					"--" + writtenOption + " is the same file as --" + otherOption + "; choose another file");
		}
	}

	private static boolean same(Path a, Path b) {
		try {
			if (Files.exists(a) && Files.exists(b)) {
				return Files.isSameFile(a, b);
			}
		}
		catch (IOException ex) {
			// not comparable as files: compare the paths below
		}
		return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
	}
}
