package org.parcours.rules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.util.PortablePath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compiled-rules cache never serves rules that differ from the files: an entry is used only when it
 * was written for exactly this content and this build of Parcours, Drools and Java, and is intact. A
 * corrupt, truncated, stale or mismatched entry is dropped and the rules are compiled, so the answer is
 * always the one of the files. A rule set is stored as an entry of each file's share of its rules part
 * and of its parameter part (see {@link RuleSourceSplit}), each checked alone; a rule set compiled whole
 * as one entry. Runs on the fixture rule set, whose threshold edit
 * changes a patient's level.
 */
class CompiledRulesCacheTests {

	@TempDir
	Path work;

	RulesDirectory rules;

	Path cacheDirectory;

	CompiledRulesCache cache;

	@BeforeEach
	void fixtureAndEmptyCache() {
		rules = RulesDirectory.copyOfFixture(work.resolve("rules"));
		cacheDirectory = work.resolve("cache");
		cache = new CompiledRulesCache(cacheDirectory, 8, CompilerIdentity.current());
	}

	RuleSet load() {
		return new RuleSetLoader(Clock.systemUTC(), cache).load(rules.root());
	}

	/** The two halves of the rules as they are now: each has an entry of its own. */
	RuleSourceSplit split() {
		return RuleSourceSplit.of(RuleSetLoader.read(rules.root()));
	}

	/** The key of one half: "parameters" (the thresholds file's share, the one edited here) or "rules" (the levels file's share). */
	String key(String half) {
		return half.equals("parameters") ? RuleSourceSplit.shareHash(thresholdsShare()) : RuleSourceSplit.ruleUnitHash(levelsShare());
	}

	List<RuleFile> levelsShare() {
		return split().ruleUnits().stream().filter(unit -> unit.get(0).path().equals("stratification/levels.drl")).findFirst().orElseThrow();
	}

	List<RuleFile> thresholdsShare() {
		return split().shares().stream().filter(share -> share.get(0).path().equals(FixtureRules.THRESHOLDS)).findFirst().orElseThrow();
	}

	/** An entry for each file's parameters and one for each file's rules. */
	int entriesOfARuleSet() {
		return split().shares().size() + split().ruleUnits().size();
	}

	List<Path> entries() throws IOException {
		try (Stream<Path> files = Files.list(cacheDirectory)) {
			return files.filter(file -> file.toString().endsWith(".rules") || file.toString().endsWith(".share")).toList();
		}
	}

	/** The compiled parameter part of the fixture with its threshold raised to 6 (a level-1 answer for five medications). */
	byte[] compiledEditedParameters() {
		String original = rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		String edited = key("parameters");
		load();
		byte[] module = cache.shares().read(edited).orElseThrow();
		rules.write(FixtureRules.THRESHOLDS, original);
		return module;
	}

	@Test
	void bothHalvesAreStoredAndAParameterEditAddsOnlyItsParameterPart() throws IOException {
		load();
		int entries = entriesOfARuleSet();
		assertThat(entries).isGreaterThan(2);
		assertThat(entries()).hasSize(entries);
		for (List<RuleFile> share : split().shares()) {
			assertThat(cache.shares().read(RuleSourceSplit.shareHash(share))).isPresent();
		}
		for (List<RuleFile> unit : split().ruleUnits()) {
			assertThat(cache.shares().read(RuleSourceSplit.ruleUnitHash(unit))).isPresent();
		}
		assertThat(cache.read(split().rulesHash())).as("the rules part compiled file by file, not whole").isEmpty();

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(entries()).hasSize(entries);

		String rulesPart = key("rules");
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		assertThat(key("rules")).isEqualTo(rulesPart);
		assertThat(cache.shares().read(key("parameters"))).isEmpty();
		assertThat(RuleReloaderTests.level(load())).isEqualTo(1);
		assertThat(entries()).as("only the edited file's parameters added").hasSize(entries + 1);
	}

