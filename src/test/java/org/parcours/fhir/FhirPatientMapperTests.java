package org.parcours.fhir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Validation;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.Evaluation;
import org.parcours.patient.Enums.AdmissionType;
import org.parcours.patient.Enums.DischargeDestination;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.DefaultRules;
import org.parcours.vocabulary.CodeSystem;
import org.parcours.vocabulary.DefaultVocabulary;
import org.parcours.vocabulary.FunctionalFinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The Synthea bulk export, one bundle per patient, mapped onto the patient model and assessed on the
 * real rules. Expected values were counted by hand from the NDJSON files (see docs/validation.md and
 * docs/fhir-and-cds-hooks.md): index stay, windows, active conditions and medications as the mapping defines them.
 */
class FhirPatientMapperTests {

	/** "Today" for patients with no inpatient stay, so that their windows do not move with the calendar. */
	static final LocalDate TODAY = LocalDate.of(2023, 6, 30);

	private final PatientValidator validator = new PatientValidator(Validation.buildDefaultValidatorFactory().getValidator());

	private final Evaluation evaluation = Evaluation.on(DefaultRules.get(), TODAY, validator);

	static MappedPatient map(String prefix) {
		return FhirPatientMapper.map(FhirRecord.of(SyntheaBundles.of(prefix)), null, null, DefaultVocabulary.mappings(), TODAY);
	}

	static Set<String> chronic(Assessment assessment) {
		return new TreeSet<>(assessment.derived().chronicCategories());
	}

	@Test
	void everySyntheaPatientIsMappedValidatedAndAssessed() {
		Map<String, Bundle> bundles = SyntheaBundles.all();
		assertThat(bundles).hasSize(13);
		bundles.forEach((id, bundle) -> {
			MappedPatient mapped = FhirPatientMapper.map(FhirRecord.of(bundle), null, null, DefaultVocabulary.mappings(), TODAY);
			assertThat(validator.check(mapped.patient(), TODAY)).as(id).isEmpty();
			Assessment assessment = evaluation.assess(mapped.patient());
			assertThat(assessment.patientId()).isEqualTo(id);
			assertThat(assessment.riskLevel().level()).as(id).isBetween(1, 3);
			assertThat(assessment.riskLevel().reasons()).as(id).isNotEmpty();
		});
	}

	@Test
	void frequentlyAdmittedPatientIsReadAroundHerLatestStay() {
		// 129c6ac7: 45 inpatient stays 1977-1989; the latest, 1989-03-29 to 1989-04-02, is the index.
		MappedPatient mapped = map("129c6ac7");
		Patient patient = mapped.patient();
		assertThat(Fhir.key(mapped.index())).startsWith("b57e3916");
		assertThat(mapped.assessmentDate()).isEqualTo(LocalDate.of(1989, 4, 2));
		assertThat(patient.birthDate()).isEqualTo(LocalDate.of(1927, 5, 21));
		assertThat(patient.history().admissionsLast12Months()).isEqualTo(9);
		assertThat(patient.history().edVisitsLast6Months()).isZero();
		assertThat(patient.stay().lengthOfStayDays()).isEqualTo(4);
		assertThat(patient.stay().procedurePerformed()).isTrue();
		assertThat(patient.stay().admissionType()).isNull();
		assertThat(patient.stay().dischargeHemoglobinGdl()).isNull();
		assertThat(patient.medicationCount()).isEqualTo(1);
		assertThat(patient.conditions()).hasSize(15);
		assertThat(patient.functional()).isNull();

		Assessment assessment = evaluation.assess(patient);
		assertThat(chronic(assessment)).containsExactly("cancer", "coronary-artery-disease", "obesity");
		assertThat(assessment.riskLevel().level()).isEqualTo(3);
		assertThat(assessment.riskLevel().reasons()).extracting(Assessment.Reason::rule).contains("L3-B");
		assertThat(assessment.scores().lace().value()).isNull();
		assertThat(assessment.scores().lace().missing()).contains("stay.admissionType");
		assertThat(assessment.warnings()).filteredOn(warning -> warning.code().equals("unknown-code")).hasSize(10);
	}

