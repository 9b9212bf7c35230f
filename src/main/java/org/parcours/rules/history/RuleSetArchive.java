package org.parcours.rules.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.parcours.rules.ActivationRecorder.Activation;
import org.parcours.rules.RuleFile;

/**
 * The record of every rule set that became active, kept in the history directory:
 * <pre>
 * files/ab/ab12...        the content of every file of every version, stored once under its SHA-256
 * versions/V.json         a version: its content hash and its files (path, SHA-256, size)
 * activations/T-V-R.json  one activation: version, time, trigger, user, the version it replaced, a reused verdict's time
 * </pre>
 * Rule files only: golden cases and reference rosters of a rule set are synthetic, and no request
 * or answer is ever written here. Every file is written under a temporary name and moved into place,
 * and an activation is a file of its own, so instances that share the directory do not overwrite each
 * other's records and a crash leaves no half-written record.
 */
final class RuleSetArchive {

	/** What a version looks like; anything else is not looked up (it could name a path). */
	static final Pattern VERSION = Pattern.compile("[0-9a-f]{12}");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final Path root;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	RuleSetArchive(Path root) {
		this.root = root;
	}

	Path root() {
		return root;
	}

	/** Keeps the files of {@code activation} (those not kept yet), its version and the activation itself. */
	void record(Activation activation) {
		try {
			for (RuleFile file : activation.files()) {
				Path blob = blob(file.sha256());
				if (!Files.exists(blob)) {
					writeAtomically(blob, file.content());
				}
			}
			Path manifest = manifest(activation.version());
			if (!Files.exists(manifest)) {
				ArchivedVersion version = new ArchivedVersion(activation.version(), activation.contentHash(), activation.files().stream()
					.map(file -> new ArchivedFile(file.path(), file.sha256(), file.content().length)).toList());
				writeAtomically(manifest, json.writeValueAsBytes(version));
			}
			String previous = latest().map(ActivationEntry::version).orElse(null);
			ActivationEntry entry = new ActivationEntry(activation.version(), activation.at(), activation.trigger(), activation.user(), previous,
					activation.verdictReusedFrom());
			writeAtomically(root.resolve("activations").resolve(STAMP.format(activation.at()) + "-" + activation.version() + "-"
					+ UUID.randomUUID().toString().substring(0, 8) + ".json"), json.writeValueAsBytes(entry));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every activation, newest first. */
	List<ActivationEntry> activations() {
		return activationFiles().map(this::readEntry).toList();
	}

	/** The newest {@code limit} activations, newest first. */
	List<ActivationEntry> activations(int limit) {
		return activationFiles().limit(limit).map(this::readEntry).toList();
	}

	private Optional<ActivationEntry> latest() {
		return activationFiles().findFirst().map(this::readEntry);
	}

	private Stream<Path> activationFiles() {
		Path directory = root.resolve("activations");
		if (!Files.isDirectory(directory)) {
			return Stream.empty();
		}
		try (Stream<Path> files = Files.list(directory)) {
			// names start with the UTC time to the nanosecond, so the name order is the time order
			return files.filter(file -> file.getFileName().toString().endsWith(".json"))
				.sorted(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed()).toList().stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ActivationEntry readEntry(Path file) {
		try {
			return json.readValue(file.toFile(), ActivationEntry.class);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("unreadable activation record " + file.getFileName() + " in the rules history", ex);
		}
	}

	/** The version as archived, or empty when none was ever activated here under that name. */
	Optional<ArchivedVersion> version(String version) {
		if (version == null || !VERSION.matcher(version).matches()) {
			return Optional.empty();
		}
		Path manifest = manifest(version);
		if (!Files.isRegularFile(manifest)) {
			return Optional.empty();
		}
		try {
			return Optional.of(json.readValue(manifest.toFile(), ArchivedVersion.class));
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("unreadable version record " + version + " in the rules history", ex);
		}
	}

	/** The files of an archived version, their content checked against the hash they are stored under. */
	List<RuleFile> files(ArchivedVersion version) {
		return version.files().stream().map(this::file).toList();
	}

	RuleFile file(ArchivedFile file) {
		if (!SHA256.matcher(file.sha256()).matches()) {
			throw new IllegalStateException("the rules history names a file by an invalid hash");
		}
		try {
			RuleFile read = new RuleFile(file.path(), Files.readAllBytes(blob(file.sha256())));
			if (!read.sha256().equals(file.sha256())) {
				throw new IllegalStateException("the rules history's copy of " + file.path() + " does not match its hash: it was altered");
			}
			return read;
		}
		catch (NoSuchFileException ex) {
			throw new IllegalStateException("the rules history has lost its copy of " + file.path(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path blob(String sha256) {
		return root.resolve("files").resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	private Path manifest(String version) {
		return root.resolve("versions").resolve(version + ".json");
	}

	private static void writeAtomically(Path target, byte[] content) throws IOException {
		Files.createDirectories(target.getParent());
		Path temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		try {
			Files.write(temporary, content);
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}
}
