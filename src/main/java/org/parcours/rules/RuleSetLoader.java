package org.parcours.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.parcours.vocabulary.InvalidVocabularyException;
import org.parcours.vocabulary.Vocabulary;
import org.parcours.vocabulary.VocabularyLoader;

/**
 * Builds a {@link RuleSet} from a rules directory: reads every file, loads the vocabularies and
 * compiles DRL and decision tables together. Any problem raises a {@link RuleSetException} naming
 * file, line and problem; nothing half-built is ever returned.
 */
public final class RuleSetLoader {

	private final Clock clock;

	private final KnowledgeBases knowledgeBases;

	/** A loader that compiles every rule set it builds. */
	public RuleSetLoader(Clock clock) {
		this(clock, CompiledRulesCache.NONE);
	}

	RuleSetLoader(Clock clock, CompiledRulesCache cache) {
		this(clock, new KnowledgeBases(cache));
	}

	RuleSetLoader(Clock clock, KnowledgeBases knowledgeBases) {
		this.clock = clock;
		this.knowledgeBases = knowledgeBases;
	}

	public RuleSet load(Path directory) {
		return build(read(directory));
	}

	public RuleSet build(List<RuleFile> files) {
		Vocabulary vocabulary = vocabulary(files);
		checkTablesAndNames(files, vocabulary);
		List<RuleSet.FileHash> hashes = files.stream().map(file -> new RuleSet.FileHash(file.path(), file.sha256())).toList();
		String contentHash = contentHash(hashes);
		return new RuleSet(contentHash, clock.instant(), hashes, vocabulary, knowledgeBases.compile(files));
	}

	private static Vocabulary vocabulary(List<RuleFile> files) {
		Map<String, String> textByPath = new LinkedHashMap<>();
		files.stream().filter(RuleFile::isVocabulary).forEach(file -> textByPath.put(file.path(), file.text()));
		try {
			return VocabularyLoader.load(textByPath);
		}
		catch (InvalidVocabularyException ex) {
			throw new RuleSetException("Vocabulary",
					ex.problems().stream().map(problem -> new RuleProblem(problem.file(), problem.line(), problem.message())).toList());
		}
	}

	/**
	 * Refuses, before anything is generated or compiled from them, decision-table cells that are not
	 * plain values of their column's type, rule names defined twice, and names that a rule reads but
	 * nothing creates: each named in the clinician's terms with file, row or line.
	 */
	private static void checkTablesAndNames(List<RuleFile> files, Vocabulary vocabulary) {
		List<RuleProblem> problems = new ArrayList<>();
		List<DecisionTable> tables = files.stream().filter(RuleFile::isDecisionTable)
			.flatMap(file -> DecisionTable.read(file, problems).stream()).toList();
		DeclaredNames names = DeclaredNames.of(files, tables);
		problems.addAll(DecisionTableCheck.check(tables, new KnownValues(vocabulary, names)));
		problems.addAll(RuleReferenceCheck.duplicateRules(files, tables));
		problems.addAll(RuleReferenceCheck.unknownNames(names));
		if (!problems.isEmpty()) {
			throw new RuleSetException("Tables and names", problems);
		}
	}

	/** Every regular, non-hidden file below the directory, in a stable order. */
	public static List<RuleFile> read(Path directory) {
		if (!Files.isDirectory(directory)) {
			throw new RuleSetException("Reading rules", List.of(new RuleProblem(directory.toString(), 0, "not a directory")));
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			return paths.filter(Files::isRegularFile)
				.filter(path -> directory.relativize(path).toString().chars().noneMatch(c -> c == '~')
						&& !directory.relativize(path).toString().startsWith(".") && !path.getFileName().toString().startsWith("."))
				.sorted(Comparator.comparing(path -> directory.relativize(path).toString()))
				.map(path -> new RuleFile(directory.relativize(path).toString().replace('\\', '/'), readBytes(path)))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readBytes(Path path) {
		try {
			return Files.readAllBytes(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The content hash a rule set built from these files would have, without building it. */
	static String contentHashOf(List<RuleFile> files) {
		return contentHash(files.stream().map(file -> new RuleSet.FileHash(file.path(), file.sha256())).toList());
	}

	private static String contentHash(List<RuleSet.FileHash> hashes) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (RuleSet.FileHash hash : hashes) {
				digest.update((hash.path() + '\n' + hash.sha256() + '\n').getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}
}