	@Test
	void transplantPatientHasFourChronicCategoriesAndNoMedicationActiveThen() {
		// 79a66c97: surgical transplant stay 1990-10-27 to 1990-11-09; her 7 active prescriptions date from later.
		MappedPatient mapped = map("79a66c97");
		Patient patient = mapped.patient();
		assertThat(mapped.assessmentDate()).isEqualTo(LocalDate.of(1990, 11, 9));
		assertThat(patient.stay().lengthOfStayDays()).isEqualTo(13);
		assertThat(patient.history().admissionsLast12Months()).isZero();
		assertThat(patient.medicationCount()).isZero();
		Assessment assessment = evaluation.assess(patient);
		assertThat(chronic(assessment)).containsExactly("chronic-kidney-disease", "diabetes", "hypertension", "obesity");
		assertThat(assessment.riskLevel().level()).isEqualTo(2);
		assertThat(assessment.riskLevel().reasons()).extracting(Assessment.Reason::rule).contains("L2-A");
		assertThat(assessment.derived().polypharmacy()).isFalse();
	}

	@Test
	void nursingFacilityStayCountsTheEmergencyVisitBeforeIt() {
		// a5cb8ce9: skilled nursing stay 2018-10-18 to 2018-11-06 (class IMP), one emergency visit in the 6 months before.
		MappedPatient mapped = map("a5cb8ce9");
		Patient patient = mapped.patient();
		assertThat(mapped.assessmentDate()).isEqualTo(LocalDate.of(2018, 11, 6));
		assertThat(patient.stay().lengthOfStayDays()).isEqualTo(19);
		assertThat(patient.history().admissionsLast12Months()).isZero();
		assertThat(patient.history().edVisitsLast6Months()).isEqualTo(1);
		assertThat(patient.medicationCount()).isEqualTo(1);
		assertThat(evaluation.assess(patient).derived().chronicCount()).isZero();
	}

	@Test
	void patientWithoutStayIsReadOnTodayAndSocialIsolationMeansNoCaregiver() {
		// 7bc002fa: no inpatient encounter; active findings include obesity (BMI 30+) and limited social contact.
		MappedPatient mapped = map("7bc002fa");
		Patient patient = mapped.patient();
		assertThat(mapped.index()).isNull();
		assertThat(mapped.assessmentDate()).isEqualTo(TODAY);
		assertThat(patient.stay()).isNull();
		assertThat(patient.history().admissionsLast12Months()).isZero();
		assertThat(patient.history().edVisitsLast6Months()).isZero();
		assertThat(patient.medicationCount()).isEqualTo(1);
		// the finding travels as a condition; the facts read it as every input path does (FunctionalFindingsTests)
		assertThat(patient.conditions()).contains(Patient.Condition.coded(ConditionSystem.SNOMED, "423315002"));
		assertThat(patient.functional()).isNull();
		Assessment assessment = evaluation.assess(patient);
		assertThat(chronic(assessment)).containsExactly("obesity");
		assertThat(assessment.scores().lace().missing()).contains("stay.lengthOfStayDays");
	}

	@Test
	void deathBeforeTheAssessmentDateIsAWarning() {
		// 3af3708d died on 1971-10-01 and has no inpatient stay: read on "today"; 129c6ac7 died after her index stay.
		assertThat(map("3af3708d").warnings()).extracting(Assessment.Warning::code).contains("fhir-deceased");
		assertThat(map("129c6ac7").warnings()).extracting(Assessment.Warning::code).doesNotContain("fhir-deceased");
	}

