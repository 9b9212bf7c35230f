package org.parcours.assessment;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default Kaiser stratification (clinical reference section 1): each rule at its threshold and
 * one step below, and level 3 never reached through one domain alone.
 */
class StratificationTests {

	/** Chronic categories that are not disease-management targets, so L2-D stays out of the way. */
	private static final String[] NON_TARGET = { "osteoarthritis", "hypertension", "asthma", "depression", "parkinson",
			"obesity", "dementia", "atrial-fibrillation" };

	static String chronic(int count) {
		return Arrays.stream(NON_TARGET).limit(count).map(c -> "{\"category\":\"" + c + "\"}").collect(Collectors.joining(",", "[", "]"));
	}

	static Assessment.RiskLevel level(String fields) {
		return Assess.json("{\"age\": 60, " + fields + "}").riskLevel();
	}

	static Assessment.RiskLevel level(int chronic, String more) {
		return level("\"conditions\": " + chronic(chronic) + (more.isEmpty() ? "" : ", " + more));
	}

	static void assertLevel(Assessment.RiskLevel level, int expected, String rule) {
		assertThat(level.level()).as("level").isEqualTo(expected);
		assertThat(level.reasons()).extracting(Assessment.Reason::rule).contains(rule);
	}

	static void assertNotFired(Assessment.RiskLevel level, String rule) {
		assertThat(level.reasons()).extracting(Assessment.Reason::rule).doesNotContain(rule);
	}

	@Test
	void l3aComplexMultimorbidityWithAdmissions() {
		assertLevel(level(4, "\"history\": {\"admissionsLast12Months\": 2}"), 3, "L3-A");
		assertThat(level(4, "\"history\": {\"admissionsLast12Months\": 2}").reasons()).filteredOn(r -> r.rule().equals("L3-A"))
			.singleElement().extracting(Assessment.Reason::text)
			.isEqualTo("4 chronic conditions (at least 4) and 2 admissions in 12 months (at least 2)");
		assertLevel(level(3, "\"history\": {\"admissionsLast12Months\": 2}"), 2, "L2-A");
		assertLevel(level(4, "\"history\": {\"admissionsLast12Months\": 1}"), 2, "L2-A");
	}

	@Test
	void l3aWithReadmissionOrExcessivePolypharmacy() {
		assertLevel(level(4, "\"history\": {\"unplannedReadmission30Days\": true}"), 3, "L3-A");
		assertLevel(level(4, "\"medicationCount\": 10"), 3, "L3-A");
		assertLevel(level(4, "\"medicationCount\": 9"), 2, "L2-B");
	}

	@Test
	void l3bMultimorbidityWithFrequentAdmissions() {
		assertLevel(level(2, "\"history\": {\"admissionsLast12Months\": 4}"), 3, "L3-B");
		assertNotFired(level(2, "\"history\": {\"admissionsLast12Months\": 3}"), "L3-B");
		assertThat(level(2, "\"history\": {\"admissionsLast12Months\": 3}").level()).isEqualTo(2);
		assertThat(level(1, "\"history\": {\"admissionsLast12Months\": 4}").level()).isEqualTo(2);
	}

	@Test
	void l3cMultimorbidityWithSocialFactorAndCareUse() {
		String alone = "\"functional\": {\"livesAlone\": true, \"hasCaregiver\": false}";
		assertLevel(level(2, alone + ", \"history\": {\"admissionsLast12Months\": 1}"), 3, "L3-C");
		assertThat(level(2, alone + ", \"history\": {\"admissionsLast12Months\": 0}").level()).isEqualTo(2);
		assertThat(level(1, alone + ", \"history\": {\"admissionsLast12Months\": 1}").level()).isEqualTo(2);
		assertThat(level(2, "\"functional\": {\"livesAlone\": true, \"hasCaregiver\": true}, \"history\": {\"admissionsLast12Months\": 1}").level())
			.isEqualTo(2);
		assertLevel(level(2, "\"functional\": {\"adlDependencies\": 2}, \"history\": {\"unplannedReadmission30Days\": true}"), 3, "L3-C");
		assertThat(level(2, "\"functional\": {\"adlDependencies\": 1}, \"history\": {\"admissionsLast12Months\": 1}").level()).isEqualTo(2);
		assertLevel(level(2, "\"functional\": {\"cognitiveImpairment\": true}, \"history\": {\"admissionsLast12Months\": 1}"), 3, "L3-C");
	}

	@Test
	void l3cNamesTheSocialFactor() {
		assertThat(level(2, "\"functional\": {\"cognitiveImpairment\": true}, \"history\": {\"admissionsLast12Months\": 1}").reasons())
			.filteredOn(r -> r.rule().equals("L3-C")).singleElement().extracting(Assessment.Reason::text).asString()
			.contains("cognitive-impairment").contains("1 admission(s)");
	}

