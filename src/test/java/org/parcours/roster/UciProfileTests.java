package org.parcours.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.parcours.patient.Enums.AdmissionType;
import org.parcours.patient.Enums.DischargeDestination;
import org.parcours.patient.Enums.Sex;
import org.parcours.patient.Enums.StayReason;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.DefaultVocabulary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The uci-diabetes-130 profile on real rows of the dataset (datasets/uci-diabetes-130/extract.csv). */
class UciProfileTests {

	static final Path EXTRACT = Path.of("datasets/uci-diabetes-130/extract.csv");

	static final RosterJob.Options KEEP_OUTCOME = RosterJob.Options.defaults(List.of("readmitted", "discharge_disposition_id"));

	static List<String> lines() throws IOException {
		return Files.readAllLines(EXTRACT);
	}

	static String header() throws IOException {
		return lines().get(0);
	}

	/** The real row of an encounter. */
	static String row(String encounter) throws IOException {
		return lines().stream().filter(line -> line.startsWith(encounter + ",")).findFirst().orElseThrow();
	}

	static Rosters.Scored score(String csv) {
		return Rosters.score(csv, UciDiabetesProfile.NAME, KEEP_OUTCOME);
	}

	static RosterProfile.Row map(String row) throws IOException {
		return new UciDiabetesProfile(false).bind(header().split(","), DefaultVocabulary.mappings()).map(row.split(",", -1));
	}

	@Test
	void everyRowOfTheExtractComesOutScoredInOrder() throws IOException {
		Rosters.Scored scored = score(Files.readString(EXTRACT));
		List<String> encounters = lines().stream().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
		assertThat(scored.rows()).extracting(row -> row[0]).containsExactlyElementsOf(encounters);
		assertThat(scored.summary().errors()).isZero();
		assertThat(scored.rows()).allSatisfy(row -> assertThat(row[scored.header().indexOf("level")]).isNotEmpty());
		// no laboratory values in this dataset: HOSPITAL is never computable
		assertThat(scored.rows()).allSatisfy(row -> assertThat(row[scored.header().indexOf("hospital")]).isEmpty());
	}

	@Test
	void cellsMapOntoTheContractFields() throws IOException {
		// 486156: [70-80), elective (3), discharged to SNF (5 = another inpatient institution), 9 days,
		// 3 procedures, 16 medications, 0 ED visits, 2 inpatient stays, diagnoses 428, 427, 250.01
		RosterProfile.Row mapped = map(row("486156"));
		Patient patient = mapped.patient();
		assertThat(mapped.errors()).isEmpty();
		assertThat(patient.patientId()).isEqualTo("486156");
		assertThat(patient.age()).isEqualTo(70);
		assertThat(mapped.ageUpperBound()).isEqualTo(79);
		assertThat(patient.sex()).isEqualTo(Sex.FEMALE);
		assertThat(patient.stay().admissionType()).isEqualTo(AdmissionType.ELECTIVE);
		assertThat(patient.stay().dischargeDestination()).isEqualTo(DischargeDestination.OTHER);
		assertThat(patient.stay().lengthOfStayDays()).isEqualTo(9);
		assertThat(patient.stay().procedurePerformed()).isTrue();
		assertThat(patient.medicationCount()).isEqualTo(16);
		assertThat(patient.history().edVisitsLast6Months()).isZero();
		assertThat(patient.history().admissionsLast12Months()).isEqualTo(2);
		assertThat(patient.history().unplannedReadmission30Days()).isNull();
		assertThat(patient.conditions()).extracting(Patient.Condition::code).containsExactly("428", "427", "250.01");
	}

	@Test
	void theStayReasonOptionDerivesItFromDiag1AndSaysSo() throws IOException {
		// 486156: diag_1 428 (heart failure); the default profile leaves the reason unknown
		assertThat(map(row("486156")).patient().stay().reason()).isNull();
		Patient.Stay stay = new UciDiabetesProfile(true).bind(header().split(","), DefaultVocabulary.mappings())
			.map(row("486156").split(",", -1)).patient().stay();
		assertThat(stay.reason()).isEqualTo(StayReason.HEART_FAILURE);
		assertThat(stay.reasonDerivedFrom()).isEqualTo("icd-9 428 (diag_1)");
		assertThat(RosterProfiles.named(UciDiabetesProfile.WITH_STAY_REASON).name()).isEqualTo("uci-diabetes-130-stay-reason");
	}

	@Test
	void codesOfIdsMappingBecomeContractWords() throws IOException {
		assertThat(map(row("293118")).patient().stay().dischargeDestination()).isEqualTo(DischargeDestination.DECEASED);
		assertThat(map(row("30729042")).patient().stay().dischargeDestination()).isEqualTo(DischargeDestination.HOSPICE);
		assertThat(map(row("30729042")).patient().stay().admissionType()).as("6 = NULL").isNull();
		assertThat(map(row("141553326")).patient().stay().admissionType()).as("7 = trauma centre").isNull();
		assertThat(map(row("63768")).patient().stay().admissionType()).as("1 = emergency").isEqualTo(AdmissionType.URGENT);
		assertThat(map(row("2278392")).patient().stay().dischargeDestination()).as("25 = not mapped").isNull();
		assertThat(map(row("98634858")).patient().sex()).isEqualTo(Sex.UNKNOWN);
	}

