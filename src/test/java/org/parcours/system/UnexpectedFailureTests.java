package org.parcours.system;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import org.parcours.rules.FixtureServiceTests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A rule that fails at run time for one patient (a clinician's division by zero, say) is answered as
 * our error, a 500 problem, and neither the answer nor the log carries the patient's facts that the
 * engine puts in the failure's message.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnexpectedFailureTests extends FixtureServiceTests {

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void withAFailingRule() {
		activateWith("stratification/failing.drl", """
				package stratification

				import org.parcours.facts.*

				rule "FAILS-AT-123"
				when
				    $p : PatientFacts(age == 123)
				then
				    insert(new Threshold("never", 1 / ($p.age() - 123)));
				end
				""");
	}

	@Test
	void aRuleFailingAtRunTimeIsA500WithoutPatientData(CapturedOutput output) throws Exception {
		String body = mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"patientId\": \"secret-417\", \"age\": 123}"))
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Internal error"))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain("123").doesNotContain("secret-417").doesNotContain("Exception");
		assertThat(output.getAll()).contains("Unexpected failure answering POST /api/v1/assessments")
			.contains("in rule \"FAILS-AT-123\"").contains("ArithmeticException").doesNotContain("age=123").doesNotContain("secret-417");
	}

	@Test
	void otherPatientsAreStillAssessed() throws Exception {
		mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"age\": 80}"))
			.andExpect(status().isOk());
	}
}
