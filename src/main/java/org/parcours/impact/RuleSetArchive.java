package org.parcours.impact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.parcours.rules.RuleFile;

/**
 * The files of a candidate rule set sent as a zip of a rules directory (its content, or the directory
 * itself: one top folder common to every entry is dropped). Read in memory, never unpacked on disk,
 * and refused, naming the entry, when an entry would land outside the directory, when the archive or
 * its expanded files pass their limits, or when an entry is anything but a rule file ({@code .drl}),
 * a decision table ({@code .drl.csv}), a vocabulary or mapping table ({@code vocabulary/*.csv}), a
 * golden-case file ({@code cases/*.json}) or a file of the population guard ({@code cases/*.csv}: its
 * bounds and reference roster).
 */
final class RuleSetArchive {

	/** Why an archive is refused, and the entry at fault ({@code null} for the archive as a whole). */
	static final class InvalidArchiveException extends RuntimeException {

		private final String entry;

		InvalidArchiveException(String entry, String message) {
			super(message);
			this.entry = entry;
		}

		String entry() {
			return entry;
		}
	}

	private RuleSetArchive() {
	}

	static List<RuleFile> read(InputStream zip, long size, ImpactProperties limits) throws IOException {
		if (size > limits.maxArchiveSize().toBytes()) {
			throw new InvalidArchiveException(null, "the archive is " + size + " bytes; at most " + limits.maxArchiveSize().toBytes()
					+ " are accepted");
		}
		List<RuleFile> files = new ArrayList<>();
		Set<String> names = new HashSet<>();
		long expanded = 0;
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(zip)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (++entries > limits.maxEntries()) {
					throw new InvalidArchiveException(entry.getName(), "the archive has more than " + limits.maxEntries() + " entries");
				}
				String name = entry.getName();
				checkInside(name);
				if (entry.isDirectory()) {
					continue;
				}
				if (!names.add(name)) {
					throw new InvalidArchiveException(name, "the entry appears twice in the archive");
				}
				ByteArrayOutputStream content = new ByteArrayOutputStream();
				byte[] buffer = new byte[8192];
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					expanded += n;
					if (expanded > limits.maxExpandedSize().toBytes()) {
						throw new InvalidArchiveException(name, "the files expand past " + limits.maxExpandedSize().toBytes() + " bytes");
					}
					content.write(buffer, 0, n);
				}
				files.add(new RuleFile(name, content.toByteArray()));
			}
		}
		catch (ZipException ex) {
			throw new InvalidArchiveException(null, "the rules part is not a readable zip archive");
		}
		if (files.isEmpty()) {
			throw new InvalidArchiveException(null, "the archive holds no file");
		}
		List<RuleFile> rules = withoutCommonFolder(files);
		rules.forEach(RuleSetArchive::checkKind);
		return rules.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
	}

	/** Refuses names that are absolute, go up, or use a drive or backslash: they would escape the rules directory. */
	private static void checkInside(String name) {
		boolean escapes = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
				|| List.of(name.split("/")).contains("..");
		if (escapes) {
			throw new InvalidArchiveException(name, "the entry would be written outside the rules directory");
		}
	}

	private static List<RuleFile> withoutCommonFolder(List<RuleFile> files) {
		String first = files.get(0).path();
		int slash = first.indexOf('/');
		if (slash < 0) {
			return files;
		}
		String folder = first.substring(0, slash + 1);
		boolean common = files.stream().allMatch(file -> file.path().startsWith(folder));
		if (!common || folder.equals("cases/") || folder.equals("vocabulary/")) {
			return files;
		}
		return files.stream().map(file -> new RuleFile(file.path().substring(folder.length()), file.content())).toList();
	}

	private static void checkKind(RuleFile file) {
		String path = file.path();
		String name = path.substring(path.lastIndexOf('/') + 1);
		boolean hidden = List.of(path.split("/")).stream().anyMatch(part -> part.startsWith("."));
		boolean rule = path.endsWith(".drl") || path.endsWith(".drl.csv");
		boolean vocabulary = path.startsWith("vocabulary/") && path.endsWith(".csv");
		boolean cases = path.startsWith("cases/") && (path.endsWith(".json") || path.endsWith(".csv"));
		if (hidden || name.contains("~") || !(rule || vocabulary || cases)) {
			throw new InvalidArchiveException(path, "only rule files (.drl), decision tables (.drl.csv), vocabulary tables "
					+ "(vocabulary/*.csv), golden cases (cases/*.json) and population guard files (cases/*.csv) are accepted");
		}
	}
}
