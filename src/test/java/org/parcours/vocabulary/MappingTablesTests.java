package org.parcours.vocabulary;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.parcours.patient.Enums.AdmissionType;
import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.DischargeDestination;
import org.parcours.rules.RuleFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mapping tables of {@code rules/vocabulary/}: what the default rows say, that an edited row
 * changes it, and that a malformed table is refused with file, line and a sentence.
 */
class MappingTablesTests {

	private final Mappings mappings = DefaultVocabulary.mappings();

	@Test
	void laboratoryUnitsConvertAsPublished() {
		ObservationQuantity hemoglobin = mappings.quantity(LaboratoryInput.HEMOGLOBIN.quantity());
		ObservationQuantity sodium = mappings.quantity(LaboratoryInput.SODIUM.quantity());
		assertThat(mappings.convert(hemoglobin, "g/dL", new BigDecimal("10.5"))).contains(10.5);
		assertThat(mappings.convert(hemoglobin, "g/L", new BigDecimal("112"))).contains(11.2);
		// haem iron: 8.5 mmol/L x 1.611 = 13.69 g/dL, given to one decimal
		assertThat(mappings.convert(hemoglobin, "mmol/L", new BigDecimal("8.5"))).contains(13.7);
		assertThat(mappings.convert(sodium, "mEq/L", new BigDecimal("131"))).contains(131.0);
		assertThat(mappings.convert(sodium, "g/L", new BigDecimal("3"))).isEmpty();
		assertThat(mappings.observationQuantity("718-7")).contains(hemoglobin);
		assertThat(mappings.observationQuantity("2947-0")).contains(sodium);
	}

	@Test
	void programmeQuantitiesConvertWithTheirPublishedEquations() {
		// IFCC-NGSP master equation: 48 mmol/mol = 48 / 10.929 + 2.15 = 6.54 %, given to two decimals
		assertThat(mappings.convert(mappings.quantity("hba1c"), "mmol/mol", new BigDecimal("48"))).contains(6.54);
		// glucose 180.16 g/mol: 7.0 mmol/L = 126.1 mg/dL, given as a whole number
		assertThat(mappings.convert(mappings.quantity("fasting-glucose"), "mmol/L", new BigDecimal("7.0"))).contains(126.0);
		assertThat(mappings.convert(mappings.quantity("fev1-fvc"), "1", new BigDecimal("0.69"))).contains(69.0);
		assertThat(mappings.convert(mappings.quantity("egfr"), "ML/MIN/{1.73_M2}", new BigDecimal("44"))).contains(44.0);
		assertThat(mappings.observationQuantity("33914-3")).contains(mappings.quantity("egfr"));
		assertThat(mappings.observationQuantity("48642-3")).as("race-based eGFR is not read").isEmpty();
	}

	@Test
	void encounterCodesMapAsTheHl7TablesSay() {
		assertThat(mappings.encounterKind("ACUTE")).contains(EncounterKind.INPATIENT);
		assertThat(mappings.encounterKind("EMER")).contains(EncounterKind.EMERGENCY);
		assertThat(mappings.encounterKind("AMB")).isEmpty();
		assertThat(mappings.admissionType(AdmissionElement.PRIORITY, "s")).contains(AdmissionType.URGENT);
		assertThat(mappings.admissionType(AdmissionElement.PRIORITY, "R")).contains(AdmissionType.ELECTIVE);
		assertThat(mappings.admissionType(AdmissionElement.ADMIT_SOURCE, "EMD")).contains(AdmissionType.URGENT);
		assertThat(mappings.dischargeDestination("long")).isEqualTo(DischargeDestination.NURSING_HOME);
		assertThat(mappings.dischargeDestination("not-a-code")).isEqualTo(DischargeDestination.OTHER);
		assertThat(mappings.lookBackMonths(HistoryCount.ADMISSIONS)).isEqualTo(12);
		assertThat(mappings.lookBackMonths(HistoryCount.ED_VISITS)).isEqualTo(6);
	}

	@Test
	void uciCodesAreMappedListedAsUnknownOrNotListed() {
		assertThat(mappings.uciAdmissionType(1)).contains(AdmissionType.URGENT);
		assertThat(mappings.uciListsAdmissionType(6)).isTrue();
		assertThat(mappings.uciAdmissionType(6)).isEmpty();
		assertThat(mappings.uciListsAdmissionType(9)).isFalse();
		assertThat(mappings.uciDischargeDestination(22)).contains(DischargeDestination.REHABILITATION);
		assertThat(mappings.uciListsDischarge(26)).isTrue();
		assertThat(mappings.uciDischargeDestination(26)).isEmpty();
	}

	@Test
	void levelsAndBandsAreNamedByTheirTables() {
		assertThat(List.of(1, 2, 3)).extracting(level -> mappings.level(level).label())
			.containsExactly("supported-self-care", "disease-management", "case-management");
		assertThat(List.of(1, 2, 3)).extracting(level -> mappings.level(level).riskProbability()).containsExactly("low", "moderate", "high");
		assertThat(mappings.bandRisk("intermediate")).contains("moderate");
		assertThat(mappings.bandRisk("very-high")).isEmpty();
		assertThatThrownBy(() -> mappings.level(4)).hasMessageContaining("rules produced level 4");
	}

