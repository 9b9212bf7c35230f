package org.parcours.rules;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.parcours.system.ApiDescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The rules status and reload endpoints, health and metrics, on a service started from a writable
 * copy of the fixture rule set ({@link FixtureRules}) that the tests edit as a clinician would.
 */
class RulesApiTests extends FixtureServiceTests {

	/** 5 medications: level 2 by FIX-L2 at the fixture's threshold of 5, level 1 once it is 6. */
	static final String FIVE_MEDICATIONS = FixtureRules.FIVE_MEDICATIONS;

	static final String RAISED_THRESHOLD = "polypharmacy.min-medications,6";

	@Autowired
	MockMvc mvc;

	ResultActions assess(String body) throws Exception {
		return mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret"))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	ResultActions reload() throws Exception {
		return mvc.perform(post("/api/v1/rules/reload").with(httpBasic("admin", "admin-secret")));
	}

	@Test
	void statusNamesTheActiveVersionItsFilesAndTheLastAttempt() throws Exception {
		String version = active.get().version();
		mvc.perform(get("/api/v1/rules").with(httpBasic("admin", "admin-secret"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(version))
			.andExpect(jsonPath("$.loadedAt").isString())
			.andExpect(jsonPath("$.files[*].path").value(hasItem("stratification/thresholds.drl.csv")))
			.andExpect(jsonPath("$.files[?(@.path == 'stratification/thresholds.drl.csv')].sha256")
				.value(hasItem(FixtureRules.get().files().stream().filter(f -> f.path().equals("stratification/thresholds.drl.csv"))
					.findFirst().orElseThrow().sha256())))
			.andExpect(jsonPath("$.lastAttempt.outcome").value("activated"))
			.andExpect(jsonPath("$.lastAttempt.version").value(version))
			.andExpect(jsonPath("$.lastAttempt.durationMs").isNumber());
	}

	@Test
	void aValidEditIsActivatedByTheEndpointAndAnswersAtOnce() throws Exception {
		String before = active.get().version();
		assess(FIVE_MEDICATIONS).andExpect(jsonPath("$.riskLevel.level").value(2)).andExpect(jsonPath("$.rulesVersion").value(before));
		RULES.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, RAISED_THRESHOLD);

		reload().andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("activated"))
			.andExpect(jsonPath("$.trigger").value("api"))
			.andExpect(jsonPath("$.version").value(not(before)))
			.andDo(result -> ApiDescription.of(mvc).assertDescribes("post", "/api/v1/rules/reload", result));

		assess(FIVE_MEDICATIONS).andExpect(jsonPath("$.riskLevel.level").value(1))
			.andExpect(jsonPath("$.rulesVersion").value(active.get().version()));
	}

