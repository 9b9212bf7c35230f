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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The compiled-rules cache never serves rules that differ from the files: an entry is used only when it
 * was written for exactly this content and this build of Parcours, Drools and Java, and is intact. A
 * corrupt, truncated, stale or mismatched entry is dropped and the rules are compiled, so the answer is
 * always the one of the files. Runs on the fixture rule set, whose threshold edit changes a patient's level.
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

	String contentHash() {
		return RuleSetLoader.contentHashOf(RuleSetLoader.read(rules.root()));
	}

	List<Path> entries() throws IOException {
		try (Stream<Path> files = Files.list(cacheDirectory)) {
			return files.filter(file -> file.toString().endsWith(".rules")).toList();
		}
	}

	/** The compiled module of the fixture with its threshold raised to 6 (a level-1 answer for five medications). */
	byte[] compiledEditedRules() {
		String original = rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		String edited = contentHash();
		load();
		byte[] module = cache.read(edited).orElseThrow();
		rules.write(FixtureRules.THRESHOLDS, original);
		return module;
	}

	@Test
	void aCompiledRuleSetIsStoredAndServedForTheSameContentOnly() throws IOException {
		RuleSet first = load();
		assertThat(entries()).hasSize(1);
		assertThat(cache.read(first.contentHash())).isPresent();

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(entries()).hasSize(1);

		rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		assertThat(cache.read(contentHash())).isEmpty();
		assertThat(RuleReloaderTests.level(load())).isEqualTo(1);
		assertThat(entries()).hasSize(2);
	}

	@Test
	void anIntactEntryIsServedWithoutCompiling() throws IOException {
		// What makes the cache worth having, shown with an entry forged in a directory the service trusts: the
		// module stored under a content is what runs. Hence the private directory (see CompiledRulesCache).
		String original = contentHash();
		byte[] edited = compiledEditedRules();
		cache.write(original, edited);

		assertThat(RuleReloaderTests.level(load())).isEqualTo(1);
	}

	@Test
	void aCorruptEntryIsDroppedAndTheFilesAreCompiled() throws IOException {
		load();
		Path entry = entries().get(0);
		byte[] bytes = Files.readAllBytes(entry);
		bytes[bytes.length - 100] ^= 0x5a;
		Files.write(entry, bytes);

		assertThat(cache.read(contentHash())).isEmpty();
		assertThat(entries()).isEmpty();
		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(cache.read(contentHash())).isPresent();
	}

	@Test
	void aTruncatedEntryIsDroppedAndTheFilesAreCompiled() throws IOException {
		load();
		Path entry = entries().get(0);
		byte[] bytes = Files.readAllBytes(entry);
		Files.write(entry, Arrays.copyOf(bytes, bytes.length / 2));

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(cache.read(contentHash())).isPresent();
	}

	@Test
	void anEntryOfOtherRulesUnderThisContentsNameIsNotServed() throws IOException {
		// a valid entry of the edited rules, copied under the name of the original content's entry
		String original = contentHash();
		compiledEditedRules();
		Files.copy(entries().get(0), cache.entryOf(original));

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
	}

	@Test
	void anEntryOfAnotherBuildIsNotServed() {
		String original = contentHash();
		byte[] edited = compiledEditedRules();
		CompilerIdentity current = CompilerIdentity.current();
		new CompiledRulesCache(cacheDirectory, 8, new CompilerIdentity("another build", current.drools(), current.java()))
			.write(original, edited);
		new CompiledRulesCache(cacheDirectory, 8, new CompilerIdentity(current.parcours(), "9.0.0", current.java()))
			.write(original, edited);

		assertThat(cache.read(original)).isEmpty();
		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
	}

	@Test
	void anEntryWithTheRightHeaderButAPayloadTheEngineCannotReadIsCompiledOver() throws IOException {
		cache.write(contentHash(), "not a compiled module".getBytes(StandardCharsets.UTF_8));

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(new String(cache.read(contentHash()).orElseThrow(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
	}

	@Test
	void rulesRefusedByTheCompiledCodeCheckAreNotStored() throws IOException {
		rules.write("stratification/attack.drl", """
				package stratification

				import org.parcours.facts.*

				rule "X-ATTACK"
				when
				    PatientFacts()
				then
				    java.lang.reflect.Method m = Object.class.getMethods()[0];
				end
				""");
		assertThatExceptionOfType(RuleSetException.class).isThrownBy(this::load)
			.satisfies(ex -> assertThat(ex.stage()).isEqualTo("Safety check of the compiled rules"));
		assertThat(cacheDirectory).satisfiesAnyOf(directory -> assertThat(directory).doesNotExist(),
				directory -> assertThat(entries()).isEmpty());
	}

	@Test
	void onlyTheMostRecentlyUsedEntriesAreKept() throws IOException {
		cache = new CompiledRulesCache(cacheDirectory, 2, CompilerIdentity.current());
		String first = contentHash();
		load();
		String previous = rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
		String second = contentHash();
		load();
		rules.write(FixtureRules.THRESHOLDS, previous.replace(FixtureRules.THRESHOLD, "polypharmacy.min-medications,4"));
		String third = contentHash();
		load();

		assertThat(entries()).hasSize(2);
		assertThat(cache.read(first)).isEmpty();
		assertThat(cache.read(second)).isPresent();
		assertThat(cache.read(third)).isPresent();
	}

	@Test
	void aDirectoryThatCannotBeWrittenOnlyCostsTheCompilation() throws IOException {
		Files.writeString(cacheDirectory, "a file where the directory should be");

		assertThat(RuleReloaderTests.level(load())).isEqualTo(2);
		assertThat(cache.read(contentHash())).isEmpty();
	}

	@Test
	void theCacheDirectoryIsPrivateToTheService() throws IOException {
		assumeTrue(cacheDirectory.getFileSystem().supportedFileAttributeViews().contains("posix"));
		load();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDirectory))).isEqualTo("rwx------");
	}
}