	@Test
	void conditionCodingSystemsAreReadAsTheTableSays() {
		assertThat(mappings.conditionSystem("http://hl7.org/fhir/sid/icd-10-cm")).contains(ConditionSystem.ICD_10);
		assertThat(mappings.conditionSystem("http://snomed.info/sct")).contains(ConditionSystem.SNOMED);
		String germanModification = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
		assertThat(mappings.conditionSystem(germanModification)).isEmpty();
		assertThat(DefaultVocabulary.mappingsEdited("vocabulary/fhir-condition-system.csv", "http://snomed.info/sct,snomed,SNOMED CT\n",
				"http://snomed.info/sct,snomed,SNOMED CT\n" + germanModification + ",icd-10,ICD-10-GM\n").conditionSystem(germanModification))
			.contains(ConditionSystem.ICD_10);
	}

	@Test
	void anEditedRowChangesTheMapping() {
		assertThat(DefaultVocabulary.mappingsEdited("vocabulary/uci-admission-type.csv", "7,unknown,Trauma Center", "7,urgent,Trauma Center")
			.uciAdmissionType(7)).contains(AdmissionType.URGENT);
		Mappings edited = DefaultVocabulary.mappingsEdited("vocabulary/observation-unit.csv", "mmol/L,1.611,,1,", "mmol/L,1.611,,,");
		assertThat(edited.convert(edited.quantity("hemoglobin"), "mmol/L", new BigDecimal("8.5"))).contains(13.6935);
		assertThat(DefaultVocabulary.mappingsEdited("vocabulary/score-band-risk.csv", "intermediate,moderate", "intermediate,high")
			.bandRisk("intermediate")).contains("high");
	}

	@Test
	void anUnknownTargetWordIsRefusedWithFileAndLine() {
		assertThatThrownBy(() -> DefaultVocabulary.load(DefaultVocabulary.edited("vocabulary/fhir-discharge-disposition.csv",
				"rehab,rehabilitation", "rehab,rehab-centre")))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.problems()).singleElement().hasToString(
					"vocabulary/fhir-discharge-disposition.csv:8: unknown destination 'rehab-centre' "
							+ "(home, nursing-home, rehabilitation, hospice, deceased, other)"));
	}

	@Test
	void aDuplicateCodeIsRefusedWithBothLines() {
		assertThatThrownBy(() -> DefaultVocabulary.load(DefaultVocabulary.edited("vocabulary/uci-admission-type.csv", "8,unknown,Not Mapped",
				"3,unknown,Not Mapped")))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.problems()).singleElement().hasToString(
					"vocabulary/uci-admission-type.csv:11: duplicate code '3' (first on line 6): a code means one thing"));
	}

	@Test
	void anUnknownColumnIsRefusedNamingIt() {
		assertThatThrownBy(() -> DefaultVocabulary.load(DefaultVocabulary.edited("vocabulary/kaiser-level.csv",
				"level,label,risk_probability,cds_indicator", "level,label,risk,cds_indicator")))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.problems()).singleElement().hasToString(
					"vocabulary/kaiser-level.csv:4: unknown column(s) risk; missing column(s) risk_probability; "
							+ "the header must be level,label,risk_probability,cds_indicator"));
	}

	@Test
	void badNumbersAndMissingTablesAreRefused() {
		assertThatThrownBy(() -> DefaultVocabulary.load(DefaultVocabulary.edited("vocabulary/observation-unit.csv", "g/L,0.1,", "g/L,-0.1,")))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.problems()).singleElement().hasToString(
					"vocabulary/observation-unit.csv:17: factor '-0.1' must be a positive decimal number such as 0.1"));
		assertThatThrownBy(() -> DefaultVocabulary.load(DefaultVocabulary.edited("vocabulary/observation-quantity.csv", "sodium,mmol/L,90,", "natrium,mmol/L,90,")))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.problems()).extracting(Object::toString).contains(
					"vocabulary/observation-quantity.csv: has no row for sodium: stay.dischargeSodiumMmolL is read from it"));
		assertThatThrownBy(() -> DefaultVocabulary.load(DefaultVocabulary.edited("vocabulary/fhir-history-window.csv",
				"history.edVisitsLast6Months,6,", "history.edVisitsLast6Months,six,")))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.problems()).singleElement().hasToString(
					"vocabulary/fhir-history-window.csv:5: months 'six' must be a whole number from 1 to 120"));
		List<RuleFile> withoutLevels = DefaultVocabulary.files().stream().filter(file -> !file.path().equals("vocabulary/kaiser-level.csv"))
			.toList();
		assertThatThrownBy(() -> DefaultVocabulary.load(withoutLevels))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.problems()).singleElement().hasToString(
					"vocabulary/kaiser-level.csv: is missing; it maps each Kaiser level's label, HL7 risk and CDS card indicator"));
	}

	@Test
	void aLevelWithoutItsRowIsRefusedAtLoadNotAtTheFirstAnswer() {
		assertThatThrownBy(() -> DefaultVocabulary.load(DefaultVocabulary.edited("vocabulary/kaiser-level.csv", "3,case-management,high,warning\n", "")))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.problems()).singleElement().hasToString(
					"vocabulary/kaiser-level.csv: has no row for level 3; every answer at that level needs its label"));
	}

	@Test
	void anUnknownVocabularyFileIsNamedWithTheTablesItMightBe() {
		List<RuleFile> files = new java.util.ArrayList<>(DefaultVocabulary.files());
		files.add(new RuleFile("vocabulary/fhir-units.csv", "# notes\ninput,unit\n".getBytes(StandardCharsets.UTF_8)));
		assertThatThrownBy(() -> DefaultVocabulary.load(files))
			.isInstanceOfSatisfying(InvalidVocabularyException.class, ex -> assertThat(ex.problems()).singleElement().satisfies(problem -> {
				assertThat(problem.file()).isEqualTo("vocabulary/fhir-units.csv");
				assertThat(problem.message()).contains("vocabulary/observation-unit.csv");
			}));
	}
}