	@Test
	void aRefusedEditIsA422ReportAndAnswersStayOnThePreviousVersion() throws Exception {
		String before = active.get().version();
		String original = RULES.replace("stratification/levels.drl", "rule \"FIX-L2\"\nwhen", "rule \"FIX-L2\"\nwhen when");
		// the parser stops at FIX-L2's first condition, the line after its (now doubled) "when"
		int brokenLine = original.substring(0, original.indexOf("rule \"FIX-L2\"")).split("\n", -1).length + 2;

		reload().andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Rule set refused"))
			.andExpect(jsonPath("$.stage").value("Compilation"))
			.andExpect(jsonPath("$.activeVersion").value(before))
			.andExpect(jsonPath("$.detail").value("Compilation failed; rule set " + before + " is still active."))
			.andExpect(jsonPath("$.problems[0].file").value("stratification/levels.drl"))
			.andExpect(jsonPath("$.problems[0].line").value(brokenLine))
			.andExpect(jsonPath("$.problems[0].message").value(containsString("FIX-L2")))
			.andDo(result -> ApiDescription.of(mvc).assertDescribes("post", "/api/v1/rules/reload", result));

		assess(FIVE_MEDICATIONS).andExpect(status().isOk()).andExpect(jsonPath("$.rulesVersion").value(before));
		mvc.perform(get("/api/v1/rules").with(httpBasic("assessor", "assessor-secret"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(before))
			.andExpect(jsonPath("$.lastAttempt.outcome").value("refused"))
			.andExpect(jsonPath("$.lastAttempt.stage").value("Compilation"))
			.andExpect(jsonPath("$.lastAttempt.problems[0].file").value("stratification/levels.drl"))
			.andDo(result -> ApiDescription.of(mvc).assertDescribes("get", "/api/v1/rules", result));
		mvc.perform(get("/actuator/health").with(httpBasic("monitor", "monitor-secret"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DEGRADED"))
			.andExpect(jsonPath("$.components.rules.status").value("DEGRADED"))
			.andExpect(jsonPath("$.components.rules.details.version").value(before))
			.andExpect(jsonPath("$.components.rules.details.lastAttempt").value("refused"))
			.andExpect(jsonPath("$.components.rules.details.lastAttemptStage").value("Compilation"));
	}

	@Test
	void healthIsUpAgainWhenTheDirectoryIsTheActiveVersionOrAFixedEditIsActivated() throws Exception {
		RULES.replace("stratification/levels.drl", "rule \"FIX-L2\"\nwhen", "rule \"FIX-L2\"\nwhen when");
		reload().andExpect(status().isUnprocessableContent());
		rulesHealth().andExpect(jsonPath("$.status").value("DEGRADED"));

		RULES.reset();
		rulesHealth().andExpect(jsonPath("$.status").value("UP")).andExpect(jsonPath("$.details.lastAttempt").value("refused"));

		RULES.replace("stratification/levels.drl", "rule \"FIX-L2\"\nwhen", "rule \"FIX-L2\"\nwhen when");
		rulesHealth().andExpect(jsonPath("$.status").value("DEGRADED"));
		RULES.reset();
		RULES.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, RAISED_THRESHOLD);
		reload().andExpect(status().isOk());
		rulesHealth().andExpect(jsonPath("$.status").value("UP")).andExpect(jsonPath("$.details.lastAttempt").value("activated"));
	}

	@Test
	void aRuleThatStormsForOnePatientAnswersThatPatientWithA500NamingTheRuleAndEveryOtherAsBefore() throws Exception {
		RULES.write(StormRules.FILE, StormRules.FOR_ONE_PATIENT);
		reload().andExpect(status().isOk());
		String version = active.get().version();

		assess("{\"patientId\": \"p-secret-7\", \"age\": " + StormRules.STORMING_AGE + ", \"conditions\": []}")
			.andExpect(status().isInternalServerError())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://parcours.example/problems/evaluation-limit-exceeded"))
			.andExpect(jsonPath("$.title").value("Rule evaluation limit exceeded"))
			.andExpect(jsonPath("$.limit").value("firings"))
			.andExpect(jsonPath("$.rule").value("X-STORM"))
			.andExpect(jsonPath("$.detail").value("The rules were stopped: the evaluation passed its limit of 5000 rule firings; "
					+ "the last rule fired was 'X-STORM'. This is a defect of the active rule set; it has been logged."))
			.andExpect(content().string(not(containsString("p-secret-7"))))
			.andExpect(content().string(not(containsString(String.valueOf(StormRules.STORMING_AGE)))));
		assess(FIVE_MEDICATIONS).andExpect(status().isOk()).andExpect(jsonPath("$.riskLevel.level").value(2))
			.andExpect(jsonPath("$.rulesVersion").value(version));
		mvc.perform(get("/actuator/prometheus").with(httpBasic("monitor", "monitor-secret"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("parcours_rules_limit_exceeded_total{limit=\"firings\"} 1")));
	}

	ResultActions rulesHealth() throws Exception {
		return mvc.perform(get("/actuator/health/rules").with(httpBasic("monitor", "monitor-secret"))).andExpect(status().isOk());
	}

	@Test
	void reloadsAreTimedByOutcomeAndTheActiveVersionIsAGauge() throws Exception {
		RULES.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, RAISED_THRESHOLD);
		reload().andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus").with(httpBasic("monitor", "monitor-secret"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("parcours_rules_reload_seconds_count{outcome=\"activated\"")))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString().lines()
				.filter(line -> line.startsWith("parcours_rules_active{")).toList()).singleElement().satisfies(line -> {
					assertThat(line).startsWith("parcours_rules_active{version=\"" + active.get().version() + "\"} ");
					assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).isEqualTo(active.get().loadedAt().getEpochSecond());
				}));
	}
}
