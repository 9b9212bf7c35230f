package org.parcours.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule sets on disk, so that a start-up (or a reload back to content compiled before) skips
 * the compilation, the slowest stage. An entry is found by a key derived from everything that
 * determines what the rules compile to: the content hash of every file of the rule set (the one
 * {@link RuleSetLoader} computes and the version names) and the {@link CompilerIdentity} (this build
 * of Parcours, Drools, Java).
 *
 * <p>An entry is used only if it proves to be what was asked for: its header repeats the content hash
 * and identity it was written for, and a SHA-256 of its payload. A truncated, corrupt or mismatched
 * entry (another key's content, another build's) is deleted and the rules are compiled as if there were
 * no cache. Entries are written to a temporary file and renamed, so a crash never leaves half an entry
 * under a key. The cache never fails a load: an unreadable or unwritable directory only costs the
 * compilation. The checks that follow the compilation (the compiled-code check, the golden cases) run
 * on a cached module exactly as on a fresh one.
 */
final class CompiledRulesCache {

	private static final Logger log = LoggerFactory.getLogger(CompiledRulesCache.class);

	private static final String FORMAT = "parcours compiled rules 1";

	private static final String SUFFIX = ".rules";

	/** A cache that holds nothing and keeps nothing: every load compiles. */
	static final CompiledRulesCache NONE = new CompiledRulesCache(null, 0, null);

	private final Path directory;

	private final int maxEntries;

	private final CompilerIdentity identity;

	CompiledRulesCache(Path directory, int maxEntries, CompilerIdentity identity) {
		this.directory = directory;
		this.maxEntries = maxEntries;
		this.identity = identity;
	}

	/** The compiled module stored for this content, if there is a valid one. */
	Optional<byte[]> read(String contentHash) {
		if (directory == null) {
			return Optional.empty();
		}
		String header = header(contentHash);
		Path entry = entry(header);
		byte[] stored;
		try {
			stored = Files.readAllBytes(entry);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			log.warn("Compiled-rules cache entry {} could not be read ({}); compiling", entry.getFileName(), ex.getClass().getSimpleName());
			return Optional.empty();
		}
		Optional<byte[]> payload = payload(stored, header);
		if (payload.isEmpty()) {
			log.warn("Compiled-rules cache entry {} is corrupt or was written for other rules or another build; deleted, compiling",
					entry.getFileName());
			discard(entry);
			return Optional.empty();
		}
		touch(entry);
		return payload;
	}

	/** Stores the compiled module of this content; a failure to write is logged, never thrown. */
	void write(String contentHash, byte[] module) {
		if (directory == null) {
			return;
		}
		String header = header(contentHash);
		Path entry = entry(header);
		Path temporary = null;
		try {
			createPrivateDirectory();
			temporary = Files.createTempFile(directory, "writing-", ".tmp");
			byte[] head = (header + "payload " + sha256(module) + " " + module.length + "\n").getBytes(StandardCharsets.UTF_8);
			byte[] whole = Arrays.copyOf(head, head.length + module.length);
			System.arraycopy(module, 0, whole, head.length, module.length);
			Files.write(temporary, whole);
			Files.move(temporary, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			evictBeyondLimit();
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("Compiled rules could not be stored in {} ({}); the next start-up compiles them again", directory,
					ex.getClass().getSimpleName());
			if (temporary != null) {
				discard(temporary);
			}
		}
	}

	/** What an entry for this content must start with: the format, the content hash and the compiler identity. */
	private String header(String contentHash) {
		return FORMAT + "\ncontent " + contentHash + "\n" + identity.describe() + "\n";
	}

	/** Where the entry for this content is (or would be). */
	Path entryOf(String contentHash) {
		return entry(header(contentHash));
	}

	private Path entry(String header) {
		return directory.resolve(sha256(header.getBytes(StandardCharsets.UTF_8)).substring(0, 40) + SUFFIX);
	}

	/** The payload when the entry has exactly the expected header and its payload has the length and digest recorded there. */
	private static Optional<byte[]> payload(byte[] stored, String header) {
		byte[] expected = header.getBytes(StandardCharsets.UTF_8);
		if (stored.length < expected.length || !Arrays.equals(stored, 0, expected.length, expected, 0, expected.length)) {
			return Optional.empty();
		}
		int end = indexOf(stored, (byte) '\n', expected.length);
		if (end < 0) {
			return Optional.empty();
		}
		String[] line = new String(stored, expected.length, end - expected.length, StandardCharsets.UTF_8).split(" ");
		if (line.length != 3 || !line[0].equals("payload") || !line[2].matches("\\d{1,10}")) {
			return Optional.empty();
		}
		byte[] payload = Arrays.copyOfRange(stored, end + 1, stored.length);
		return payload.length == Long.parseLong(line[2]) && sha256(payload).equals(line[1]) ? Optional.of(payload) : Optional.empty();
	}

	private static int indexOf(byte[] bytes, byte value, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/** Entries live in a directory only this user may write: another user could otherwise plant one. */
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

	/** Keeps the {@code maxEntries} most recently used entries (a hit renews an entry's time). */
	private void evictBeyondLimit() throws IOException {
		List<Path> entries;
		try (Stream<Path> files = Files.list(directory)) {
			entries = files.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
				.sorted(Comparator.comparing(CompiledRulesCache::lastModified).reversed())
				.toList();
		}
		entries.stream().skip(maxEntries).forEach(CompiledRulesCache::discard);
	}

	private static FileTime lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private static void touch(Path entry) {
		try {
			Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
		}
		catch (IOException ex) {
			// a read-only cache still serves its entries; only the eviction order is less exact
		}
	}

	private static void discard(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (AccessDeniedException ex) {
			log.warn("Compiled-rules cache entry {} could not be deleted (access denied)", file.getFileName());
		}
		catch (IOException ex) {
			log.warn("Compiled-rules cache entry {} could not be deleted ({})", file.getFileName(), ex.getClass().getSimpleName());
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
