package org.parcours.assessment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** LACE index (van Walraven 2010) at its published boundaries, computed by the default rules. */
class LaceScoreTests {

	/** Conditions giving Charlson 0, 1, 3, 4 and 5 through the Quan ICD-10 lists. */
	private static String conditions(int charlson) {
		return switch (charlson) {
			case 0 -> "[]";
			case 1 -> "[{\"system\":\"icd-10\",\"code\":\"I21.0\"}]";
			case 3 -> "[{\"system\":\"icd-10\",\"code\":\"I21.0\"},{\"system\":\"icd-10\",\"code\":\"N18.4\"}]";
			case 4 -> "[{\"system\":\"icd-10\",\"code\":\"I21.0\"},{\"system\":\"icd-10\",\"code\":\"I50.9\"},{\"system\":\"icd-10\",\"code\":\"N18.4\"}]";
			case 5 -> "[{\"system\":\"icd-10\",\"code\":\"I21.0\"},{\"system\":\"icd-10\",\"code\":\"N18.4\"},{\"system\":\"icd-10\",\"code\":\"E11.2\"}]";
			default -> throw new IllegalArgumentException("no fixture for Charlson " + charlson);
		};
	}

	static Assessment.Score lace(int lengthOfStay, String admissionType, int charlson, int edVisits) {
		Assessment assessment = Assess.json("""
				{"age": 60, "conditions": %s, "history": {"edVisitsLast6Months": %d},
				 "stay": {"admissionType": "%s", "lengthOfStayDays": %d}}
				""".formatted(conditions(charlson), edVisits, admissionType, lengthOfStay));
		assertThat(assessment.scores().charlson().value()).as("Charlson fixture").isEqualTo(charlson);
		return assessment.scores().lace();
	}

	@ParameterizedTest(name = "length of stay {0} days scores {1}")
	@CsvSource({ "0,0", "1,1", "2,2", "3,3", "4,4", "5,4", "6,4", "7,5", "13,5", "14,7", "30,7" })
	void lengthOfStayPoints(int days, int points) {
		Assessment.Score lace = lace(days, "elective", 0, 0);
		assertThat(lace.value()).isEqualTo(points);
		assertThat(lace.reasons()).anySatisfy(reason -> {
			assertThat(reason.rule()).isEqualTo("LACE-L");
			assertThat(reason.text()).contains(days + " day(s)").contains(points + " point(s)");
		});
	}

	@ParameterizedTest(name = "Charlson {0} scores C = {1}")
	@CsvSource({ "0,0", "1,1", "3,3", "4,5", "5,5" })
	void comorbidityPoints(int charlson, int points) {
		assertThat(lace(0, "elective", charlson, 0).value()).isEqualTo(points);
	}

	@ParameterizedTest(name = "{0} ED visits score {1}")
	@CsvSource({ "0,0", "1,1", "3,3", "4,4", "9,4" })
	void emergencyVisitPoints(int visits, int points) {
		assertThat(lace(0, "elective", 0, visits).value()).isEqualTo(points);
	}

	@Test
	void acuteAdmissionScoresThree() {
		assertThat(lace(0, "urgent", 0, 0).value()).isEqualTo(3);
	}

	@Test
	void publishedWorkedExamples() {
		assertThat(lace(5, "urgent", 5, 2).value()).isEqualTo(14);
		assertThat(lace(2, "elective", 0, 0).value()).isEqualTo(2);
	}

	@Test
	void rangeIsZeroToNineteen() {
		assertThat(lace(0, "elective", 0, 0).value()).isZero();
		assertThat(lace(14, "urgent", 5, 4).value()).isEqualTo(19);
	}

	@ParameterizedTest(name = "LACE {0} is {1}")
	@CsvSource({ "4,low", "5,moderate", "9,moderate", "10,high" })
	void bands(int expected, String band) {
		// elective, Charlson 0: the value is LOS points + ED visits
		Assessment.Score lace = switch (expected) {
			case 4 -> lace(4, "elective", 0, 0);
			case 5 -> lace(4, "elective", 0, 1);
			case 9 -> lace(7, "elective", 0, 4);
			default -> lace(14, "urgent", 0, 0);
		};
		assertThat(lace.value()).isEqualTo(expected);
		assertThat(lace.band()).isEqualTo(band);
	}

	@Test
	void missingInputsGiveNoValueAndNameTheFields() {
		Assessment assessment = Assess.json("""
				{"age": 60, "stay": {"lengthOfStayDays": 5}}
				""");
		Assessment.Score lace = assessment.scores().lace();
		assertThat(lace.value()).isNull();
		assertThat(lace.band()).isNull();
		assertThat(lace.missing()).containsExactly("conditions", "history.edVisitsLast6Months", "stay.admissionType");
	}
}
