package org.parcours.fhir;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The medication review through the FHIR path: MedicationStatement and MedicationRequest with ATC
 * codings become the medication list (a STOPP criterion with a duration, a START omission), and a
 * medication without an ATC coding withholds the list rather than miscounting it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MedicationReviewFhirTests {

	/** Atrial fibrillation. */
	private static final List<String> AF = List.of("49436004");

	@Autowired
	MockMvc mvc;

	private ResultActions assess(String... medications) throws Exception {
		String bundle = CodedPatients.bundle(AF);
		String entries = String.join("", medications);
		bundle = bundle.substring(0, bundle.length() - 2) + entries + "]}";
		return mvc.perform(FhirAssessmentApiTests.fhir(bundle).queryParam("assessmentDate", CodedPatients.ASSESSMENT_DATE))
			.andExpect(status().isOk());
	}

	private static String statement(String id, String system, String code, String start) {
		return ", {\"resource\": {\"resourceType\": \"MedicationStatement\", \"id\": \"" + id + "\", \"status\": \"active\", "
				+ "\"subject\": {\"reference\": \"Patient/p1\"}, \"effectivePeriod\": {\"start\": \"" + start + "\"}, "
				+ "\"medicationCodeableConcept\": {\"coding\": [{\"system\": \"" + system + "\", \"code\": \"" + code + "\"}]}}}";
	}

	private static String request(String id, String code, String authored) {
		return ", {\"resource\": {\"resourceType\": \"MedicationRequest\", \"id\": \"" + id + "\", \"status\": \"active\", "
				+ "\"intent\": \"order\", \"subject\": {\"reference\": \"Patient/p1\"}, \"authoredOn\": \"" + authored + "\", "
				+ "\"medicationCodeableConcept\": {\"coding\": [{\"system\": \"http://www.whocc.no/atc\", \"code\": \"" + code + "\"}]}}}";
	}

	@Test
	void atcCodedStatementsAndRequestsAreReviewed() throws Exception {
		// Diazepam started 28 days before 2026-11-20 (STOPP-D5 at its threshold), bisoprolol, no anticoagulant (START-A1).
		assess(statement("m1", "http://www.whocc.no/atc", "N05BA01", "2026-10-23"), request("m2", "C07AB07", "2025-01-10"))
			.andExpect(jsonPath("$.derived.medicationCount").value(2))
			.andExpect(jsonPath("$.medicationReview.flags[*].rule", contains("STOPP-D5", "START-A1")))
			.andExpect(jsonPath("$.medicationReview.flags[0].text", containsString("N05BA01 since 2026-10-23 (28 days)")))
			.andExpect(jsonPath("$.medicationReview.flags[1].text", containsString("atrial fibrillation (snomed 49436004)")));
	}

	@Test
	void aStartDateOneDayShortDoesNotFlag() throws Exception {
		assess(statement("m1", "http://www.whocc.no/atc", "N05BA01", "2026-10-24"))
			.andExpect(jsonPath("$.medicationReview.flags[*].rule", not(hasItem("STOPP-D5"))));
	}

	@Test
	void aMedicationWithoutAtcCodingWithholdsTheListButKeepsTheCount() throws Exception {
		assess(statement("m1", "http://www.nlm.nih.gov/research/umls/rxnorm", "197591", "2026-01-01"), request("m2", "C07AB07", "2025-01-10"))
			.andExpect(jsonPath("$.derived.medicationCount").value(2))
			.andExpect(jsonPath("$.medicationReview.flags").isEmpty())
			.andExpect(jsonPath("$.medicationReview.missing", hasItem("medications")))
			.andExpect(jsonPath("$.warnings[*].code", hasItem("fhir-medication-not-atc")));
	}
}