	@Test
	void namedIndexEncounterAndAssessmentDateAreUsed() {
		// a4a401d1: her only inpatient stay, 2022-11-10 to 2022-11-11, with two procedures recorded in it.
		Bundle bundle = SyntheaBundles.of("a4a401d1");
		MappedPatient latest = FhirPatientMapper.map(FhirRecord.of(bundle), null, null, DefaultVocabulary.mappings(), TODAY);
		String stay = Fhir.key(latest.index());
		assertThat(stay).startsWith("8dee71b9");
		assertThat(latest.patient().stay().lengthOfStayDays()).isEqualTo(1);
		assertThat(latest.patient().stay().procedurePerformed()).isTrue();
		assertThat(latest.patient().medicationCount()).isZero();

		MappedPatient named = FhirPatientMapper.map(FhirRecord.of(bundle), stay, LocalDate.of(2023, 1, 1), DefaultVocabulary.mappings(),
				TODAY);
		assertThat(named.assessmentDate()).isEqualTo(LocalDate.of(2023, 1, 1));
		assertThat(named.patient().assessmentDate()).isEqualTo(LocalDate.of(2023, 1, 1));
	}

	@Test
	void stayInputsFromPriorityDispositionAndLabsDuringTheStay() {
		Bundle bundle = SyntheaBundles.of("a4a401d1").copy();
		Encounter index = emergencyStayToNursingHomeWithTwoHaemoglobins(bundle);
		bundle.addEntry().setResource(lab("718-7", 9.0, "g/dL", "2022-11-20T08:00:00-05:00", null));
		bundle.addEntry().setResource(lab("2951-2", 131, "mmol/L", "2022-01-01T08:00:00-05:00", "Encounter/" + Fhir.key(index)));
		Patient.Stay stay = FhirPatientMapper.map(FhirRecord.of(bundle), null, null, DefaultVocabulary.mappings(), TODAY).patient().stay();
		assertThat(stay.admissionType()).isEqualTo(AdmissionType.URGENT);
		assertThat(stay.dischargeDestination()).isEqualTo(DischargeDestination.NURSING_HOME);
		assertThat(stay.dischargeHemoglobinGdl()).isEqualTo(11.2);
		assertThat(stay.dischargeSodiumMmolL()).isEqualTo(131.0);
	}

	/**
	 * Patient a4a401d1's stay of 2022-11-10, made an emergency (ActPriority EM) discharged to a skilled
	 * nursing facility, with a haemoglobin in g/dL and a later one in g/L during the stay.
	 */
	private static Encounter emergencyStayToNursingHomeWithTwoHaemoglobins(Bundle bundle) {
		Encounter index = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
			.filter(resource -> resource instanceof Encounter encounter && Fhir.key(encounter).startsWith("8dee71b9"))
			.map(Encounter.class::cast).findFirst().orElseThrow();
		index.getPriority().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActPriority").setCode("EM");
		index.getHospitalization().getDischargeDisposition().addCoding()
			.setSystem("http://terminology.hl7.org/CodeSystem/discharge-disposition").setCode("snf");
		bundle.addEntry().setResource(lab("718-7", 10.5, "g/dL", "2022-11-10T20:00:00-05:00", null));
		bundle.addEntry().setResource(lab("718-7", 112, "g/L", "2022-11-11T08:00:00-05:00", null));
		return index;
	}

	@Test
	void editedMappingTablesChangeWhatTheSameResourcesSay() {
		Bundle bundle = SyntheaBundles.of("a4a401d1").copy();
		emergencyStayToNursingHomeWithTwoHaemoglobins(bundle);
		bundle.addEntry().setResource(lab("2947-0", 131, "mmol/L", "2022-11-11T08:00:00-05:00", null));
		var files = DefaultVocabulary.edited("vocabulary/fhir-admission-type.csv", "priority,EM,urgent", "priority,EM,elective");
		files = DefaultVocabulary.edit(files, "vocabulary/fhir-discharge-disposition.csv", "snf,nursing-home", "snf,rehabilitation");
		files = DefaultVocabulary.edit(files, "vocabulary/observation-unit.csv", "hemoglobin,g/L,0.1,,,divided by 10\n", "");
		files = DefaultVocabulary.edit(files, "vocabulary/observation-code.csv", "2947-0,sodium,Sodium [Moles/volume] in Blood\n", "");
		MappedPatient mapped = FhirPatientMapper.map(FhirRecord.of(bundle), null, null, DefaultVocabulary.load(files).mappings(), TODAY);
		Patient.Stay stay = mapped.patient().stay();
		assertThat(stay.admissionType()).isEqualTo(AdmissionType.ELECTIVE);
		assertThat(stay.dischargeDestination()).isEqualTo(DischargeDestination.REHABILITATION);
		// g/L no longer accepted: the later 112 g/L is skipped with a warning, the earlier g/dL result is used; 2947-0 no longer names sodium.
		assertThat(stay.dischargeHemoglobinGdl()).isEqualTo(10.5);
		assertThat(stay.dischargeSodiumMmolL()).isNull();
		assertThat(mapped.warnings()).extracting(Assessment.Warning::code).contains("fhir-unit");
	}

