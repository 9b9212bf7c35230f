package org.parcours.rules;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entries of one kind (compiled rules, gate verdicts) in a directory only this user may write: another
 * user could otherwise plant one. Each is named by a digest of the header that says what it holds, is
 * written under a temporary name and renamed into place, so that a crash never leaves half an entry,
 * and only the {@code maxEntries} most recently written or used are kept.
 */
final class PrivateEntries {

	private static final Logger log = LoggerFactory.getLogger(PrivateEntries.class);

	private final Path directory;

	private final String suffix;

	private final int maxEntries;

	/** What an entry is, for the log: "Compiled-rules cache entry", "Gate verdict". */
	private final String kind;

	PrivateEntries(Path directory, String suffix, int maxEntries, String kind) {
		this.directory = directory;
		this.suffix = suffix;
		this.maxEntries = maxEntries;
		this.kind = kind;
	}

	Path directory() {
		return directory;
	}

	/** Where the entry with this header is (or would be). */
	Path entry(String header) {
		return directory.resolve(Sha256.of(header).substring(0, 40) + suffix);
	}

	/** Writes the entry whole or not at all, then drops the oldest beyond {@code maxEntries}. */
	void write(Path entry, byte[] content) throws IOException {
		createPrivateDirectory();
		Path temporary = Files.createTempFile(directory, "writing-", ".tmp");
		try {
			Files.write(temporary, content);
			Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | UnsupportedOperationException ex) {
			discard(temporary);
			throw ex;
		}
		evictBeyondLimit();
	}

	/** Renews an entry's time when it is used: the eviction keeps the most recently used. */
	static void touch(Path entry) {
		try {
			Files.setLastModifiedTime(entry, FileTime.fromMillis(System.currentTimeMillis()));
		}
		catch (IOException ex) {
			// a read-only directory still serves its entries; only the eviction order is less exact
		}
	}

	void discard(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (AccessDeniedException ex) {
			log.warn("{} {} could not be deleted (access denied)", kind, file.getFileName());
		}
		catch (IOException ex) {
			log.warn("{} {} could not be deleted ({})", kind, file.getFileName(), ex.getClass().getSimpleName());
		}
	}

	private void createPrivateDirectory() throws IOException {
		if (Files.isDirectory(directory)) {
			return;
		}
		if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
			Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(ownerOnly));
		}
		else {
			Files.createDirectories(directory);
		}
	}

	private void evictBeyondLimit() throws IOException {
		List<Path> entries;
		try (Stream<Path> files = Files.list(directory)) {
			entries = files.filter(file -> file.getFileName().toString().endsWith(suffix))
				.sorted(Comparator.comparing(PrivateEntries::lastModified).reversed())
				.toList();
		}
		entries.stream().skip(maxEntries).forEach(this::discard);
	}

	private static FileTime lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}
}