	@Test
	void l3cFiresOnceNamingEveryFactor() {
		assertThat(level(2, "\"functional\": {\"livesAlone\": true, \"hasCaregiver\": false, \"adlDependencies\": 2}, "
				+ "\"history\": {\"admissionsLast12Months\": 1}").reasons())
			.filteredOn(r -> r.rule().equals("L3-C")).singleElement().extracting(Assessment.Reason::text).asString()
			.contains("adl-dependent and lives-alone-without-caregiver");
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
	void l2aMultimorbidity() {
		assertLevel(level(2, ""), 2, "L2-A");
		assertLevel(level(1, ""), 1, "L1");
	}

	@Test
	void l2bPolypharmacy() {
		assertLevel(level(0, "\"medicationCount\": 5"), 2, "L2-B");
		assertLevel(level(0, "\"medicationCount\": 4"), 1, "L1");
	}

	@Test
	void medicationListCountsDistinctCodesAndWinsOverTheCount() {
		Assessment assessment = Assess.json("""
				{"age": 60, "medicationCount": 2, "medications": [{"system":"atc","code":"C03CA01"},{"system":"atc","code":"c03ca01"},
				 {"system":"atc","code":"C07AB07"},{"system":"atc","code":"B01AC06"},{"system":"atc","code":"A10BA02"},{"system":"atc","code":"C09AA05"}]}
				""");
		assertThat(assessment.derived().medicationCount()).isEqualTo(5);
		assertThat(assessment.derived().polypharmacy()).isTrue();
		assertLevel(assessment.riskLevel(), 2, "L2-B");
	}

	@Test
	void l2cOneChronicConditionWithCareUse() {
		assertLevel(level(1, "\"history\": {\"admissionsLast12Months\": 1}"), 2, "L2-C");
		assertLevel(level(1, "\"history\": {\"admissionsLast12Months\": 0}"), 1, "L1");
		assertLevel(level(1, "\"history\": {\"unplannedReadmission30Days\": true}"), 2, "L2-C");
	}

	@Test
	void l2dDiseaseManagementTargets() {
		for (String target : new String[] { "heart-failure", "copd", "diabetes", "coronary-artery-disease", "chronic-kidney-disease" }) {
			assertLevel(level("\"conditions\": [{\"category\": \"" + target + "\"}]"), 2, "L2-D");
		}
		assertLevel(level("\"conditions\": [{\"category\": \"osteoarthritis\"}]"), 1, "L1");
	}

	@Test
	void l2eReadmissionScores() {
		// LACE: LOS 14 (7) + urgent (3) = 10; LOS 13 (5) + urgent (3) + 1 ED = 9
		assertLevel(level(0, "\"history\": {\"edVisitsLast6Months\": 0}, \"stay\": {\"admissionType\": \"urgent\", \"lengthOfStayDays\": 14}"), 2, "L2-E");
		assertLevel(level(0, "\"history\": {\"edVisitsLast6Months\": 1}, \"stay\": {\"admissionType\": \"urgent\", \"lengthOfStayDays\": 13}"), 1, "L1");
		String hospital = "\"stay\": {\"admissionType\": \"elective\", \"lengthOfStayDays\": 5, \"dischargeService\": \"surgery\", "
				+ "\"procedurePerformed\": %s, \"dischargeHemoglobinGdl\": 13, \"dischargeSodiumMmolL\": 140}";
		assertLevel(level("\"history\": {\"admissionsLast12Months\": 2}, " + hospital.formatted("true")), 2, "L2-E");
		assertThat(level("\"history\": {\"admissionsLast12Months\": 2}, " + hospital.formatted("false")).level()).isEqualTo(1);
	}

	@Test
	void levelThreeNeverFromOneDomain() {
		// medical only
		assertThat(level(8, "").level()).isEqualTo(2);
		// care use only
		assertThat(level(0, "\"history\": {\"admissionsLast12Months\": 12, \"unplannedReadmission30Days\": true}").level()).isLessThan(3);
		// social and functional only
		assertThat(level(0, "\"functional\": {\"livesAlone\": true, \"hasCaregiver\": false, \"adlDependencies\": 6, \"cognitiveImpairment\": true}")
			.level()).isLessThan(3);
	}

	@Test
	void everyoneGetsALevelWithAReason() {
		Assessment.RiskLevel level = level("\"sex\": \"female\"");
		assertThat(level.level()).isEqualTo(1);
		assertThat(level.label()).isEqualTo("supported-self-care");
		assertThat(level.reasons()).extracting(Assessment.Reason::rule).containsExactly("L1");
	}

	@Test
	void sexDoesNotChangeTheOutcome() {
		String patient = "\"conditions\": " + chronic(2) + ", \"history\": {\"admissionsLast12Months\": 1}";
		Assessment female = Assess.json("{\"age\": 70, \"sex\": \"female\", " + patient + "}");
		Assessment male = Assess.json("{\"age\": 70, \"sex\": \"male\", " + patient + "}");
		assertThat(female).usingRecursiveComparison().isEqualTo(male);
	}
}