	@Test
	void editedEncounterClassAndWindowTablesChangeTheHistoryCounts() {
		var wider = DefaultVocabulary.edited("vocabulary/fhir-history-window.csv", "history.admissionsLast12Months,12,",
				"history.admissionsLast12Months,24,");
		assertThat(FhirPatientMapper.map(FhirRecord.of(SyntheaBundles.of("129c6ac7")), null, null, DefaultVocabulary.load(wider).mappings(), TODAY)
			.patient().history().admissionsLast12Months()).isGreaterThan(9);
		var noEmergencyClass = DefaultVocabulary.edited("vocabulary/fhir-encounter-class.csv", "EMER,emergency,emergency\n", "");
		assertThat(FhirPatientMapper.map(FhirRecord.of(SyntheaBundles.of("a5cb8ce9")), null, null, DefaultVocabulary.load(noEmergencyClass).mappings(),
				TODAY).patient().history().edVisitsLast6Months()).isZero();
	}

	private static Observation lab(String loinc, double value, String unit, String when, String encounter) {
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().addCoding().setSystem(Fhir.LOINC).setCode(loinc);
		observation.setSubject(new Reference("Patient/a4a401d1-a46a-eb4a-8a38-760d5d79d6ec"));
		observation.setValue(new Quantity().setValue(value).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(unit));
		observation.setEffective(new DateTimeType(when));
		if (encounter != null) {
			observation.setEncounter(new Reference(encounter));
		}
		return observation;
	}

	/** Transaction bundles (as Synthea writes them) refer to entries by {@code urn:uuid:} full URLs. */
	@Test
	void urnUuidReferencesAreFollowedLikeRelativeOnes() throws Exception {
		String relative = Files.readString(Path.of("datasets/examples/fhir-bundle-heart-failure.json"));
		String urns = relative.replace("Patient/example-fhir-hf", "urn:uuid:example-fhir-hf").replace("Encounter/stay", "urn:uuid:stay")
			.replace("{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"example-fhir-hf\"",
					"{\"fullUrl\": \"urn:uuid:example-fhir-hf\", \"resource\": {\"resourceType\": \"Patient\", \"id\": \"example-fhir-hf\"")
			.replace("{\"resource\": {\"resourceType\": \"Encounter\", \"id\": \"stay\"",
					"{\"fullUrl\": \"urn:uuid:stay\", \"resource\": {\"resourceType\": \"Encounter\", \"id\": \"stay\"");
		assertThat(urns).contains("\"fullUrl\": \"urn:uuid:stay\"").doesNotContain("Encounter/stay");
		var parser = FhirContext.forR4Cached().newJsonParser();
		for (String json : List.of(relative, urns)) {
			MappedPatient mapped = FhirPatientMapper.map(FhirRecord.of(parser.parseResource(Bundle.class, json)), null, null, DefaultVocabulary.mappings(), TODAY);
			assertThat(mapped.patient().patientId()).isEqualTo("example-fhir-hf");
			assertThat(Fhir.key(mapped.index())).isEqualTo("stay");
			assertThat(mapped.patient().stay().lengthOfStayDays()).isEqualTo(6);
			assertThat(mapped.patient().stay().procedurePerformed()).isTrue();
			assertThat(mapped.patient().stay().dischargeHemoglobinGdl()).isEqualTo(11.5);
			assertThat(mapped.patient().history().admissionsLast12Months()).isEqualTo(1);
		}
	}

