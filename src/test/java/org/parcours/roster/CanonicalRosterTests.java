package org.parcours.roster;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The canonical roster format through the real pipeline, validator and rules. */
class CanonicalRosterTests {

	static final String HEADER = String.join(",", CanonicalProfile.COLUMNS);

	/** The contract example (datasets/examples/heart-failure-81.json) as one canonical row. */
	static final String HEART_FAILURE_81 = """
			patientId,age,sex,residence.setting,residence.region,conditions,medicationCount,history.admissionsLast12Months,\
			history.edVisitsLast6Months,history.unplannedReadmission30Days,history.unplannedAdmissionLast6Months,stay.admissionType,\
			stay.reason,stay.lengthOfStayDays,stay.dischargeService,stay.procedurePerformed,stay.dischargeHemoglobinGdl,\
			stay.dischargeSodiumMmolL,stay.dischargeDestination,functional.livesAlone,functional.hasCaregiver,functional.adlDependencies,\
			functional.cognitiveImpairment,functional.fallsLast12Months
			example-hf-81,81,female,home,CH-GE,icd-10:I50.9;icd-10:J44.1,7,2,1,false,true,urgent,heart-failure,6,cardiology,false,11.5,133,home,true,false,2,false,1
			""";

	@Test
	void aRowIsScoredLikeTheSamePatientThroughTheApi() {
		Rosters.Scored scored = Rosters.score(HEART_FAILURE_81);
		assertThat(scored.rows()).hasSize(1);
		assertThat(scored.cell(0, "id")).isEqualTo("example-hf-81");
		assertThat(scored.cell(0, "level")).isEqualTo("3");
		assertThat(scored.cell(0, "label")).isEqualTo("case-management");
		assertThat(scored.cell(0, "charlson")).isEqualTo("2");
		assertThat(scored.cell(0, "charlson_age_adjusted")).isEqualTo("6");
		assertThat(scored.cell(0, "lace")).isEqualTo("10");
		assertThat(scored.cell(0, "lace_band")).isEqualTo("high");
		assertThat(scored.cell(0, "hospital")).isEqualTo("7");
		assertThat(scored.cell(0, "hospital_band")).isEqualTo("high");
		assertThat(scored.cell(0, "reasons").split(";")).contains("L3-C");
		assertThat(scored.cell(0, "error")).isEmpty();
	}

	@Test
	void missingCellsAreUnknownSoScoresThatNeedThemAreEmpty() {
		Rosters.Scored scored = Rosters.score("patientId,age,conditions\np1,70,none\n");
		assertThat(scored.cell(0, "level")).isEqualTo("1");
		assertThat(scored.cell(0, "charlson")).isEqualTo("0");
		assertThat(scored.cell(0, "lace")).isEmpty();
		assertThat(scored.cell(0, "hospital")).isEmpty();
	}

