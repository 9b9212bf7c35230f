package org.parcours.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Who may call what, and how a refusal looks: 401 and 403 as problem details, no session ever. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SecurityTests {

	private static final String PATIENT = "{\"age\": 70}";

	@Autowired
	MockMvc mvc;

	@Autowired
	PasswordEncoder passwordEncoder;

	MockHttpServletRequestBuilder call(String method, String path) {
		MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(method), path);
		return method.equals("POST") && path.startsWith("/api/v1/assessments") ? call.contentType(MediaType.APPLICATION_JSON).content(PATIENT) : call;
	}

	@ParameterizedTest(name = "{0} {1} without credentials")
	@CsvSource({ "POST, /api/v1/assessments", "POST, /api/v1/rules/reload", "GET, /api/v1/rules", "GET, /actuator/prometheus",
			"POST, /api/v1/rosters/score", "GET, /cds-services", "POST, /cds-services/parcours-discharge", "GET, /actuator/metrics", "GET, /somewhere-else" })
	void protectedEndpointsAnswer401ProblemDetails(String method, String path) throws Exception {
		mvc.perform(call(method, path)).andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Basic realm=\"parcours\"")))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.title").value("Authentication required"))
			.andExpect(jsonPath("$.instance").value(path));
	}

	@Test
	void aWrongPasswordIs401AndNamesNoOne() throws Exception {
		mvc.perform(call("POST", "/api/v1/assessments").with(httpBasic("assessor", "wrong"))).andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("Authentication required"))
			.andExpect(content().string(not(containsString("assessor"))));
	}

	@ParameterizedTest(name = "{2} on {0} {1}")
	@CsvSource({ "POST, /api/v1/assessments, monitor, monitor-secret", "POST, /api/v1/assessments, admin, admin-secret",
			"POST, /api/v1/rules/reload, assessor, assessor-secret", "GET, /api/v1/rules, monitor, monitor-secret",
			"GET, /actuator/prometheus, assessor, assessor-secret", "POST, /api/v1/rosters/score, admin, admin-secret", "GET, /cds-services, monitor, monitor-secret",
			"GET, /error, monitor, monitor-secret" })
	void aUserWithoutTheRoleGets403ProblemDetails(String method, String path, String user, String password) throws Exception {
		mvc.perform(call(method, path).with(httpBasic(user, password))).andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(403))
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.detail").value("The authenticated user does not have the role this endpoint needs."));
	}

	@ParameterizedTest(name = "{2} on {0} {1}")
	@CsvSource({ "POST, /api/v1/assessments, assessor, assessor-secret", "GET, /api/v1/rules, assessor, assessor-secret",
			"GET, /api/v1/rules, admin, admin-secret", "GET, /actuator/prometheus, monitor, monitor-secret" })
	void aUserWithTheRoleIsServedAndGetsNoSession(String method, String path, String user, String password) throws Exception {
		mvc.perform(call(method, path).with(httpBasic(user, password))).andExpect(status().isOk())
			.andExpect(header().doesNotExist(HttpHeaders.SET_COOKIE))
			.andExpect(result -> assertThat(result.getRequest().getSession(false)).as("HTTP session").isNull());
	}

	@ParameterizedTest(name = "{2} on {0} {1}: {3}")
	@CsvSource({ "GET, /somewhere-else, admin, 404", "POST, /somewhere-else, monitor, 404", "GET, /api/v1/assessments/extra, assessor, 404",
			"GET, /api/v1/assessments, assessor, 405", "GET, /api/v1/assessments, monitor, 405", "DELETE, /api/v1/rules, admin, 405",
			"PUT, /actuator/prometheus, monitor, 405", "POST, /v3/api-docs, monitor, 405" })
	void anAuthenticatedUserGets404Or405WhereNoEndpointServesTheRequest(String method, String path, String user, int status) throws Exception {
		mvc.perform(call(method, path).with(httpBasic(user, user + "-secret")))
			.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status));
	}

	@Test
	void theUnknownUserStandInCostsWhatTheConfiguredHashesCost() {
		// the test users' only bcrypt hash (admin) has cost 4; Spring's default would be 10
		assertThat(passwordEncoder.encode("stand-in")).startsWith("{bcrypt}$2a$04$");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/actuator/health", "/v3/api-docs", "/swagger-ui.html", "/examples/heart-failure-81.json" })
	void healthAndTheApiDescriptionAreOpen(String path) throws Exception {
		mvc.perform(get(path)).andExpect(status().is(lessThan(400)));
	}

	@Test
	void anonymousHealthShowsTheStatusButNotTheDetails() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"))
			.andExpect(jsonPath("$.components.rules.status").value("UP"))
			.andExpect(jsonPath("$.components.rules.details").doesNotExist());
		mvc.perform(get("/actuator/health").with(httpBasic("monitor", "monitor-secret"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.components.rules.details.version").isString())
			.andExpect(jsonPath("$.components.rules.details.lastAttempt").value("activated"));
	}
}
