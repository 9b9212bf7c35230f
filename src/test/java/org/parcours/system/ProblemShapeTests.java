package org.parcours.system;

import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every error has one shape, whether a filter, the security chain or a controller answers it:
 * {@code application/problem+json} with title, status, detail and instance (the path asked), and a
 * type when it is not {@code about:blank} (RFC 9457 reads an absent type as {@code about:blank}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProblemShapeTests {

	private static final String PATH = "/api/v1/assessments";

	@Autowired
	MockMvc mvc;

	static Stream<Arguments> errors() {
		MockHttpServletRequestBuilder assessor = post(PATH).with(httpBasic("assessor", "assessor-secret"));
		return Stream.of(
				Arguments.of("401 from the security chain", 401, null, post(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"age\": 70}")),
				Arguments.of("403 from the security chain", 403, null,
						post(PATH).with(httpBasic("monitor", "monitor-secret")).contentType(MediaType.APPLICATION_JSON).content("{\"age\": 70}")),
				Arguments.of("413 from the body-size filter", 413, null,
						assessor.contentType(MediaType.APPLICATION_JSON).content("{\"age\": 70, \"x\": \"" + "x".repeat(300_000) + "\"}")),
				Arguments.of("415 from Spring MVC", 415, null,
						post(PATH).with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.TEXT_PLAIN).content("age 70")),
				Arguments.of("400 from a controller", 400, "https://parcours.example/problems/invalid-input",
						post(PATH).with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON).content("{\"age\": \"old\"}")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("errors")
	void isProblemDetailsOfOneShape(String name, int status, String type, MockHttpServletRequestBuilder request) throws Exception {
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(status);
		assertThat(response.getHeader(HttpHeaders.CONTENT_TYPE)).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		@SuppressWarnings("unchecked")
		Map<String, Object> body = JsonMapper.builder().build().readValue(response.getContentAsString(), Map.class);
		assertThat(body).containsKeys("title", "status", "detail", "instance")
			.containsEntry("status", status)
			.containsEntry("instance", PATH)
			.doesNotContainKey("properties");
		assertThat(body.get("type")).isEqualTo(type);
		assertThat(body.get("title")).isInstanceOf(String.class).asString().isNotBlank();
		assertThat(body.get("detail")).isInstanceOf(String.class).asString().isNotBlank();
	}
}
