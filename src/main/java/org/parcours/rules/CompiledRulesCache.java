package org.parcours.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

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

	private static final String SHARE_SUFFIX = ".share";

	/**
	 * File shares of the parameter and rules parts kept for each entry of a whole part. A rule set has one
	 * share per file with parameters and one per file with rules (about seventy-five in the default rules)
	 * and an edit adds one or two, so this keeps every share of as many rule sets as whole entries, and more.
	 */
	private static final int SHARES_PER_ENTRY = 128;

	/** A cache that holds nothing and keeps nothing: every load compiles. */
	static final CompiledRulesCache NONE = new CompiledRulesCache(null, null, null);

	/** Null for {@link #NONE}. */
	private final PrivateEntries entries;

	private final CompilerIdentity identity;

	/** The entries of each file's share of a part, in the same directory; this cache itself for one that keeps nothing or for the shares' own. */
	private final CompiledRulesCache shares;

	CompiledRulesCache(Path directory, int maxEntries, CompilerIdentity identity) {
		this(directory == null ? null : new PrivateEntries(directory, SUFFIX, maxEntries, "Compiled-rules cache entry"), identity,
				directory == null ? null : new CompiledRulesCache(
						new PrivateEntries(directory, SHARE_SUFFIX, SHARES_PER_ENTRY * maxEntries, "Compiled file share"), identity, null));
	}

	private CompiledRulesCache(PrivateEntries entries, CompilerIdentity identity, CompiledRulesCache shares) {
		this.entries = entries;
		this.identity = identity;
		this.shares = shares == null ? this : shares;
	}

	/**
	 * The cache of the parts' file shares (see {@link KnowledgeBases}): the same guarantees, in entries of
	 * their own, so that the many small shares do not push the entries of parts compiled whole out.
	 */
	CompiledRulesCache shares() {
		return shares;
	}

	/** The compiled module stored for this content, if there is a valid one. */
	Optional<byte[]> read(String contentHash) {
		if (entries == null) {
			return Optional.empty();
		}
		String header = header(contentHash);
		Path entry = entries.entry(header);
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
			entries.discard(entry);
			return Optional.empty();
		}
		PrivateEntries.touch(entry);
		return payload;
	}

	/** Stores the compiled module of this content; a failure to write is logged, never thrown. */
	void write(String contentHash, byte[] module) {
		if (entries == null) {
			return;
		}
		String header = header(contentHash);
		byte[] head = (header + "payload " + Sha256.of(module) + " " + module.length + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] whole = Arrays.copyOf(head, head.length + module.length);
		System.arraycopy(module, 0, whole, head.length, module.length);
		try {
			entries.write(entries.entry(header), whole);
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.warn("Compiled rules could not be stored in {} ({}); the next start-up compiles them again", entries.directory(),
					ex.getClass().getSimpleName());
		}
	}

	/** What an entry for this content must start with: the format, the content hash and the compiler identity. */
	private String header(String contentHash) {
		return FORMAT + "\ncontent " + contentHash + "\n" + identity.describe() + "\n";
	}

	/** Where the entry for this content is (or would be). */
	Path entryOf(String contentHash) {
		return entries.entry(header(contentHash));
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
		boolean whole = payload.length == Long.parseLong(line[2]) && Sha256.of(payload).equals(line[1]);
		return whole ? Optional.of(payload) : Optional.empty();
	}

	private static int indexOf(byte[] bytes, byte value, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}
}
