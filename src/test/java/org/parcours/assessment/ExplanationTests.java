package org.parcours.assessment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the golden cases cannot state about an answer of the default rules. The levels, scores,
 * bands and boundaries themselves are golden cases ({@code rules/cases/level-boundaries.json},
 * {@code charlson-boundaries.json}, {@code lace-boundaries.json}, {@code hospital-boundaries.json});
 * a case checks rule ids, sets and values, so what stays here is: the text of an explanation (what
 * a clinician reads), the order of a list, the level's label, and that two patients differing only
 * by sex get the same answer (a comparison of two answers, which no single case expresses).
 */
class ExplanationTests {

	private static String reason(Assessment.RiskLevel level, String rule) {
		return level.reasons().stream().filter(r -> r.rule().equals(rule)).map(Assessment.Reason::text)
			.reduce((a, b) -> { throw new AssertionError(rule + " fired twice: " + a + " / " + b); })
			.orElseThrow(() -> new AssertionError(rule + " did not fire: " + level.reasons()));
	}

	@Test
	void l3aStatesTheCountsAndTheirThresholds() {
		Assessment.RiskLevel level = Assess.json("""
				{"age": 60, "conditions": [{"category": "osteoarthritis"}, {"category": "hypertension"}, {"category": "asthma"},
				 {"category": "depression"}], "history": {"admissionsLast12Months": 2}}
				""").riskLevel();
		assertThat(reason(level, "L3-A")).isEqualTo("4 chronic conditions (at least 4) and 2 admissions in 12 months (at least 2)");
	}

	@Test
	void l3cNamesTheSocialFactorAndTheCareUse() {
		Assessment.RiskLevel level = Assess.json("""
				{"age": 60, "conditions": [{"category": "osteoarthritis"}, {"category": "hypertension"}],
				 "functional": {"cognitiveImpairment": true}, "history": {"admissionsLast12Months": 1}}
				""").riskLevel();
		assertThat(reason(level, "L3-C")).contains("cognitive-impairment").contains("1 admission(s)");
	}

	@Test
	void l3cFiresOnceNamingEveryFactor() {
		Assessment.RiskLevel level = Assess.json("""
				{"age": 60, "conditions": [{"category": "osteoarthritis"}, {"category": "hypertension"}],
				 "functional": {"livesAlone": true, "hasCaregiver": false, "adlDependencies": 2}, "history": {"admissionsLast12Months": 1}}
				""").riskLevel();
		assertThat(reason(level, "L3-C")).contains("adl-dependent and lives-alone-without-caregiver");
	}

	@Test
	void aSharedExclusionReachesEveryProgrammeTheRulesDeclare() {
		// exclusions.drl says it once for every programme (one ProgrammeFindings per patient): each answer must carry it
		Assessment assessment = Assess.json("""
				{"age": 80, "stay": {"admissionType": "urgent", "reason": "heart-failure", "lengthOfStayDays": 6, "dischargeDestination": "hospice"}}
				""");
		assertThat(assessment.programmes()).hasSizeGreaterThan(10).allSatisfy(programme -> {
			assertThat(programme.status()).isEqualTo(ProgrammeStatus.NOT_ELIGIBLE);
			assertThat(programme.reasons()).contains(new Assessment.Reason("EXCL-HOSPICE", "discharged to hospice care"));
		});
		Assessment unknownResidence = Assess.json("""
				{"age": 80, "residence": {"region": "FR-75"}, "stay": {"admissionType": "urgent", "reason": "heart-failure", "lengthOfStayDays": 6}}
				""");
		assertThat(unknownResidence.programmes()).filteredOn(programme -> programme.status() == ProgrammeStatus.INSUFFICIENT_DATA)
			.isNotEmpty().allSatisfy(programme -> assertThat(programme.missing()).contains("residence.setting"));
	}

	@Test
	void levelOneIsLabelledSupportedSelfCare() {
		Assessment.RiskLevel level = Assess.json("{\"age\": 60}").riskLevel();
		assertThat(level.label()).isEqualTo("supported-self-care");
		assertThat(level.reasons()).extracting(Assessment.Reason::rule).containsExactly("L1");
	}

	@Test
	void chronicCategoriesAreListedInTheSameOrderEveryTime() {
		Assessment assessment = Assess.json("""
				{"age": 70, "conditions": [{"category": "heart-failure"}, {"system": "icd-10", "code": "J44.1"},
				 {"category": "diabetes"}, {"category": "asthma"}, {"system": "icd-9", "code": "585"}]}
				""");
		assertThat(assessment.derived().chronicCategories())
			.containsExactly("asthma", "chronic-kidney-disease", "copd", "diabetes", "heart-failure");
	}

	@Test
	void charlsonExplanationNamesEveryCountedCategoryWithItsWeight() {
		Assessment.Score charlson = Assess.json("""
				{"age": 40, "conditions": [{"system": "icd-10", "code": "E11.9"}, {"system": "icd-10", "code": "E11.2"},
				 {"system": "icd-10", "code": "N18.3"}]}
				""").scores().charlson();
		assertThat(charlson.reasons()).extracting(Assessment.Reason::text)
			.contains("diabetes-complicated: 2 point(s)", "renal-disease: 2 point(s)")
			.noneMatch(text -> text.startsWith("diabetes-uncomplicated"));
	}

	@Test
	void laceExplanationGivesTheStayAndItsPoints() {
		Assessment.Score lace = Assess.json("""
				{"age": 60, "conditions": [], "history": {"edVisitsLast6Months": 0},
				 "stay": {"admissionType": "elective", "lengthOfStayDays": 14}}
				""").scores().lace();
		assertThat(lace.reasons()).filteredOn(reason -> reason.rule().equals("LACE-L")).singleElement()
			.extracting(Assessment.Reason::text).asString().contains("14 day(s)").contains("7 point(s)");
	}

	@Test
	void sexDoesNotChangeTheOutcome() {
		String patient = """
				"conditions": [{"category": "osteoarthritis"}, {"category": "hypertension"}], "history": {"admissionsLast12Months": 1}}
				""";
		Assessment female = Assess.json("{\"age\": 70, \"sex\": \"female\", " + patient);
		Assessment male = Assess.json("{\"age\": 70, \"sex\": \"male\", " + patient);
		assertThat(female).usingRecursiveComparison().isEqualTo(male);
	}
}
