package org.parcours.fhir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

import org.parcours.patient.Enums.StayReason;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.DefaultVocabulary;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stay reason derived from the index encounter's principal diagnosis through
 * vocabulary/stay-reason.csv, and the observations input from LOINC-coded Observations, on the
 * example bundle of docs/fhir-and-cds-hooks.md (stay "stay", discharge diagnosis of rank 1: Condition
 * c-hf, I50.9).
 */
class StayReasonFromFhirTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	private static Bundle example() throws Exception {
		return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class,
				Files.readString(Path.of("datasets/examples/fhir-bundle-heart-failure.json")));
	}

	private static Encounter stay(Bundle bundle) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
			.filter(resource -> resource instanceof Encounter encounter && "stay".equals(Fhir.key(encounter))).map(Encounter.class::cast)
			.findFirst().orElseThrow();
	}

	private static Patient.Stay mapped(Bundle bundle) {
		return FhirPatientMapper.map(FhirRecord.of(bundle), null, null, DefaultVocabulary.mappings(), TODAY).patient().stay();
	}

	@Test
	void theDiagnosisOfRankOneGivesTheReasonAndSaysWhereItCameFrom() throws Exception {
		Patient.Stay stay = mapped(example());
		assertThat(stay.reason()).isEqualTo(StayReason.HEART_FAILURE);
		assertThat(stay.reasonDerivedFrom()).isEqualTo("icd-10 I50.9 (principal diagnosis)");
	}

	@Test
	void withoutRankTheDischargeDiagnosisUseDecides() throws Exception {
		Bundle bundle = example();
		Encounter stay = stay(bundle);
		stay.getDiagnosisFirstRep().setRankElement(null);
		// a comorbidity listed first does not decide: the DD use does
		stay.getDiagnosis().add(0, new Encounter.DiagnosisComponent(new Reference("Condition/c-copd"))
			.setUse(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/diagnosis-role", "CM", null))));
		assertThat(mapped(bundle).reason()).isEqualTo(StayReason.HEART_FAILURE);
	}

	@Test
	void withoutAPrincipalDiagnosisTheReasonCodeDecides() throws Exception {
		Bundle bundle = example();
		Encounter stay = stay(bundle);
		stay.setDiagnosis(null);
		stay.addReasonCode(new CodeableConcept(new Coding("http://snomed.info/sct", "195951007", "Acute exacerbation of COPD")));
		Patient.Stay mapped = mapped(bundle);
		assertThat(mapped.reason()).isEqualTo(StayReason.COPD);
		assertThat(mapped.reasonDerivedFrom()).isEqualTo("snomed 195951007 (encounter reason)");
	}

	@Test
	void aPrincipalDiagnosisNoRowListsIsOtherAndASurgicalProcedureMakesItSurgery() throws Exception {
		Bundle bundle = example();
		Encounter stay = stay(bundle);
		stay.setDiagnosis(null);
		stay.addReasonCode(new CodeableConcept(new Coding("http://hl7.org/fhir/sid/icd-10", "S72.0", "Fracture of neck of femur")));
		assertThat(mapped(bundle).reason()).isEqualTo(StayReason.OTHER);
		Procedure repair = new Procedure().setStatus(Procedure.ProcedureStatus.COMPLETED).setSubject(new Reference("Patient/example-fhir-hf"))
			.setEncounter(new Reference("Encounter/stay"));
		repair.setCategory(new CodeableConcept(new Coding("http://snomed.info/sct", "387713003", "Surgical procedure")));
		bundle.addEntry().setResource(repair);
		Patient.Stay surgical = mapped(bundle);
		assertThat(surgical.reason()).isEqualTo(StayReason.SURGERY);
		assertThat(surgical.reasonDerivedFrom()).isEqualTo("snomed 387713003 (procedure category)");
	}

	@Test
	void noDiagnosisNoReasonCodeAndNoSurgeryLeaveTheReasonUnknown() throws Exception {
		Bundle bundle = example();
		stay(bundle).setDiagnosis(null);
		assertThat(mapped(bundle).reason()).isNull();
		assertThat(mapped(bundle).reasonDerivedFrom()).isNull();
	}

	@Test
	void loincObservationsBecomeTheObservationsInputInTheQuantitysUnit() throws Exception {
		Bundle bundle = example();
		Observation egfr = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/example-fhir-hf"));
		egfr.getCode().addCoding().setSystem(Fhir.LOINC).setCode("62238-1");
		egfr.setValue(new Quantity().setValue(38).setSystem("http://unitsofmeasure.org").setCode("mL/min/{1.73_m2}"));
		egfr.setEffective(new DateTimeType("2026-10-02T09:00:00+01:00"));
		bundle.addEntry().setResource(egfr);
		var observations = FhirPatientMapper.map(FhirRecord.of(bundle), null, null, DefaultVocabulary.mappings(), TODAY).patient().observations();
		// read on the stay's last day 2026-11-16: the latest haemoglobin (115 g/L that morning) as 11.5 g/dL, and the eGFR
		assertThat(observations).extracting(Patient.Observation::code, Patient.Observation::value, Patient.Observation::unit)
			.contains(org.assertj.core.groups.Tuple.tuple("62238-1", 38.0, "mL/min/{1.73_m2}"),
					org.assertj.core.groups.Tuple.tuple("718-7", 11.5, "g/dL"));
		assertThat(observations).filteredOn(observation -> observation.code().equals("718-7")).singleElement()
			.extracting(Patient.Observation::date).isEqualTo(LocalDate.of(2026, 11, 16));
	}
}