	@Test
	void anIntactEntryIsServedWithoutCompiling() throws IOException {
		// What makes the cache worth having, shown with an entry forged in a directory the service trusts: the
		// module stored under a content is what runs. Hence the private directory (see CompiledRulesCache).
		String original = key("parameters");
		byte[] edited = compiledEditedParameters();
		cache.shares().write(original, edited);

		assertThat(RuleReloaderTests.level(load())).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "parameters", "rules" })
	void anEntryIsReadIntoTheFilesTheEnginesOwnReaderGives(String half) throws IOException {
		load();
		byte[] module = cache.shares().read(key(half)).orElseThrow();
		MemoryFileSystem engines = MemoryFileSystem.readFromJar(module);

		MemoryFileSystem read = DrlCompiler.files(module);

		assertThat(read.getFilePaths()).isNotEmpty().containsExactlyInAnyOrderElementsOf(engines.getFilePaths());
		assertThat(read.getFilePaths()).anyMatch(path -> path.asString().endsWith(".class"));
		for (PortablePath path : engines.getFilePaths()) {
			assertThat(read.getBytes(path)).as(path.asString()).isEqualTo(engines.getBytes(path));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "parameters", "rules" })
	void aCorruptEntryIsDroppedAndTheFilesAreCompiled(String half) throws IOException {
		load();
		Path entry = cache.shares().entryOf(key(half));
		byte[] bytes = Files.readAllBytes(entry);
		bytes[bytes.length - 100] ^= 0x5a;
		Files.write(entry, bytes);

		assertThat(cache.shares().read(key(half))).isEmpty();
		assertThat(entries()).hasSize(entriesOfARuleSet() - 1);
		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(cache.shares().read(key(half))).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "parameters", "rules" })
	void aTruncatedEntryIsDroppedAndTheFilesAreCompiled(String half) throws IOException {
		load();
		Path entry = cache.shares().entryOf(key(half));
		byte[] bytes = Files.readAllBytes(entry);
		Files.write(entry, Arrays.copyOf(bytes, bytes.length / 2));

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(cache.shares().read(key(half))).isPresent();
	}

	@Test
	void anEntryOfOtherRulesUnderThisContentsNameIsNotServed() throws IOException {
		// a valid entry of the edited parameters, copied under the name of the original parameters' entry
		String original = key("parameters");
		String text = rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		String edited = key("parameters");
		load();
		rules.write(FixtureRules.THRESHOLDS, text);
		Files.copy(cache.shares().entryOf(edited), cache.shares().entryOf(original));

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
	}

	@Test
	void anEntryOfAnotherBuildIsNotServed() {
		String original = key("parameters");
		byte[] edited = compiledEditedParameters();
		CompilerIdentity current = CompilerIdentity.current();
		new CompiledRulesCache(cacheDirectory, 8, new CompilerIdentity("another build", current.drools(), current.java()))
			.shares().write(original, edited);
		new CompiledRulesCache(cacheDirectory, 8, new CompilerIdentity(current.parcours(), "9.0.0", current.java()))
			.shares().write(original, edited);

		assertThat(cache.shares().read(original)).isEmpty();
		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "parameters", "rules" })
	void anEntryWithTheRightHeaderButAPayloadTheEngineCannotReadIsCompiledOver(String half) throws IOException {
		cache.shares().write(key(half), "not a compiled module".getBytes(StandardCharsets.UTF_8));

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(new String(cache.shares().read(key(half)).orElseThrow(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PatientFacts()", "" })
	void rulesRefusedByTheCompiledCodeCheckAreNotStored(String condition) throws IOException {
		// with a condition the rule is in the rules part, without one in the parameter part: both are checked
		rules.write("stratification/attack.drl", """
				package stratification

				import org.parcours.facts.*

				rule "X-ATTACK"
				when
				    %s
				then
				    java.lang.reflect.Method m = Object.class.getMethods()[0];
				end
				""".formatted(condition));
		assertThatExceptionOfType(RuleSetException.class).isThrownBy(this::load)
			.satisfies(ex -> assertThat(ex.stage()).isEqualTo("Safety check of the compiled rules"))
			.satisfies(ex -> assertThat(ex.problems()).extracting(RuleProblem::file).containsExactly("stratification/attack.drl"));
		if (condition.isEmpty()) {
			List<RuleFile> attack = split().shares().stream().filter(share -> share.get(0).path().equals("stratification/attack.drl")).findFirst()
				.orElseThrow();
			assertThat(cache.shares().read(RuleSourceSplit.shareHash(attack))).isEmpty();
		}
		else {
			List<RuleFile> attack = split().ruleUnits().stream().filter(unit -> unit.get(0).path().equals("stratification/attack.drl")).findFirst()
				.orElseThrow();
			assertThat(cache.shares().read(RuleSourceSplit.ruleUnitHash(attack))).isEmpty();
		}
	}

	@Test
	void onlyTheMostRecentlyUsedEntriesAreKept() throws IOException {
		// a rule set that declares a type is compiled whole, as one entry
		rules.write("stratification/marker.drl", "package stratification\n\ndeclare Marker\n    name : String\nend\n");
		cache = new CompiledRulesCache(cacheDirectory, 2, CompilerIdentity.current());
		String first = split().rulesHash();
		load();
		String original = rules.replace("stratification/levels.drl", "rule \"L1\"", "// second\nrule \"L1\"");
		String second = split().rulesHash();
		load();
		rules.write("stratification/levels.drl", original.replace("rule \"L1\"", "// third\nrule \"L1\""));
		String third = split().rulesHash();
		load();

		assertThat(entries()).hasSize(2);
		assertThat(cache.read(first)).isEmpty();
		assertThat(cache.read(second)).isPresent();
		assertThat(cache.read(third)).isPresent();
	}

	@Test
	void aRuleEditAddsOnlyTheEditedFilesRules() throws IOException {
		load();
		int entries = entriesOfARuleSet();
		String levels = key("rules");
		rules.replace("stratification/levels.drl", "rule \"L1\"", "// edited\nrule \"L1\"");

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(entries()).as("only the edited file's rules added").hasSize(entries + 1);
		assertThat(cache.shares().read(levels)).isPresent();
		assertThat(cache.shares().read(key("rules"))).isPresent();
	}

	@Test
	void aDirectoryThatCannotBeWrittenOnlyCostsTheCompilation() throws IOException {
		Files.writeString(cacheDirectory, "a file where the directory should be");

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(cache.shares().read(key("parameters"))).isEmpty();
		assertThat(cache.shares().read(key("rules"))).isEmpty();
	}

	@Test
	void theCacheDirectoryIsPrivateToTheService() throws IOException {
		assumeTrue(cacheDirectory.getFileSystem().supportedFileAttributeViews().contains("posix"));
		load();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDirectory))).isEqualTo("rwx------");
	}
}
