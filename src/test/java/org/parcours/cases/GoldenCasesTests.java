package org.parcours.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.parcours.assessment.Assess;
import org.parcours.assessment.Assessment;
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

	@Test
	void casesCoverEveryProgrammeInEveryStatus() {
		List<GoldenCase> cases = FILES.stream().filter(RuleFile::isCase).flatMap(file -> CaseFileReader.read(file, Cases.JSON).stream()).toList();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(80);
		Map<String, Set<String>> statuses = new TreeMap<>();
		for (GoldenCase goldenCase : cases) {
			goldenCase.expect().path("programmes").properties().forEach(entry -> statuses.computeIfAbsent(entry.getKey(), id -> new TreeSet<>())
				.add(entry.getValue().isString() ? entry.getValue().asString() : entry.getValue().path("status").asString()));
		}
		List<String> programmes = Assess.json("{\"age\": 40}").programmes().stream().map(Assessment.ProgrammeOutcome::id).toList();
		assertThat(programmes).hasSize(19).allSatisfy(id -> assertThat(statuses.get(id)).as(id)
			.containsExactlyInAnyOrder("eligible", "not-eligible", "insufficient-data"));
	}
}
