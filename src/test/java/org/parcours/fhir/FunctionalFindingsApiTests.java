package org.parcours.fhir;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Through the HTTP API: SNOMED CT functional findings (lives alone, social isolation) sent as JSON
 * conditions give the answer a FHIR bundle with the same Conditions gets, and the answer stating them
 * in {@code functional} gets.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FunctionalFindingsApiTests {

	/** Heart failure, COPD. */
	private static final List<String> DISEASES = List.of("84114007", "13645005");

	/** Heart failure, COPD, lives alone, social isolation: no one to rely on at home. */
	private static final List<String> CODES = List.of("84114007", "13645005", "105529008", "422650009");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void jsonConditionsAndAFhirBundleGetTheSameAnswer() throws Exception {
		JsonNode fromJson = answer(request(MediaType.APPLICATION_JSON, CodedPatients.json(CODES, "")));
		JsonNode fromFhir = answer(request(FhirAssessmentApiTests.FHIR, CodedPatients.bundle(CODES)).param("assessmentDate", CodedPatients.ASSESSMENT_DATE));
		assertThat(fromFhir.path("riskLevel")).isEqualTo(fromJson.path("riskLevel"));
		assertThat(fromFhir.path("programmes")).isEqualTo(fromJson.path("programmes"));
		assertThat(fromFhir.path("derived")).isEqualTo(fromJson.path("derived"));
		assertThat(fromFhir.path("warnings")).isEqualTo(fromJson.path("warnings"));
	}

	@Test
	void aCodedFindingCountsAsTheStatedInput() throws Exception {
		String history = ", \"history\": {\"admissionsLast12Months\": 2}";
		JsonNode coded = answer(request(MediaType.APPLICATION_JSON, CodedPatients.json(CODES, history)));
		JsonNode stated = answer(request(MediaType.APPLICATION_JSON,
				CodedPatients.json(DISEASES, history + ", \"functional\": {\"livesAlone\": true, \"hasCaregiver\": false}")));
		assertThat(coded.path("riskLevel").path("reasons").findValuesAsString("rule")).contains("L3-C");
		assertThat(coded.path("riskLevel")).isEqualTo(stated.path("riskLevel"));
		assertThat(coded.path("programmes")).isEqualTo(stated.path("programmes"));
	}

	private JsonNode answer(MockHttpServletRequestBuilder request) throws Exception {
		return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private static MockHttpServletRequestBuilder request(MediaType type, String body) {
		return post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(type).content(body);
	}
}
