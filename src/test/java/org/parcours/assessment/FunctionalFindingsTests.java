package org.parcours.assessment;

import java.time.LocalDate;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import org.parcours.facts.PatientFacts;
import org.parcours.fhir.FhirPatientMapper;
import org.parcours.fhir.FhirRecord;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.DefaultVocabulary;
import org.parcours.rules.DefaultRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SNOMED CT functional finding ({@code vocabulary/functional-snomed.csv}) means the same whether it
 * arrives as a JSON condition or as a FHIR Condition, and a value sent in {@code functional} wins.
 */
class FunctionalFindingsTests {

	private static final LocalDate ON = LocalDate.of(2026, 11, 20);

	/** Lives alone, social isolation (no one to rely on), dementia, depressive disorder. */
	private static final String[] FINDINGS = { "105529008", "422650009", "52448006", "35489007" };

	@Test
	void jsonConditionsAndFhirConditionsGiveTheSameFacts() {
		Patient json = Assess.patient(json(""));
		Patient fhir = FhirPatientMapper.map(FhirRecord.of(bundle()), null, ON, DefaultVocabulary.mappings(), Assess.TODAY).patient();

		FactsBuilder.Result fromJson = facts(json);
		FactsBuilder.Result fromFhir = facts(fhir);

		assertThat(fromFhir.facts()).isEqualTo(fromJson.facts());
		assertThat(fromFhir.warnings()).isEqualTo(fromJson.warnings());
		PatientFacts facts = fromJson.facts();
		assertThat(facts.livesAlone()).isTrue();
		assertThat(facts.hasCaregiver()).isFalse();
		assertThat(facts.cognitiveImpairment()).isTrue();
		assertThat(facts.depression()).isTrue();
		assertThat(facts.undernutrition()).isNull();
		assertThat(facts.adlDependencies()).isNull();
		assertThat(facts.chronicCategories()).contains("dementia");
		assertThat(Assess.on(DefaultRules.get()).assess(fhir)).isEqualTo(Assess.on(DefaultRules.get()).assess(json));
	}

	@Test
	void aFindingMeansWhatTheFunctionalInputSays() {
		PatientFacts coded = facts(Assess.patient(json(""))).facts();
		PatientFacts stated = facts(Assess.patient(json(
				", \"functional\": {\"livesAlone\": true, \"hasCaregiver\": false, \"cognitiveImpairment\": true, \"depression\": true}")))
			.facts();
		assertThat(coded).isEqualTo(stated);
	}

	@Test
	void aValueSentInFunctionalWinsOverAFinding() {
		PatientFacts facts = facts(Assess.patient(json(", \"functional\": {\"livesAlone\": false, \"hasCaregiver\": true, \"fallsLast12Months\": 2}")))
			.facts();
		assertThat(facts.livesAlone()).isFalse();
		assertThat(facts.hasCaregiver()).isTrue();
		assertThat(facts.fallsLast12Months()).isEqualTo(2);
		assertThat(facts.cognitiveImpairment()).as("not sent: the finding fills it").isTrue();
		assertThat(facts.depression()).isTrue();
	}

	@Test
	void withoutFindingsFunctionalIsAsSent() {
		Patient sent = Assess.patient("{\"age\": 80, \"conditions\": [{\"system\": \"icd-10\", \"code\": \"I50.9\"}]}");
		assertThat(facts(sent).facts().functional()).isNull();
		assertThat(facts(sent).facts().livesAlone()).isNull();
	}

	private static FactsBuilder.Result facts(Patient patient) {
		return FactsBuilder.build(patient, DefaultRules.get().vocabulary(), Assess.TODAY);
	}

	private static String json(String more) {
		StringBuilder conditions = new StringBuilder();
		for (String code : FINDINGS) {
			conditions.append(conditions.isEmpty() ? "" : ", ").append("{\"system\": \"snomed\", \"code\": \"").append(code).append("\"}");
		}
		return "{\"patientId\": \"p1\", \"birthDate\": \"1940-03-01\", \"assessmentDate\": \"" + ON + "\", \"conditions\": ["
				+ conditions + "]" + more + "}";
	}

	private static Bundle bundle() {
		StringBuilder entries = new StringBuilder(
				"{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"p1\", \"birthDate\": \"1940-03-01\"}}");
		for (String code : FINDINGS) {
			entries.append(", {\"resource\": {\"resourceType\": \"Condition\", \"id\": \"c").append(code)
				.append("\", \"subject\": {\"reference\": \"Patient/p1\"}, \"clinicalStatus\": {\"coding\": [{\"system\": ")
				.append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \"active\"}]}, ")
				.append("\"code\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"").append(code).append("\"}]}}}");
		}
		String json = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [" + entries + "]}";
		return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
	}
}
