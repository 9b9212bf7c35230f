package org.parcours.fhir;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/assessments with a FHIR R4 Bundle, through the real Spring MVC stack and rules. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FhirAssessmentApiTests {

	static final MediaType FHIR = MediaType.parseMediaType("application/fhir+json");

	static final String HER = "a4a401d1-a46a-eb4a-8a38-760d5d79d6ec";

	@Autowired
	MockMvc mvc;

	static MockHttpServletRequestBuilder fhir(String body) {
		return post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(FHIR).content(body);
	}

	ResultActions invalid(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid input"));
	}

	@Test
	void bundleGetsTheContractJsonByDefault() throws Exception {
		mvc.perform(fhir(SyntheaBundles.json(SyntheaBundles.of("a4a401d1")))).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.patientId").value(HER))
			.andExpect(jsonPath("$.rulesVersion").value(matchesPattern("[0-9a-f]{12}")))
			.andExpect(jsonPath("$.riskLevel.level").value(1))
			.andExpect(jsonPath("$.derived.medicationCount").value(0))
			.andExpect(jsonPath("$.derived.chronicCount").value(0))
			.andExpect(jsonPath("$.scores.lace.value").doesNotExist())
			.andExpect(jsonPath("$.scores.lace.missing").value(hasItem("stay.admissionType")))
			.andExpect(jsonPath("$.scores.hospital.missing").value(hasItem("stay.dischargeHemoglobinGdl")))
			.andExpect(jsonPath("$.warnings[*].code").value(hasItem("unknown-code")));
	}

	/** The example of docs/fhir-and-cds-hooks.md: every input counted by hand from the bundle (see the comments in the assertions). */
	@Test
	void exampleBundleGivesTheValuesCountedByHand() throws Exception {
		mvc.perform(fhir(Files.readString(Path.of("datasets/examples/fhir-bundle-heart-failure.json")))).andExpect(status().isOk())
			.andExpect(jsonPath("$.patientId").value("example-fhir-hf"))
			// heart failure (ICD-10 and SNOMED CT codings of one Condition) and COPD; the refuted C34.9 is not read
			.andExpect(jsonPath("$.derived.chronicCategories", containsInAnyOrder("copd", "heart-failure")))
			.andExpect(jsonPath("$.scores.charlson.value").value(2))
			// born 1944-03-12, assessed on the index stay's last day 2026-11-16: 82
			.andExpect(jsonPath("$.scores.charlson.ageAdjusted").value(6))
			// 5 distinct active: bisoprolol twice, midazolam stopped
			.andExpect(jsonPath("$.derived.medicationCount").value(5))
			// lives alone + social isolation (no caregiver), 1 stay in 12 months (the 2025 one is older): L3-C
			.andExpect(jsonPath("$.riskLevel.level").value(3))
			.andExpect(jsonPath("$.riskLevel.reasons[0].rule").value("L3-C"))
			.andExpect(jsonPath("$.riskLevel.reasons[0].text").value(containsString("lives-alone-without-caregiver, and 1 admission(s)")))
			// LACE: 6 days 4 + emergency priority 3 + Charlson 2 + 1 ED visit in 6 months 1
			.andExpect(jsonPath("$.scores.lace.value").value(10))
			// HOSPITAL: Hb 115 g/L (latest) 1 + cardiology 0 + Na 133 1 + echocardiography 1 + urgent 1 + 1 admission 0 + 6 days 2
			.andExpect(jsonPath("$.scores.hospital.value").value(6))
			.andExpect(jsonPath("$.scores.hospital.reasons[?(@.rule == 'HOSPITAL-H')].text").value(contains(containsString("11.5 g/dL"))))
			.andExpect(jsonPath("$.warnings", hasSize(0)));
	}

	@Test
	void riskAssessmentWhenFhirIsAccepted() throws Exception {
		mvc.perform(fhir(SyntheaBundles.json(SyntheaBundles.of("129c6ac7"))).accept(FHIR)).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(FHIR))
			.andExpect(jsonPath("$.resourceType").value("RiskAssessment"))
			.andExpect(jsonPath("$.status").value("final"))
			.andExpect(jsonPath("$.subject.reference").value("Patient/129c6ac7-8d06-89de-ad63-0204a93e76c3"))
			.andExpect(jsonPath("$.encounter.reference").value(matchesPattern("Encounter/b57e3916-.*")))
			.andExpect(jsonPath("$.occurrenceDateTime").value("1989-04-02"))
			.andExpect(jsonPath("$.method.coding[0].system").value(RiskAssessmentWriter.RULE_SET_SYSTEM))
			.andExpect(jsonPath("$.method.coding[0].code").value(matchesPattern("[0-9a-f]{12}")))
			.andExpect(jsonPath("$.method.text").value(matchesPattern("Parcours rule set [0-9a-f]{12}")))
			.andExpect(jsonPath("$.prediction[0].outcome.text").value("Kaiser pyramid level 3 (case-management)"))
			.andExpect(jsonPath("$.prediction[0].qualitativeRisk.coding[0].code").value("high"))
			.andExpect(jsonPath("$.prediction[0].rationale").value(containsString("L3-B: ")))
			.andExpect(jsonPath("$.basis[0].reference").value(matchesPattern("Encounter/b57e3916-.*")))
			.andExpect(jsonPath("$.basis[*].reference").value(hasItem(matchesPattern("Condition/.*"))));
	}

	@Test
	void assessmentDateAndIndexEncounterFromTheQuery() throws Exception {
		mvc.perform(fhir(SyntheaBundles.json(SyntheaBundles.of("a4a401d1"))).queryParam("assessmentDate", "2023-01-01").accept(FHIR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.occurrenceDateTime").value("2023-01-01"));
		invalid(fhir(SyntheaBundles.json(SyntheaBundles.of("a4a401d1"))).queryParam("assessmentDate", "01/01/2023"))
			.andExpect(jsonPath("$.errors[0].field").value("assessmentDate"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a date as YYYY-MM-DD"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			malformed JSON          | {"resourceType": "Bundle", "entry": [           | $                | is not a FHIR R4 resource in JSON
			not FHIR                | {"age": 80}                                     | $                | is not a FHIR R4 resource in JSON
			unknown resource type   | {"resourceType": "Bundel"}                      | $                | is not a FHIR R4 resource in JSON
			a Patient, not a Bundle | {"resourceType": "Patient", "id": "p1"}         | $                | must be a Bundle resource, not Patient
			no Patient              | {"resourceType": "Bundle", "type": "collection"} | Bundle.entry    | holds no Patient resource
			two Patients            | {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "id": "a", "birthDate": "1950-01-01"}}, {"resource": {"resourceType": "Patient", "id": "b", "birthDate": "1950-01-01"}}]} | Bundle.entry | holds 2 Patient resources
			no birth date           | {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": {"resourceType": "Patient", "id": "a"}}]} | Patient.birthDate | is required
			""")
	void badBundlesAreA400NamingTheElement(String name, String body, String field, String message) throws Exception {
		invalid(fhir(body)).andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
	}

	@Test
	void errorsNeverEchoTheValueSent() throws Exception {
		invalid(fhir("{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": {\"resourceType\": \"Patient\", "
				+ "\"birthDate\": \"Jeanne Dupont\"}}]}"))
			.andExpect(content().string(not(containsString("Jeanne"))));
	}

	@Test
	void bundlesHaveTheirOwnLargerBodyLimit() throws Exception {
		String large = "{\"resourceType\": \"Bundle\", \"id\": \"" + "x".repeat(400_000) + "\"}";
		invalid(fhir(large)).andExpect(jsonPath("$.errors[0].field").value("Bundle.entry"));
		mvc.perform(fhir("{\"resourceType\": \"Bundle\", \"id\": \"" + "x".repeat(9_000_000) + "\"}"))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.detail").value("The request body is larger than 8388608 bytes."));
	}

	@Test
	void onlyJsonOrFhirJsonAnswers() throws Exception {
		mvc.perform(fhir(SyntheaBundles.json(SyntheaBundles.of("a4a401d1"))).accept(MediaType.TEXT_HTML))
			.andExpect(status().isNotAcceptable());
	}
}
