package org.parcours.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The OpenAPI description names request and response examples; they are served, and the documented
 * answers are the answers the API gives today (all but the rule-set version), so they cannot drift.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenApiExamplesTests {

	private static final Path EXAMPLES = Path.of("datasets/examples");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void descriptionReferencesTheServedExamples() throws Exception {
		String operation = "$.paths['/api/v1/assessments'].post";
		mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
			.andExpect(jsonPath(operation + ".requestBody.content['application/json'].examples['heart failure, 81'].externalValue")
				.value("/examples/heart-failure-81.json"))
			.andExpect(jsonPath(operation + ".responses['200'].content['application/json'].examples['heart failure, 81'].externalValue")
				.value("/examples/responses/heart-failure-81.json"))
			.andExpect(jsonPath(operation + ".responses['400'].content['application/problem+json'].examples['unknown enum value'].externalValue")
				.value("/examples/responses/invalid-input.json"));
		for (String example : new String[] { "/examples/heart-failure-81.json", "/examples/responses/heart-failure-81.json",
				"/examples/responses/invalid-input.json" }) {
			mvc.perform(get(example)).andExpect(status().isOk());
		}
	}

	@Test
	void documentedAnswerIsTheActualAnswer() throws Exception {
		String request = Files.readString(EXAMPLES.resolve("heart-failure-81.json"));
		assertThat(withoutVersion(answer(request, 200))).isEqualTo(withoutVersion(documented("heart-failure-81.json")));
	}

	@Test
	void documentedErrorIsTheActualError() throws Exception {
		assertThat(answer("{\"age\": 140, \"sex\": \"robot\"}", 400)).isEqualTo(documented("invalid-input.json"));
	}

	private JsonNode answer(String body, int status) throws Exception {
		String answer = mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is(status)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(answer);
	}

	private JsonNode documented(String file) throws Exception {
		return json.readTree(Files.readString(EXAMPLES.resolve("responses").resolve(file)));
	}

	private static JsonNode withoutVersion(JsonNode answer) {
		ObjectNode copy = (ObjectNode) answer.deepCopy();
		copy.remove("rulesVersion");
		return copy;
	}
}
