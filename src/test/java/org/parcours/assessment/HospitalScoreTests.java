package org.parcours.assessment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** HOSPITAL score (Donzé 2013) at its published boundaries, computed by the default rules. */
class HospitalScoreTests {

	/** A discharge scoring 0 on every item unless overridden. */
	static Assessment.Score hospital(double hemoglobin, String service, double sodium, boolean procedure, String admissionType,
			int admissions, int lengthOfStay) {
		return Assess.json("""
				{"age": 70, "history": {"admissionsLast12Months": %d},
				 "stay": {"admissionType": "%s", "lengthOfStayDays": %d, "dischargeService": "%s", "procedurePerformed": %s,
				          "dischargeHemoglobinGdl": %s, "dischargeSodiumMmolL": %s}}
				""".formatted(admissions, admissionType, lengthOfStay, service, procedure, hemoglobin, sodium))
			.scores()
			.hospital();
	}

	static Assessment.Score baseline() {
		return hospital(13.0, "cardiology", 140, false, "elective", 0, 2);
	}

	@Test
	void baselineScoresZero() {
		assertThat(baseline().value()).isZero();
		assertThat(baseline().band()).isEqualTo("low");
	}

	@ParameterizedTest(name = "haemoglobin {0} g/dL scores {1}")
	@CsvSource({ "11.9,1", "12.0,0" })
	void hemoglobin(double value, int points) {
		assertThat(hospital(value, "cardiology", 140, false, "elective", 0, 2).value()).isEqualTo(points);
	}

	@ParameterizedTest(name = "sodium {0} mmol/L scores {1}")
	@CsvSource({ "134,1", "135,0" })
	void sodium(double value, int points) {
		assertThat(hospital(13.0, "cardiology", value, false, "elective", 0, 2).value()).isEqualTo(points);
	}

	@ParameterizedTest(name = "length of stay {0} days scores {1}")
	@CsvSource({ "4,0", "5,2" })
	void lengthOfStay(int days, int points) {
		assertThat(hospital(13.0, "cardiology", 140, false, "elective", 0, days).value()).isEqualTo(points);
	}

	@ParameterizedTest(name = "{0} prior admissions score {1}")
	@CsvSource({ "0,0", "1,0", "2,2", "5,2", "6,5" })
	void priorAdmissions(int admissions, int points) {
		assertThat(hospital(13.0, "cardiology", 140, false, "elective", admissions, 2).value()).isEqualTo(points);
	}

	@Test
	void oncologyProcedureAndUrgentAdmission() {
		assertThat(hospital(13.0, "Oncology", 140, false, "elective", 0, 2).value()).isEqualTo(2);
		assertThat(hospital(13.0, "cardiology", 140, true, "elective", 0, 2).value()).isEqualTo(1);
		assertThat(hospital(13.0, "cardiology", 140, false, "urgent", 0, 2).value()).isEqualTo(1);
	}

	@ParameterizedTest(name = "HOSPITAL {0} is {1}")
	@CsvSource({ "4,low", "5,intermediate", "6,intermediate", "7,high" })
	void bandEdges(int value, String band) {
		Assessment.Score score = switch (value) {
			case 4 -> hospital(13.0, "cardiology", 140, false, "elective", 2, 5);
			case 5 -> hospital(13.0, "cardiology", 140, true, "elective", 2, 5);
			case 6 -> hospital(11.0, "cardiology", 140, true, "elective", 2, 5);
			default -> hospital(11.0, "cardiology", 130, true, "elective", 2, 5);
		};
		assertThat(score.value()).isEqualTo(value);
		assertThat(score.band()).isEqualTo(band);
	}

	@Test
	void maximumIsThirteen() {
		Assessment.Score score = hospital(9.0, "oncology", 128, true, "urgent", 8, 12);
		assertThat(score.value()).isEqualTo(13);
		assertThat(score.reasons()).extracting(Assessment.Reason::rule)
			.containsExactlyInAnyOrder("HOSPITAL-A", "HOSPITAL-H", "HOSPITAL-IT", "HOSPITAL-L", "HOSPITAL-O", "HOSPITAL-P", "HOSPITAL-S");
	}

	@Test
	void missingLabsAreReportedNotScoredAsNormal() {
		Assessment.Score score = Assess.json("""
				{"age": 70, "history": {"admissionsLast12Months": 0},
				 "stay": {"admissionType": "elective", "lengthOfStayDays": 2, "dischargeService": "cardiology", "procedurePerformed": false}}
				""").scores().hospital();
		assertThat(score.value()).isNull();
		assertThat(score.missing()).containsExactly("stay.dischargeHemoglobinGdl", "stay.dischargeSodiumMmolL");
	}
}
