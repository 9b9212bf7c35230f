package org.parcours.assessment;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The assessment timer by level and the rule-firing counter by rule id. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AssessmentMetricsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	@Test
	void assessmentsAreTimedByLevelAndFiringsCountedByRuleId() throws Exception {
		double before = registry.find("parcours.assessments").tag("level", "2").timers().stream().mapToLong(t -> t.count()).sum();
		double lacePoints = registry.find("parcours.rule.firings").tag("rule", "LACE-L").counters().stream().mapToDouble(c -> c.count()).sum();
		for (int i = 0; i < 3; i++) {
			mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"age\": 70, \"medicationCount\": 6, \"stay\": {\"lengthOfStayDays\": 3}}")).andExpect(status().isOk());
		}
		// exactly one firing per assessment: pooled sessions must not keep listeners from earlier calls
		assertThat(registry.get("parcours.assessments").tag("level", "2").timer().count()).isEqualTo((long) before + 3);
		assertThat(registry.get("parcours.rule.firings").tag("rule", "LACE-L").counter().count()).isEqualTo(lacePoints + 3);
		assertThat(registry.get("parcours.rule.firings").tag("rule", "L2-B").counter().count()).isPositive();
	}
}