	@Test
	void theMappingTablesDecideWhatACodeSays() throws IOException {
		var traumaUrgent = DefaultVocabulary.mappingsEdited("vocabulary/uci-admission-type.csv", "7,unknown,", "7,urgent,");
		assertThat(new UciDiabetesProfile(false).bind(header().split(","), traumaUrgent).map(row("141553326").split(",", -1)).patient().stay()
			.admissionType()).isEqualTo(AdmissionType.URGENT);
		var noDeath = DefaultVocabulary.mappingsEdited("vocabulary/uci-discharge-disposition.csv", "11,deceased,Expired\n", "");
		assertThat(new UciDiabetesProfile(false).bind(header().split(","), noDeath).map(row("293118").split(",", -1)).errors())
			.extracting(RowError::field).containsExactly("discharge_disposition_id");
	}

	@Test
	void questionMarksAreMissingNeverZero() throws IOException {
		RosterProfile.Row mapped = map(row("277875756"));
		assertThat(mapped.patient().conditions()).as("diag_1..3 all ?").isNull();
		Rosters.Scored scored = score(header() + "\n" + row("277875756") + "\n");
		assertThat(scored.cell(0, "charlson")).isEmpty();
		assertThat(scored.cell(0, "lace")).isEmpty();
	}

	@Test
	void laceFromRealCellsMatchesThePublishedPoints() throws IOException {
		// LOS 9 -> 5, elective -> 0, Charlson 2 (428 heart failure, 250.01 diabetes) -> 2, 0 ED visits -> 0
		Rosters.Scored scored = score(header() + "\n" + row("486156") + "\n");
		assertThat(scored.cell(0, "charlson")).isEqualTo("2");
		assertThat(scored.cell(0, "charlson_age_adjusted")).as("70 and 79 both score 3 age points").isEqualTo("5");
		assertThat(scored.cell(0, "lace")).isEqualTo("7");
		assertThat(scored.cell(0, "lace_band")).isEqualTo("moderate");
		assertThat(scored.cell(0, "level")).isEqualTo("2");
		assertThat(scored.cell(0, "readmitted")).isEqualTo("<30");
		assertThat(scored.cell(0, "discharge_disposition_id")).isEqualTo("5");
	}

	@Test
	void anOutcomeThatDependsOnWhereInTheAgeBandIsNotInvented() throws IOException {
		// a band across the Charlson age threshold of 80: 75 gives 3 age points, 84 gives 4
		Rosters.Scored scored = score(header() + "\n" + row("486156").replace("[70-80)", "[75-85)") + "\n");
		assertThat(scored.cell(0, "charlson")).isEqualTo("2");
		assertThat(scored.cell(0, "charlson_age_adjusted")).isEmpty();
		assertThat(scored.cell(0, "reasons").split(";")).contains("age-band:charlson_age_adjusted");
	}

	@Test
	void damagedRealRowsAreErrorRowsNamingTheColumn() throws IOException {
		String good = row("486156");
		String[] cells = good.split(",", -1);
		String roster = String.join("\n", header(), with(cells, "age", "[70-80"), with(cells, "number_inpatient", "two"),
				with(cells, "admission_type_id", "99"), with(cells, "gender", "F"), good.substring(0, good.lastIndexOf(',')), good) + "\n";
		Rosters.Scored scored = score(roster);
		assertThat(scored.rows()).extracting(row -> row[scored.header().indexOf("error")]).containsExactly(
				"bad-value: age must be an age band such as [70-80)", "bad-number: number_inpatient must be a whole number",
				"bad-value: admission_type_id must be a code of IDs_mapping.csv", "bad-value: gender must be Female, Male or Unknown/Invalid",
				"malformed-row: row has 49 column(s); the header has 50", "");
		assertThat(scored.rows()).extracting(row -> row[0]).containsOnly("486156");
	}

	@Test
	void aHeaderWithoutTheProfilesColumnsIsAFileLevelProblem() {
		assertThatThrownBy(() -> score("encounter_id,age,gender\n1,[70-80),Female\n"))
			.isInstanceOfSatisfying(RosterFileException.class, ex -> assertThat(ex.getMessage()).isEqualTo(
					"the uci-diabetes-130 profile needs the column(s) admission_type_id, discharge_disposition_id, time_in_hospital, "
							+ "num_procedures, num_medications, number_emergency, number_inpatient, diag_1, diag_2, diag_3"));
	}

	private static String with(String[] cells, String column, String value) throws IOException {
		String[] copy = cells.clone();
		copy[Arrays.asList(header().split(",")).indexOf(column)] = value;
		return String.join(",", copy);
	}
}
