package org.parcours.assessment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Charlson index (1987 weights, Quan 2005 codes): weights, hierarchy and the age-adjusted value. */
class CharlsonScoreTests {

	static Assessment.Score charlson(int age, String... icd10) {
		StringBuilder conditions = new StringBuilder();
		for (String code : icd10) {
			conditions.append(conditions.isEmpty() ? "" : ",").append("{\"system\":\"icd-10\",\"code\":\"").append(code).append("\"}");
		}
		return Assess.json("{\"age\": %d, \"conditions\": [%s]}".formatted(age, conditions)).scores().charlson();
	}

	@Test
	void weightsAddUp() {
		// MI 1 + CHF 1 + renal 2 + metastatic 6 + HIV 6
		assertThat(charlson(40, "I21.9", "I50.0", "N18.5", "C78.0", "B20").value()).isEqualTo(16);
	}

	@Test
	void complicatedDiabetesReplacesUncomplicated() {
		assertThat(charlson(40, "E11.9").value()).isEqualTo(1);
		assertThat(charlson(40, "E11.9", "E11.2").value()).isEqualTo(2);
	}

	@Test
	void severeLiverDiseaseReplacesMild() {
		assertThat(charlson(40, "K70.3").value()).isEqualTo(1);
		assertThat(charlson(40, "K70.3", "K72.1").value()).isEqualTo(3);
	}

	@Test
	void metastaticTumourReplacesAnyMalignancy() {
		assertThat(charlson(40, "C18.7").value()).isEqualTo(2);
		assertThat(charlson(40, "C18.7", "C78.7").value()).isEqualTo(6);
	}

	@Test
	void oneCategoryCountsOnceWhateverTheNumberOfCodes() {
		assertThat(charlson(40, "I50.0", "I50.9", "I11.0").value()).isEqualTo(1);
	}

	@ParameterizedTest(name = "age {0} adds {1} point(s)")
	@CsvSource({ "49,0", "50,1", "59,1", "60,2", "69,2", "70,3", "79,3", "80,4", "101,4" })
	void ageAdjustedValue(int age, int agePoints) {
		Assessment.Score score = charlson(age, "I50.0");
		assertThat(score.value()).isEqualTo(1);
		assertThat(score.ageAdjusted()).isEqualTo(1 + agePoints);
	}

	@Test
	void noConditionsListMeansUnknownNotZero() {
		Assessment.Score score = Assess.json("{\"age\": 70}").scores().charlson();
		assertThat(score.value()).isNull();
		assertThat(score.ageAdjusted()).isNull();
		assertThat(score.missing()).containsExactly("conditions");
	}

	@Test
	void anEmptyConditionsListMeansNone() {
		assertThat(Assess.json("{\"age\": 70, \"conditions\": []}").scores().charlson().value()).isZero();
	}

	@Test
	void explanationNamesEveryCategoryWithItsWeight() {
		assertThat(charlson(40, "E11.9", "E11.2", "N18.3").reasons()).extracting(Assessment.Reason::text)
			.contains("diabetes-complicated: 2 point(s)", "renal-disease: 2 point(s)")
			.noneMatch(text -> text.startsWith("diabetes-uncomplicated"));
	}
}
