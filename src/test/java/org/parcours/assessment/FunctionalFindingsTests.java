package org.parcours.assessment;

import java.time.LocalDate;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import org.parcours.facts.PatientFacts;
import org.parcours.fhir.CodedPatients;
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

	private static final LocalDate ON = LocalDate.parse(CodedPatients.ASSESSMENT_DATE);

	/** Lives alone, social isolation (no one to rely on), dementia, depressive disorder. */
	private static final List<String> FINDINGS = List.of("105529008", "422650009", "52448006", "35489007");

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
		PatientFacts stated = facts(Assess.patient("{\"age\": 86, \"conditions\": [], \"functional\": {\"livesAlone\": true, "
				+ "\"hasCaregiver\": false, \"cognitiveImpairment\": true, \"depression\": true}}")).facts();
		assertThat(coded.functional()).isEqualTo(stated.functional());
		assertThat(coded.functional()).isNotNull();
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
		Patient none = Assess.patient("{\"age\": 80, \"conditions\": [{\"system\": \"icd-10\", \"code\": \"I50.9\"}]}");
		assertThat(facts(none).facts().functional()).isNull();
		Patient sent = Assess.patient("{\"age\": 80, \"conditions\": [{\"system\": \"icd-10\", \"code\": \"I50.9\"}], "
				+ "\"functional\": {\"livesAlone\": true, \"fallsLast12Months\": 1}}");
		assertThat(facts(sent).facts().functional()).isEqualTo(sent.functional());
	}

	private static FactsBuilder.Result facts(Patient patient) {
		return FactsBuilder.build(patient, DefaultRules.get().vocabulary(), Assess.TODAY);
	}

	private static String json(String more) {
		return CodedPatients.json(FINDINGS, more);
	}

	private static Bundle bundle() {
		return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, CodedPatients.bundle(FINDINGS));
	}
}
