package org.parcours.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

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

	/** Null for {@link #NONE}. */
	private final PrivateEntries entries;

	private final GateIdentity identity;

	private final Clock clock;

	GateVerdicts(Path directory, int maxEntries, GateIdentity identity, Clock clock) {
		this.entries = directory == null ? null : new PrivateEntries(directory, SUFFIX, maxEntries, "Gate verdict");
		this.identity = identity;
		this.clock = clock;
	}

	/** The day a verdict reached now holds for. */
	LocalDate today() {
		return LocalDate.now(clock);
	}

	/** When this content passed every check on {@code day} under this gate, if a valid verdict says so. */
	Optional<Instant> passedOn(String contentHash, LocalDate day) {
		if (entries == null) {
			return Optional.empty();
		}
		String header = header(contentHash, day);
		Path entry = entries.entry(header);
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
			entries.discard(entry);
		}
		return passed;
	}

	/**
	 * Records that this content has just passed every check, which ran on {@code day}; nothing when the
	 * day has changed since (the checks may have read another date). A failure to write is logged, never thrown.
	 */
	void record(String contentHash, LocalDate day) {
		if (entries == null || !day.equals(today())) {
			return;
		}
		String header = header(contentHash, day);
		String body = header + "passed " + clock.instant() + "\n";
		try {
			entries.write(entries.entry(header), (body + "digest " + Sha256.of(body) + "\n").getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("The gate's verdict could not be stored in {} ({}); the next start-up runs the activation checks", entries.directory(),
					ex.getClass().getSimpleName());
		}
	}

	/** Where the verdict for this content on this day is (or would be). */
	Path entryOf(String contentHash, LocalDate day) {
		return entries.entry(header(contentHash, day));
	}

	private String header(String contentHash, LocalDate day) {
		return FORMAT + "\ncontent " + contentHash + "\nday " + day + "\n" + identity.describe() + "\n";
	}

	/** The time of the pass when the verdict has exactly the expected header, one pass line and the digest of both. */
	private static Optional<Instant> passedAt(String stored, String header) {
		if (!stored.startsWith(header)) {
			return Optional.empty();
		}
		List<String> rest = stored.substring(header.length()).lines().toList();
		if (rest.size() != 2 || !rest.get(0).startsWith("passed ") || !stored.endsWith("\n")
				|| !rest.get(1).equals("digest " + Sha256.of(header + rest.get(0) + "\n"))) {
			return Optional.empty();
		}
		try {
			return Optional.of(Instant.parse(rest.get(0).substring("passed ".length())));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}
}