	@Test
	void programmeColumnsFollowTheRuleSet() {
		Rosters.Scored scored = Rosters.score(HEART_FAILURE_81);
		List<String> programmes = scored.header().subList(scored.header().indexOf("hfrs_band") + 1, scored.header().indexOf("reasons"));
		List<String> expected = org.parcours.assessment.Assess.json("{\"age\": 50}").programmes().stream()
			.map(org.parcours.assessment.Assessment.ProgrammeOutcome::id).toList();
		assertThat(programmes).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			word for a number   | p1,seventy,                  | bad-number: age must be a whole number
			decimal for integer | p1,70.5,                     | bad-number: age must be a whole number
			unknown enum        | p1,70,robot                  | bad-value: sex must be one of female, male, other, unknown
			impossible age      | p1,200,                      | invalid-patient: age must be less than or equal to 130
			negative age        | p1,-3,                       | invalid-patient: age must be greater than or equal to 0
			no age              | p1,,female                   | invalid-patient: age or birthDate is required
			too many columns    | p1,70,female,extra           | malformed-row: row has 4 column(s); the header has 3
			too few columns     | p1,70                        | malformed-row: row has 2 column(s); the header has 3
			""")
	void aBadRowIsAnErrorRowAndTheNextRowIsStillScored(String kind, String row, String error) {
		Rosters.Scored scored = Rosters.score("patientId,age,sex\n" + row + "\np2,70,male\n");
		assertThat(scored.rows()).hasSize(2);
		assertThat(scored.cell(0, "id")).isEqualTo("p1");
		assertThat(scored.cell(0, "error")).isEqualTo(error);
		assertThat(scored.cell(0, "level")).isEmpty();
		assertThat(scored.cell(1, "id")).isEqualTo("p2");
		assertThat(scored.cell(1, "level")).isEqualTo("1");
		assertThat(scored.cell(1, "error")).isEmpty();
		assertThat(scored.summary().report().errorsByKind()).containsEntry(error.substring(0, error.indexOf(':')), 1L);
	}

	@Test
	void errorsNameTheColumnNeverTheValue() {
		Rosters.Scored scored = Rosters.score("patientId,age,stay.admissionType,functional.livesAlone,birthDate\n"
				+ "p1,71,sometimes,perhaps,31/12/1950\n");
		assertThat(scored.cell(0, "error")).isEqualTo("bad-value: birthDate must be a date as YYYY-MM-DD; "
				+ "functional.livesAlone must be true or false; stay.admissionType must be one of urgent, elective")
			.doesNotContain("sometimes", "perhaps", "1950");
	}

	@Test
	void anUnclosedQuoteCostsOneRowNotTheRestOfTheFile() {
		Rosters.Scored scored = Rosters.score("patientId,age,sex\np1,70,\"female\np2,71,male\np3,72,female\n");
		assertThat(scored.rows()).extracting(row -> row[0]).containsExactly("", "p2", "p3");
		assertThat(scored.cell(0, "error")).isEqualTo("malformed-row: row has a quoted field that is never closed");
		assertThat(scored.cell(1, "level")).isEqualTo("1");
	}

	@Test
	void aQuotedFieldMaySpanLines() {
		Rosters.Scored scored = Rosters.score("patientId,age,stay.dischargeService\np1,70,\"internal\nmedicine\"\np2,71,\n");
		assertThat(scored.rows()).extracting(row -> row[0]).containsExactly("p1", "p2");
		assertThat(scored.cell(0, "error")).isEmpty();
	}

	@Test
	void blankLinesAreNotRowsButAreCounted() {
		Rosters.Scored scored = Rosters.score("patientId,age\np1,70\n\np2,71\n\n");
		assertThat(scored.rows()).hasSize(2);
		assertThat(scored.summary().report().blankLinesSkipped()).isEqualTo(2);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			=1+1         | '=1+1
			+41 22       | '+41 22
			-2+3         | '-2+3
			@SUM(A1)     | '@SUM(A1)
			plain        | plain
			""")
	void cellsThatASpreadsheetWouldRunAreNeutralised(String id, String written) {
		Rosters.Scored scored = Rosters.score("patientId,age\n" + id + ",70\n");
		assertThat(scored.cell(0, "id")).isEqualTo(written);
	}

	@Test
	void tabAndCarriageReturnPrefixesAreNeutralisedToo() {
		assertThat(FormulaGuard.neutralise("\tcmd")).isEqualTo("'\tcmd");
		assertThat(FormulaGuard.neutralise("\rcmd")).isEqualTo("'\rcmd");
		assertThat(FormulaGuard.neutralise("")).isEmpty();
	}

	@Test
	void keptColumnsAreEchoedAndNeutralised() {
		Rosters.Scored scored = Rosters.score("patientId,age,sex\np1,70,female\n", CanonicalProfile.NAME,
				RosterJob.Options.defaults(List.of("sex")));
		assertThat(scored.header().subList(0, 3)).containsExactly("id", "sex", "level");
		assertThat(scored.cell(0, "sex")).isEqualTo("female");
	}

