package org.parcours.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * {@code /v3/api-docs} describes every answer in full: real answers of each endpoint are walked
 * property by property against the schema the description gives for their status and media type.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class OpenApiDescriptionTests {

	private static final Path EXAMPLES = Path.of("datasets/examples");

	private static final String ASSESSMENTS = "/api/v1/assessments";

	@Autowired
	MockMvc mvc;

	ApiDescription description;

	@BeforeEach
	void readDescription() throws Exception {
		description = ApiDescription.of(mvc);
	}

	/** Every example patient of the documentation, so that each part of the answer (missing inputs, warnings, programmes) occurs. */
	static Stream<Path> examplePatients() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			return files.filter(file -> file.toString().endsWith(".json"))
				.filter(file -> !file.getFileName().toString().startsWith("cds-") && !file.getFileName().toString().startsWith("fhir-"))
				.sorted().toList().stream();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("examplePatients")
	void theAssessmentIsDescribedInFull(Path example) throws Exception {
		description.assertDescribes("post", ASSESSMENTS, perform(assessor(post(ASSESSMENTS)).contentType(MediaType.APPLICATION_JSON)
			.content(Files.readString(example)), 200));
	}

	@Test
	void theAssessmentOfAFhirBundleIsDescribed() throws Exception {
		description.assertDescribes("post", ASSESSMENTS, perform(assessor(post(ASSESSMENTS)).contentType("application/fhir+json")
			.content(Files.readString(EXAMPLES.resolve("fhir-bundle-heart-failure.json"))), 200));
		description.assertDescribes("post", ASSESSMENTS, perform(assessor(post(ASSESSMENTS)).contentType("application/fhir+json")
			.accept("application/fhir+json").content(Files.readString(EXAMPLES.resolve("fhir-bundle-heart-failure.json"))), 200));
		JsonNode request = description.operation("post", ASSESSMENTS).path("requestBody").path("content");
		assertThat(request.has("application/json")).isTrue();
		assertThat(request.has("application/fhir+json")).isTrue();
	}

	@Test
	void errorsAreDescribedAsProblemDetails() throws Exception {
		description.assertDescribes("post", ASSESSMENTS, perform(assessor(post(ASSESSMENTS)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"age\": 140, \"sex\": \"robot\"}"), 400));
		description.assertDescribes("post", ASSESSMENTS, perform(post(ASSESSMENTS).contentType(MediaType.APPLICATION_JSON)
			.content("{\"age\": 70}"), 401));
		description.assertDescribes("post", "/cds-services/{id}", perform(assessor(post("/cds-services/nothing-here"))
			.contentType(MediaType.APPLICATION_JSON).content("{}"), 404));
	}

	@Test
	void theRulesStatusIsDescribed() throws Exception {
		description.assertDescribes("get", "/api/v1/rules", perform(assessor(get("/api/v1/rules")), 200));
	}

	@Test
	void cdsHooksAreDescribed() throws Exception {
		description.assertDescribes("get", "/cds-services", perform(assessor(get("/cds-services")), 200));
		description.assertDescribes("post", "/cds-services/{id}", perform(assessor(post("/cds-services/parcours-discharge"))
			.contentType(MediaType.APPLICATION_JSON).content(Files.readString(EXAMPLES.resolve("cds-encounter-discharge.json"))), 200));
		description.assertDescribes("post", "/cds-services/{id}/feedback", perform(assessor(post("/cds-services/parcours-discharge/feedback"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"feedback\": [{\"card\": \"c-1\", \"outcome\": \"accepted\"}]}"), 200));
	}

	/** The browsable page sends the documented CSV example, and the answer is the scored CSV the description announces. */
	@Test
	void theRosterEndpointDocumentsItsCsvBodyAndAnswer() throws Exception {
		JsonNode operation = description.operation("post", "/api/v1/rosters/score");
		JsonNode body = operation.path("requestBody").path("content").path("text/csv");
		assertThat(body.path("schema").path("type").asString()).isEqualTo("string");
		String example = body.path("examples").properties().iterator().next().getValue().path("value").asString();
		MvcResult scored = perform(assessor(post("/api/v1/rosters/score")).contentType("text/csv").content(example), 200);
		assertThat(scored.getResponse().getContentType()).startsWith("text/csv");
		assertThat(operation.path("responses").path("200").path("content").has("text/csv")).isTrue();
		assertThat(operation.path("responses").path("200").path("headers").has("Parcours-Rules-Version")).isTrue();
		List<String> lines = scored.getResponse().getContentAsString().lines().toList();
		assertThat(lines).hasSize((int) example.lines().count());
		description.assertDescribes("post", "/api/v1/rosters/score", perform(assessor(post("/api/v1/rosters/score"))
			.contentType("text/csv").content("no-such-column\n1\n"), 400));
	}

	private MvcResult perform(MockHttpServletRequestBuilder request, int status) throws Exception {
		MvcResult result = mvc.perform(request).andReturn();
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(status);
		return result;
	}

	private static MockHttpServletRequestBuilder assessor(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("assessor", "assessor-secret"));
	}
}
