package org.parcours.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The service as shipped, with no user configured: everything protected is refused, and the log says how
 * to add a user. The rules are the fixture rule set, read in place: what is tested is the security.
 */
@SpringBootTest(properties = { "parcours.rules.watch.enabled=false", "parcours.rules.directory=src/test/resources/fixture-rules",
		"parcours.rules.history-directory=target/rules-history" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class NoUserConfiguredTests {

	@Autowired
	MockMvc mvc;

	@Test
	void protectedEndpointsRefuseEveryCallAndTheLogSaysHowToAddAUser(CapturedOutput output) throws Exception {
		mvc.perform(post("/api/v1/assessments").contentType(MediaType.APPLICATION_JSON).content("{\"age\": 70}"))
			.andExpect(status().isUnauthorized());
		mvc.perform(post("/api/v1/rules/reload").with(httpBasic("demo", "demo"))).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		assertThat(output).contains("No API user is configured: every protected endpoint answers 401")
			.contains("PARCOURS_SECURITY_USERS_0_NAME");
	}
}
