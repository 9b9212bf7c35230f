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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verdicts of the activation checks kept on disk, so that a start-up on a rule set that passed them
 * before, under exactly the same conditions, need not run them again. The checks (golden cases,
 * population guard) are a deterministic function of the rule files (the cases and the reference roster
 * are files of the rule set), the {@link GateIdentity} (code, libraries, checks, settings) and the day
 * (a case or roster row without an assessment date is assessed as of today): a verdict is found by a
 * key of all of them, and holds for that day only.
 *
 * <p>Only a pass is ever recorded, and only after every check ran and passed on that day. A verdict is
 * used only if it proves to be what was asked for: its header repeats the content hash, the day and the
 * gate identity it was written for, and its last line is a SHA-256 of all the rest. A corrupt, truncated
 * or mismatched verdict is deleted and the checks run. Verdicts are written to a temporary file and
 * renamed, in the compiled-rules cache's directory (private to this user), and never fail a start-up.
 */
final class GateVerdicts {

	private static final Logger log = LoggerFactory.getLogger(GateVerdicts.class);

	private static final String FORMAT = "parcours gate verdict 1";

	private static final String SUFFIX = ".verdict";

	/** Keeps nothing and finds nothing: the checks always run. */
	static final GateVerdicts NONE = new GateVerdicts(null, 0, null, Clock.systemUTC());

	private final Path directory;

	private final int maxEntries;

	private final GateIdentity identity;

	private final Clock clock;

	GateVerdicts(Path directory, int maxEntries, GateIdentity identity, Clock clock) {
		this.directory = directory;
		this.maxEntries = maxEntries;
		this.identity = identity;
		this.clock = clock;
	}

	/** The day a verdict reached now holds for. */
	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** When this content passed every check on {@code day} under this gate, if a valid verdict says so. */
	Optional<Instant> passedOn(String contentHash, LocalDate day) {
		if (directory == null) {
			return Optional.empty();
		}
		String header = header(contentHash, day);
		Path entry = entry(header);
		String stored;
		try {
			stored = Files.readString(entry, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			log.warn("Gate verdict {} could not be read ({}); the activation checks run", entry.getFileName(), ex.getClass().getSimpleName());
			return Optional.empty();
		}
		Optional<Instant> passed = passedAt(stored, header);
		if (passed.isEmpty()) {
			log.warn("Gate verdict {} is corrupt or was reached for other rules, settings or another build; deleted, the activation checks run",
					entry.getFileName());
			discard(entry);
		}
		return passed;
	}

	/**
	 * Records that this content has just passed every check, which ran on {@code day}; nothing when the
	 * day has changed since (the checks may have read another date). A failure to write is logged, never thrown.
	 */
	void record(String contentHash, LocalDate day) {
		if (directory == null || !day.equals(today())) {
			return;
		}
		String body = header(contentHash, day) + "passed " + clock.instant() + "\n";
		Path temporary = null;
		try {
			createPrivateDirectory();
			temporary = Files.createTempFile(directory, "writing-", ".tmp");
			Files.writeString(temporary, body + "digest " + sha256(body) + "\n", StandardCharsets.UTF_8);
			Files.move(temporary, entry(header(contentHash, day)), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			evictBeyondLimit();
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("The gate's verdict could not be stored in {} ({}); the next start-up runs the activation checks", directory,
					ex.getClass().getSimpleName());
			if (temporary != null) {
				discard(temporary);
			}
		}
	}

	/** Where the verdict for this content on this day is (or would be). */
	Path entryOf(String contentHash, LocalDate day) {
		return entry(header(contentHash, day));
	}

	private String header(String contentHash, LocalDate day) {
		return FORMAT + "\ncontent " + contentHash + "\nday " + day + "\n" + identity.describe() + "\n";
	}

	private Path entry(String header) {
		return directory.resolve(sha256(header).substring(0, 40) + SUFFIX);
	}

	/** The time of the pass when the verdict has exactly the expected header, one pass line and the digest of both. */
	private static Optional<Instant> passedAt(String stored, String header) {
		if (!stored.startsWith(header)) {
			return Optional.empty();
		}
		List<String> rest = stored.substring(header.length()).lines().toList();
		if (rest.size() != 2 || !rest.get(0).startsWith("passed ") || !stored.endsWith("\n")
				|| !rest.get(1).equals("digest " + sha256(header + rest.get(0) + "\n"))) {
			return Optional.empty();
		}
		try {
			return Optional.of(Instant.parse(rest.get(0).substring("passed ".length())));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
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

	/** Keeps the {@code maxEntries} most recent verdicts. */
	private void evictBeyondLimit() throws IOException {
		List<Path> entries;
		try (Stream<Path> files = Files.list(directory)) {
			entries = files.filter(file -> file.getFileName().toString().endsWith(SUFFIX))
				.sorted(Comparator.comparing(GateVerdicts::lastModified).reversed())
				.toList();
		}
		entries.stream().skip(maxEntries).forEach(GateVerdicts::discard);
	}

	private static FileTime lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return FileTime.fromMillis(0);
		}
	}

	private static void discard(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (AccessDeniedException ex) {
			log.warn("Gate verdict {} could not be deleted (access denied)", file.getFileName());
		}
		catch (IOException ex) {
			log.warn("Gate verdict {} could not be deleted ({})", file.getFileName(), ex.getClass().getSimpleName());
		}
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