	/** At admission (encounter-start) the stay is in progress: it is the index, read on today, and its length is unknown. */
	@Test
	void stayInProgressIsReadOnTodayWithoutLength() throws Exception {
		Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
				Files.readString(Path.of("datasets/examples/fhir-bundle-heart-failure.json")));
		Encounter stay = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
			.filter(resource -> resource instanceof Encounter encounter && "stay".equals(Fhir.key(encounter))).map(Encounter.class::cast)
			.findFirst().orElseThrow();
		stay.setStatus(Encounter.EncounterStatus.INPROGRESS).getPeriod().setEnd(null);
		LocalDate today = LocalDate.of(2026, 11, 12);
		MappedPatient mapped = FhirPatientMapper.map(FhirRecord.of(bundle), null, null, DefaultVocabulary.mappings(), today);
		assertThat(Fhir.key(mapped.index())).isEqualTo("stay");
		assertThat(mapped.assessmentDate()).isEqualTo(today);
		assertThat(mapped.patient().stay().lengthOfStayDays()).isNull();
		assertThat(mapped.patient().stay().admissionType()).isEqualTo(AdmissionType.URGENT);
		assertThat(mapped.patient().history().admissionsLast12Months()).isEqualTo(1);
		assertThat(mapped.patient().history().edVisitsLast6Months()).isEqualTo(1);
	}

	@Test
	void bundleOfAnotherShapeIsRefusedWithTheElementNamed() {
		Bundle none = new Bundle();
		assertThatThrownBy(() -> FhirRecord.of(none)).isInstanceOfSatisfying(InvalidPatientException.class,
				ex -> assertThat(ex.errors()).extracting("field", "message")
					.containsExactly(tuple("Bundle.entry", "holds no Patient resource; send one patient per bundle")));
		Bundle mixed = SyntheaBundles.of("a4a401d1").copy();
		SyntheaBundles.of("7bc002fa").getEntry().stream().filter(entry -> entry.getResource() instanceof Condition)
			.limit(2).forEach(entry -> mixed.addEntry().setResource(entry.getResource()));
		assertThatThrownBy(() -> FhirPatientMapper.map(FhirRecord.of(mixed), null, null, DefaultVocabulary.mappings(), TODAY))
			.isInstanceOfSatisfying(InvalidPatientException.class, ex -> assertThat(ex.errors()).singleElement()
				.satisfies(error -> {
					assertThat(error.field()).isEqualTo("Condition.subject");
					assertThat(error.message()).isEqualTo("2 resource(s) refer to another patient than the Patient sent");
				}));
	}

	@Test
	void socialFindingsAreVocabularyEntries() {
		var vocabulary = DefaultRules.get().vocabulary();
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "422650009").functionalFindings()).containsExactly(FunctionalFinding.NO_CAREGIVER);
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "423315002").functionalFindings()).containsExactly(FunctionalFinding.NO_CAREGIVER);
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "105529008").functionalFindings()).containsExactly(FunctionalFinding.LIVES_ALONE);
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "26929004").functionalFindings()).containsExactly(FunctionalFinding.COGNITIVE_IMPAIRMENT);
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "26929004").chronicCategory()).isEqualTo("dementia");
		assertThat(vocabulary.lookup(CodeSystem.SNOMED, "160903007").known()).isFalse();
		assertThat(List.of("408512008", "399261000", "161665007", "698306007"))
			.extracting(code -> vocabulary.lookup(CodeSystem.SNOMED, code).chronicCategory())
			.containsExactly("obesity", "coronary-artery-disease", "chronic-kidney-disease", "chronic-kidney-disease");
	}
}
