package org.parcours.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A writable copy of the real {@code rules/} directory (or of the engine tests' fixture rule set), and
 * edits to it as a clinician would make them.
 */
public final class RulesDirectory {

	private final Path source;

	private final Path root;

	private RulesDirectory(Path source, Path root) {
		this.source = source;
		this.root = root;
	}

	/** Copies the default rules into {@code target} (an empty temporary directory). */
	public static RulesDirectory copyOfDefault(Path target) {
		return copy(DefaultRules.DIRECTORY, target);
	}

	/** Copies the fixture rule set ({@link FixtureRules}) into {@code target} (an empty temporary directory). */
	public static RulesDirectory copyOfFixture(Path target) {
		return copy(FixtureRules.DIRECTORY, target);
	}

	private static RulesDirectory copy(Path from, Path target) {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path copy = target.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(source, copy);
				}
			}
			return new RulesDirectory(from, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Copies the fixture rule set into a new temporary directory (for tests that share one copy per class). */
	public static RulesDirectory temporaryCopyOfFixture() {
		return copy(FixtureRules.DIRECTORY, temporaryDirectory());
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("rules-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Puts the directory back to the rules it was copied from: every edit undone, every added file removed. */
	public void reset() {
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				if (!path.equals(root)) {
					Files.delete(path);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		copy(source, root);
	}

	public Path root() {
		return root;
	}

	/** Replaces the one occurrence of {@code from} in {@code file}; fails when it is not there exactly once. */
	public String replace(String file, String from, String to) {
		try {
			Path path = root.resolve(file);
			String text = Files.readString(path);
			if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
				throw new IllegalArgumentException(file + " does not contain exactly one '" + from + "'");
			}
			Files.writeString(path, text.replace(from, to));
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void delete(String file) {
		try {
			Files.delete(root.resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void write(String file, String content) {
		try {
			Files.createDirectories(root.resolve(file).getParent());
			Files.writeString(root.resolve(file), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