	@Test
	void theSummaryCountsEveryRowOnceOverallAndByAgeBandAndSex() {
		Rosters.Scored scored = Rosters.score("patientId,age,sex,conditions\np1,70,female,icd-10:I50.9;icd-10:E11.9\n"
				+ "p2,75,female,none\np3,30,male,none\np4,x,male,\n");
		RosterSummary.Report report = scored.summary().report();
		assertThat(report.rowsIn()).isEqualTo(4);
		assertThat(report.rowsOut()).isEqualTo(4);
		assertThat(report.errorsByKind()).containsExactly(java.util.Map.entry("bad-number", 1L));
		assertThat(report.levels()).containsEntry("1", 2L).containsEntry("2", 1L);
		assertThat(report.byAgeBandAndSex()).extracting(g -> g.ageBand() + "/" + g.sex() + "=" + g.rows())
			.containsExactly("30-39/male=1", "70-79/female=2", "unknown/male=1");
		assertThat(report.byAgeBandAndSex().get(1).levels()).containsEntry("1", 1L).containsEntry("2", 1L);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			empty roster       | ''                        | the roster is empty; its first line must be a header
			unknown column     | patientId,age,colour      | column 3 is not a canonical column
			twice the same     | patientId,age,age         | column 'age' appears twice
			neither age column | patientId,sex             | an 'age' or 'birthDate' column is required
			""")
	void aRosterWithoutAUsableHeaderIsAFileLevelProblem(String kind, String header, String message) {
		assertThatThrownBy(() -> Rosters.score(header.isEmpty() ? "" : header + "\np1,70,70\n"))
			.isInstanceOfSatisfying(RosterFileException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(RosterFileException.Kind.BAD_HEADER);
				assertThat(ex.getMessage()).startsWith(message);
			});
	}

	@Test
	void aColumnToKeepMustBeInTheHeader() {
		assertThatThrownBy(() -> Rosters.score("patientId,age\np1,70\n", CanonicalProfile.NAME,
				RosterJob.Options.defaults(List.of("readmitted"))))
			.isInstanceOfSatisfying(RosterFileException.class,
					ex -> assertThat(ex.getMessage()).isEqualTo("column to keep 'readmitted' is not in the header"));
	}

	@Test
	void anUnknownProfileIsNamedWithTheKnownOnes() {
		assertThatThrownBy(() -> RosterProfiles.named("acme"))
			.isInstanceOfSatisfying(RosterFileException.class, ex -> {
				assertThat(ex.kind()).isEqualTo(RosterFileException.Kind.UNKNOWN_PROFILE);
				assertThat(ex.getMessage()).isEqualTo("unknown profile; the profiles are canonical, uci-diabetes-130, uci-diabetes-130-stay-reason");
			});
	}

	@Test
	void aUtf8ByteOrderMarkDoesNotHideTheFirstColumn() {
		Rosters.Scored scored = Rosters.score("\uFEFFpatientId,age\np1,70\n");
		assertThat(scored.cell(0, "id")).isEqualTo("p1");
	}

	@Test
	void medicationsMayCarryTheirStartDateAfterAnAt() {
		Rosters.Scored scored = Rosters.score("patientId,age,assessmentDate,medications\n"
				+ "p1,70,2026-06-01,N05BA01@2026-04-02;C07AB07\n"
				+ "p2,70,2026-06-01,N05BA01@02/04/2026\n"
				+ "p3,70,2026-06-01,N05BA01@\n"
				+ "p4,70,2026-06-01,N05BA01@2026-06-02\n");
		assertThat(scored.cell(0, "error")).isEmpty();
		assertThat(scored.cell(1, "error")).isEqualTo("bad-value: medications must be a date as YYYY-MM-DD").doesNotContain("02/04");
		assertThat(scored.cell(2, "error")).isEqualTo("bad-value: medications a start date after @ must be a date as YYYY-MM-DD");
		assertThat(scored.cell(3, "error")).contains("medications[0].since must not be after the assessment date");
	}
}
