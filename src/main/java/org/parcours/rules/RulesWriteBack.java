package org.parcours.rules;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the files of a rule set back into the rules directory, as a restore does. Every file is first
 * written next to its target under a hidden name (which the loader ignores), and only when all are
 * written is each moved into place and every file the rule set does not have deleted: a failure while
 * writing leaves the directory as it was. The reloader does this while it holds its lock, so no
 * reload sees the directory half-written.
 */
final class RulesWriteBack {

	private RulesWriteBack() {
	}

	/** Why the service cannot write the files into the directory, or empty when it can (it tries, with a hidden file). */
	static Optional<String> whyNotWritable(Path directory, List<RuleFile> files) {
		Set<Path> directories = new LinkedHashSet<>();
		directories.add(directory);
		for (RuleFile file : files) {
			Path parent = target(directory, file).getParent();
			while (!Files.isDirectory(parent)) {
				parent = parent.getParent();
			}
			directories.add(parent);
		}
		for (Path each : directories) {
			try {
				if (Files.getFileStore(each).isReadOnly()) {
					return Optional.of("it is on a read-only file system");
				}
				Files.delete(Files.createTempFile(each, ".parcours-write-check-", ".tmp"));
			}
			catch (AccessDeniedException ex) {
				return Optional.of("permission denied on " + name(directory, each));
			}
			catch (FileSystemException ex) {
				return Optional.of((ex.getReason() == null ? ex.getClass().getSimpleName() : ex.getReason()) + " on " + name(directory, each));
			}
			catch (IOException ex) {
				return Optional.of(ex.getClass().getSimpleName() + " on " + name(directory, each));
			}
		}
		return Optional.empty();
	}

	private static String name(Path directory, Path each) {
		String relative = directory.relativize(each).toString();
		return relative.isEmpty() ? "the directory itself" : relative + "/";
	}

	/** Makes the directory hold exactly {@code files} ({@code current} is what it holds now, as the loader reads it). */
	static void write(Path directory, List<RuleFile> files, List<RuleFile> current) throws IOException {
		Map<Path, Path> staged = new LinkedHashMap<>();
		try {
			for (RuleFile file : files) {
				Path target = target(directory, file);
				Files.createDirectories(target.getParent());
				Path temporary = target.resolveSibling("." + target.getFileName() + ".restore-" + UUID.randomUUID() + ".tmp");
				staged.put(temporary, target);
				Files.write(temporary, file.content());
			}
		}
		catch (IOException | RuntimeException ex) {
			for (Path temporary : staged.keySet()) {
				Files.deleteIfExists(temporary);
			}
			throw ex;
		}
		for (Map.Entry<Path, Path> move : staged.entrySet()) {
			Files.move(move.getKey(), move.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		Set<String> kept = new LinkedHashSet<>(files.stream().map(RuleFile::path).toList());
		List<Path> emptied = new ArrayList<>();
		for (RuleFile file : current) {
			if (!kept.contains(file.path())) {
				Path target = target(directory, file);
				Files.deleteIfExists(target);
				emptied.add(target.getParent());
			}
		}
		for (Path parent : emptied) {
			for (Path each = parent; !each.equals(directory); each = each.getParent()) {
				try {
					Files.deleteIfExists(each);
				}
				catch (DirectoryNotEmptyException ex) {
					break;
				}
			}
		}
	}

	/** The file's place in the directory; a path that would leave it (an archive edited by hand) is refused. */
	private static Path target(Path directory, RuleFile file) {
		Path target = directory.resolve(file.path()).normalize();
		if (!target.startsWith(directory) || target.equals(directory)) {
			throw new IllegalArgumentException("a rule file path leaves the rules directory");
		}
		return target;
	}
}
