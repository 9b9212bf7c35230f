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
 * always the one of the files. A rule set is stored as two entries, its parameter part and its rules part
 * (see {@link RuleSourceSplit}), each checked alone. Runs on the fixture rule set, whose threshold edit
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

	/** The key of one half: "parameters" or "rules". */
	String key(String half) {
		return half.equals("parameters") ? split().parametersHash() : split().rulesHash();
	}

	List<Path> entries() throws IOException {
		try (Stream<Path> files = Files.list(cacheDirectory)) {
			return files.filter(file -> file.toString().endsWith(".rules")).toList();
		}
	}

	/** The compiled parameter part of the fixture with its threshold raised to 6 (a level-1 answer for five medications). */
	byte[] compiledEditedParameters() {
		String original = rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		String edited = key("parameters");
		load();
		byte[] module = cache.read(edited).orElseThrow();
		rules.write(FixtureRules.THRESHOLDS, original);
		return module;
	}

	@Test
	void bothHalvesAreStoredAndAParameterEditAddsOnlyItsParameterPart() throws IOException {
		load();
		assertThat(entries()).hasSize(2);
		assertThat(cache.read(key("parameters"))).isPresent();
		assertThat(cache.read(key("rules"))).isPresent();

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(entries()).hasSize(2);

		String rulesPart = key("rules");
		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		assertThat(key("rules")).isEqualTo(rulesPart);
		assertThat(cache.read(key("parameters"))).isEmpty();
		assertThat(RuleReloaderTests.level(load())).isEqualTo(1);
		assertThat(entries()).hasSize(3);
	}

	@Test
	void anIntactEntryIsServedWithoutCompiling() throws IOException {
		// What makes the cache worth having, shown with an entry forged in a directory the service trusts: the
		// module stored under a content is what runs. Hence the private directory (see CompiledRulesCache).
		String original = key("parameters");
		byte[] edited = compiledEditedParameters();
		cache.write(original, edited);

		assertThat(RuleReloaderTests.level(load())).isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "parameters", "rules" })
	void aCorruptEntryIsDroppedAndTheFilesAreCompiled(String half) throws IOException {
		load();
		Path entry = cache.entryOf(key(half));
		byte[] bytes = Files.readAllBytes(entry);
		bytes[bytes.length - 100] ^= 0x5a;
		Files.write(entry, bytes);

		assertThat(cache.read(key(half))).isEmpty();
		assertThat(entries()).hasSize(1);
		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(cache.read(key(half))).isPresent();
	}

	@ParameterizedTest
	@ValueSource(strings = { "parameters", "rules" })
	void aTruncatedEntryIsDroppedAndTheFilesAreCompiled(String half) throws IOException {
		load();
		Path entry = cache.entryOf(key(half));
		byte[] bytes = Files.readAllBytes(entry);
		Files.write(entry, Arrays.copyOf(bytes, bytes.length / 2));

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(cache.read(key(half))).isPresent();
	}

	@Test
	void anEntryOfOtherRulesUnderThisContentsNameIsNotServed() throws IOException {
		// a valid entry of the edited parameters, copied under the name of the original parameters' entry
		String original = key("parameters");
		compiledEditedParameters();
		Files.copy(entries().stream().filter(entry -> !entry.equals(cache.entryOf(key("rules")))).findFirst().orElseThrow(),
				cache.entryOf(original));

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
	}

	@Test
	void anEntryOfAnotherBuildIsNotServed() {
		String original = key("parameters");
		byte[] edited = compiledEditedParameters();
		CompilerIdentity current = CompilerIdentity.current();
		new CompiledRulesCache(cacheDirectory, 8, new CompilerIdentity("another build", current.drools(), current.java()))
			.write(original, edited);
		new CompiledRulesCache(cacheDirectory, 8, new CompilerIdentity(current.parcours(), "9.0.0", current.java()))
			.write(original, edited);

		assertThat(cache.read(original)).isEmpty();
		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "parameters", "rules" })
	void anEntryWithTheRightHeaderButAPayloadTheEngineCannotReadIsCompiledOver(String half) throws IOException {
		cache.write(key(half), "not a compiled module".getBytes(StandardCharsets.UTF_8));

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(new String(cache.read(key(half)).orElseThrow(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
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
		assertThat(cache.read(key(condition.isEmpty() ? "parameters" : "rules"))).isEmpty();
	}

	@Test
	void onlyTheMostRecentlyUsedEntriesAreKept() throws IOException {
		cache = new CompiledRulesCache(cacheDirectory, 3, CompilerIdentity.current());
		String first = key("parameters");
		load();
		String previous = rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		String second = key("parameters");
		load();
		rules.write(FixtureRules.THRESHOLDS, previous.replace(FixtureRules.THRESHOLD, "polypharmacy.min-medications,4"));
		String third = key("parameters");
		load();

		assertThat(entries()).hasSize(3);
		assertThat(cache.read(first)).isEmpty();
		assertThat(cache.read(second)).isPresent();
		assertThat(cache.read(third)).isPresent();
		assertThat(cache.read(key("rules"))).as("the rules part, used by every load").isPresent();
	}

	@Test
	void aDirectoryThatCannotBeWrittenOnlyCostsTheCompilation() throws IOException {
		Files.writeString(cacheDirectory, "a file where the directory should be");

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(cache.read(key("parameters"))).isEmpty();
		assertThat(cache.read(key("rules"))).isEmpty();
	}

	@Test
	void theCacheDirectoryIsPrivateToTheService() throws IOException {
		assumeTrue(cacheDirectory.getFileSystem().supportedFileAttributeViews().contains("posix"));
		load();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDirectory))).isEqualTo("rwx------");
	}
}
