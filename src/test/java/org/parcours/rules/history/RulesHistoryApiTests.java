package org.parcours.rules.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.parcours.rules.FixtureRules;
import org.parcours.rules.FixtureServiceTests;
import org.parcours.rules.ReloadAttempt;
import org.parcours.system.ApiDescription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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
 * The rules history through the real HTTP stack, on the fixture service: every activation recorded
 * with its trigger, user and changed files; a version's files and diff; an older version restored
 * into the directory and answering; past answers reproduced with {@code ?rulesVersion=}.
 */
class RulesHistoryApiTests extends FixtureServiceTests {

	static final String RAISED_THRESHOLD = "polypharmacy.min-medications,6";

	@Autowired
	MockMvc mvc;

	@Autowired
	ArchivedRuleSets archived;

	ResultActions assess(String query) throws Exception {
		return mvc.perform(post("/api/v1/assessments" + query).with(httpBasic("assessor", "assessor-secret"))
			.contentType(MediaType.APPLICATION_JSON).content(FixtureRules.FIVE_MEDICATIONS));
	}

	/** Raises the fixture's polypharmacy threshold to 6 and activates it through the reload endpoint, as user admin. */
	String activateRaisedThreshold() throws Exception {
		RULES.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, RAISED_THRESHOLD);
		mvc.perform(post("/api/v1/rules/reload").with(httpBasic("admin", "admin-secret"))).andExpect(status().isOk());
		return active.get().version();
	}

	@Test
	void everyActivationIsListedNewestFirstWithTriggerUserAndTheFilesItChanged() throws Exception {
		String fixture = active.get().version();
		String raised = activateRaisedThreshold();

		mvc.perform(get("/api/v1/rules/history").with(httpBasic("assessor", "assessor-secret"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.activeVersion").value(raised))
			.andExpect(jsonPath("$.activations[0].version").value(raised))
			.andExpect(jsonPath("$.activations[0].trigger").value("api"))
			.andExpect(jsonPath("$.activations[0].user").value("admin"))
			.andExpect(jsonPath("$.activations[0].previousVersion").value(fixture))
			.andExpect(jsonPath("$.activations[0].changes.modified").value(contains(FixtureRules.THRESHOLDS)))
			.andExpect(jsonPath("$.activations[0].changes.added").isEmpty())
			.andExpect(jsonPath("$.activations[0].changes.removed").isEmpty())
			.andExpect(jsonPath("$.activations[1].version").value(fixture))
			.andDo(result -> ApiDescription.of(mvc).assertDescribes("get", "/api/v1/rules/history", result));
		mvc.perform(get("/api/v1/rules/history?limit=1").with(httpBasic("admin", "admin-secret")))
			.andExpect(jsonPath("$.activations.length()").value(1));
		mvc.perform(get("/api/v1/rules/history?limit=0").with(httpBasic("admin", "admin-secret"))).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("limit must be from 1 to 1000."));
	}

	@Test
	void aVersionGivesItsFilesAndTheUnifiedDiffAgainstTheVersionItReplaced() throws Exception {
		String fixture = active.get().version();
		String raised = activateRaisedThreshold();

		mvc.perform(get("/api/v1/rules/history/" + raised).with(httpBasic("assessor", "assessor-secret"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(raised))
			.andExpect(jsonPath("$.contentHash").value(active.get().contentHash()))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.predecessor").value(fixture))
			.andExpect(jsonPath("$.activations[0].trigger").value("api"))
			.andExpect(jsonPath("$.files[*].path").value(hasItem(FixtureRules.THRESHOLDS)))
			.andExpect(jsonPath("$.changes.modified[0]").value(FixtureRules.THRESHOLDS))
			.andExpect(jsonPath("$.diff").value(containsString("--- a/" + FixtureRules.THRESHOLDS + "\n+++ b/" + FixtureRules.THRESHOLDS + "\n@@ ")))
			.andExpect(jsonPath("$.diff").value(containsString("\n-" + FixtureRules.THRESHOLD + "\n+" + RAISED_THRESHOLD + "\n")))
			.andDo(result -> ApiDescription.of(mvc).assertDescribes("get", "/api/v1/rules/history/{version}", result));
		mvc.perform(get("/api/v1/rules/history/" + fixture + "/files/" + FixtureRules.THRESHOLDS).with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
			.andExpect(content().string(Files.readString(FixtureRules.DIRECTORY.resolve(FixtureRules.THRESHOLDS))));
	}

	@Test
	void restoringAnOlderVersionWritesItBackAndAnswersWithIt() throws Exception {
		String fixture = active.get().version();
		RULES.write("notes/why.txt", "raised after the audit\n");
		String raised = activateRaisedThreshold();
		assess("").andExpect(jsonPath("$.riskLevel.level").value(1)).andExpect(jsonPath("$.rulesVersion").value(raised));

		mvc.perform(post("/api/v1/rules/history/" + fixture + "/restore").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("activated"))
			.andExpect(jsonPath("$.trigger").value("restore"))
			.andExpect(jsonPath("$.version").value(fixture))
			.andDo(result -> ApiDescription.of(mvc).assertDescribes("post", "/api/v1/rules/history/{version}/restore", result));

		assess("").andExpect(jsonPath("$.riskLevel.level").value(2)).andExpect(jsonPath("$.riskLevel.reasons[0].rule").value("FIX-L2"))
			.andExpect(jsonPath("$.rulesVersion").value(fixture));
		assertThat(Files.readString(RULES.root().resolve(FixtureRules.THRESHOLDS)))
			.isEqualTo(Files.readString(FixtureRules.DIRECTORY.resolve(FixtureRules.THRESHOLDS)));
		assertThat(RULES.root().resolve("notes")).as("a directory only the newer version had").doesNotExist();
		assertThat(hiddenFiles(RULES.root())).as("no staging file left behind").isEmpty();
		mvc.perform(get("/api/v1/rules/history").with(httpBasic("admin", "admin-secret")))
			.andExpect(jsonPath("$.activations[0].version").value(fixture))
			.andExpect(jsonPath("$.activations[0].trigger").value("restore"))
			.andExpect(jsonPath("$.activations[0].user").value("admin"))
			.andExpect(jsonPath("$.activations[0].previousVersion").value(raised))
			.andExpect(jsonPath("$.activations[0].changes.removed").value(contains("notes/why.txt")));
	}

	@Test
	void aPastAnswerIsReproducedOnItsVersionWhileTheActiveOneAnswersTheRest() throws Exception {
		String fixture = active.get().version();
		String raised = activateRaisedThreshold();

		assess("?rulesVersion=" + fixture).andExpect(status().isOk())
			.andExpect(jsonPath("$.rulesVersion").value(fixture))
			.andExpect(jsonPath("$.riskLevel.level").value(2))
			.andExpect(jsonPath("$.riskLevel.reasons[0].rule").value("FIX-L2"));
		assess("").andExpect(jsonPath("$.rulesVersion").value(raised)).andExpect(jsonPath("$.riskLevel.level").value(1));
		assess("?rulesVersion=" + raised).andExpect(jsonPath("$.rulesVersion").value(raised)).andExpect(jsonPath("$.riskLevel.level").value(1));

		String bundle = """
				{"resourceType": "Bundle", "type": "collection",
				 "entry": [{"resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1960-05-01"}}]}""";
		mvc.perform(post("/api/v1/assessments?rulesVersion=" + fixture).with(httpBasic("assessor", "assessor-secret"))
			.contentType("application/fhir+json").content(bundle)).andExpect(status().isOk())
			.andExpect(jsonPath("$.rulesVersion").value(fixture));
	}

	@Test
	void compiledVersionsStayWithinTheirBound() throws Exception {
		String fixture = active.get().version();
		String raised = activateRaisedThreshold();
		RULES.write("notes/why.txt", "raised after the audit\n");
		mvc.perform(post("/api/v1/rules/reload").with(httpBasic("admin", "admin-secret"))).andExpect(status().isOk());
		String annotated = active.get().version();
		RULES.reset();
		reloader.reload(ReloadAttempt.Trigger.API);
		assertThat(active.get().version()).isEqualTo(fixture);

		assess("?rulesVersion=" + raised).andExpect(jsonPath("$.riskLevel.level").value(1));
		assess("?rulesVersion=" + annotated).andExpect(jsonPath("$.rulesVersion").value(annotated));
		assess("?rulesVersion=" + raised).andExpect(jsonPath("$.rulesVersion").value(raised));
		assertThat(archived.compiledCount()).isLessThanOrEqualTo(2);
	}

	@Test
	void anUnknownVersionIsA404ProblemThatRepeatsOnlyAWellFormedVersion() throws Exception {
		assess("?rulesVersion=0123456789ab").andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Unknown rule set version"))
			.andExpect(jsonPath("$.detail").value("Rule set version 0123456789ab was never activated here; "
					+ "GET /api/v1/rules/history lists the versions that were."))
			.andDo(result -> ApiDescription.of(mvc).assertDescribes("post", "/api/v1/assessments", result));
		assess("?rulesVersion=../../etc/passwd").andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("passwd"))));
		mvc.perform(get("/api/v1/rules/history/0123456789ab").with(httpBasic("admin", "admin-secret"))).andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Unknown rule set version"));
		mvc.perform(post("/api/v1/rules/history/0123456789ab/restore").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("Unknown rule set version"));
		mvc.perform(get("/api/v1/rules/history/" + active.get().version() + "/files/no/such.drl").with(httpBasic("admin", "admin-secret")))
			.andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("Unknown rule file"));
	}

	@Test
	void aRestoreIntoAReadOnlyRulesDirectoryIsA409ThatSaysWhyAndChangesNothing() throws Exception {
		String fixture = active.get().version();
		String raised = activateRaisedThreshold();
		String before = Files.readString(RULES.root().resolve(FixtureRules.THRESHOLDS));
		try (ReadOnlyDirectory readOnly = ReadOnlyDirectory.of(RULES.root())) {
			mvc.perform(post("/api/v1/rules/history/" + fixture + "/restore").with(httpBasic("admin", "admin-secret")))
				.andExpect(status().isConflict())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Rules directory not writable"))
				.andExpect(jsonPath("$.version").value(fixture))
				.andExpect(jsonPath("$.reason").isNotEmpty())
				.andExpect(jsonPath("$.detail").value(containsString("the rules directory is not writable by the service")))
				.andExpect(jsonPath("$.detail").value(containsString("Nothing was changed.")))
				.andDo(result -> ApiDescription.of(mvc).assertDescribes("post", "/api/v1/rules/history/{version}/restore", result));
		}
		assertThat(active.get().version()).isEqualTo(raised);
		assertThat(Files.readString(RULES.root().resolve(FixtureRules.THRESHOLDS))).isEqualTo(before);
		assess("").andExpect(jsonPath("$.rulesVersion").value(raised));
	}

	@Test
	void onlyARulesAdminRestoresAndTheHistoryNeedsARole() throws Exception {
		String fixture = active.get().version();
		mvc.perform(post("/api/v1/rules/history/" + fixture + "/restore").with(httpBasic("assessor", "assessor-secret")))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/rules/history").with(httpBasic("monitor", "monitor-secret"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/rules/history")).andExpect(status().isUnauthorized());
	}

	@Test
	void theHistoryHoldsRuleFilesOnlyNeverWhatWasAssessed() throws Exception {
		mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"patientId\": \"p-secret-42\", \"age\": 61, \"conditions\": [], \"medicationCount\": 5}")).andExpect(status().isOk());
		activateRaisedThreshold();

		try (Stream<Path> files = Files.walk(HISTORY)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				assertThat(Files.readString(file)).as(file.toString()).doesNotContain("p-secret-42");
			}
		}
		assertThat(HISTORY.resolve("files")).isDirectory();
		assertThat(HISTORY.resolve("versions").resolve(active.get().version() + ".json")).isRegularFile();
	}

	private static List<Path> hiddenFiles(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(file -> file.getFileName().toString().startsWith(".")).toList();
		}
	}
}
