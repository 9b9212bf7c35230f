package org.parcours.cases;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.parcours.rules.DefaultRules;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleSetLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** Every golden case under rules/cases, one test each, against the real rules directory. */
class GoldenCasesTests {

	private static final List<RuleFile> FILES = RuleSetLoader.read(DefaultRules.DIRECTORY);

	@TestFactory
	Stream<DynamicTest> everyGoldenCasePasses() {
		return Cases.check().run(DefaultRules.get(), FILES).stream()
			.map(result -> DynamicTest.dynamicTest(result.name(),
					() -> assertThat(result.failures()).as(result.name() + " (" + result.description() + ")").isEmpty()));
	}

	@Test
	void theDefaultRulesPassTheActivationCheck() {
		assertThat(Cases.check().check(DefaultRules.get(), FILES)).isEmpty();
	}
}
