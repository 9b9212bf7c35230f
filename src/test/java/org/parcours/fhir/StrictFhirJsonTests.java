package org.parcours.fhir;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A FHIR bundle is held to the same rules as the JSON API: no key twice, no null member, no number
 * for an id; each is a 400 naming the element, where HAPI alone would answer a 500
 * (null resource), let the last key win or convert the value.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StrictFhirJsonTests {

	static final String PATIENT = "{\"resourceType\": \"Patient\", \"id\": \"a\", \"birthDate\": \"1945-04-02\"}";

	@Autowired
	MockMvc mvc;

	static String bundle(String... resources) {
		return "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [" + String.join(", ", resources) + "]}";
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			null resource           | {"resource": null}                                                                        | Bundle.entry[0].resource           | must not be null: FHIR JSON has no null values
			null element            | {"resource": {"resourceType": "Patient", "id": "a", "birthDate": null}}                    | Bundle.entry[0].resource.birthDate | must not be null: FHIR JSON has no null values
			key given twice         | {"resource": {"resourceType": "Patient", "id": "a", "birthDate": "1945-04-02", "birthDate": "1999-01-01"}} | Bundle.entry[0].resource.birthDate | is given twice
			id as a number          | {"resource": {"resourceType": "Patient", "id": 12, "birthDate": "1945-04-02"}}            | id                                  | must be a JSON string
			""")
	void aBundleIsReadAsWrittenOrRefusedNamingTheElement(String name, String entry, String field, String message) throws Exception {
		String body = bundle(entry.contains("Patient") ? entry : entry + ", {\"resource\": " + PATIENT + "}");
		mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType("application/fhir+json").content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
	}
}
