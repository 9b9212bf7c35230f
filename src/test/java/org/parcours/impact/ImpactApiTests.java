package org.parcours.impact;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.FixtureRules;
import org.parcours.rules.FixtureServiceTests;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/v1/rules/impact} through the real Spring MVC stack and security, with the fixture
 * rule set active and the candidate of {@link ImpactFixture} sent as a zip.
 */
class ImpactApiTests extends FixtureServiceTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ActiveRuleSet rules;

	@TempDir
	Path dir;

	ResultActions post(byte[] zip, String user, String password, MediaType accept, String... parameters) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/rules/impact");
		request.file(new MockMultipartFile("rules", "candidate.zip", "application/zip", zip))
			.file(new MockMultipartFile("roster", "roster.csv", "text/csv", ImpactFixture.ROSTER.getBytes(StandardCharsets.UTF_8)));
		for (int i = 0; i < parameters.length; i += 2) {
			request.param(parameters[i], parameters[i + 1]);
		}
		return mvc.perform(request.with(httpBasic(user, password)).accept(accept));
	}

	ResultActions post(byte[] zip, String... parameters) throws Exception {
		return post(zip, "admin", "admin-secret", MediaType.APPLICATION_JSON, parameters);
	}

	byte[] candidate(String prefix) {
		return ImpactFixture.zip(ImpactFixture.entries(ImpactFixture.candidate(dir.resolve("candidate"), ImpactFixture.RAISED), prefix));
	}

	@Test
	void answersTheReportAgainstTheActiveRuleSet() throws Exception {
		post(candidate(""), "outcome", "readmitted=<30").andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.baseline.version").value(rules.get().version()))
			.andExpect(jsonPath("$.fileChanges[0].path").value("stratification/thresholds.drl.csv"))
			.andExpect(jsonPath("$.rows").value(12))
			.andExpect(jsonPath("$.levelTransitions[?(@.from == '2' && @.to == '1')].count").value(4))
			.andExpect(jsonPath("$.outcome.baseline.auc.level.auc").value(16.0 / 24))
			.andExpect(jsonPath("$.outcome.candidate.auc.level.auc").value(18.0 / 24))
			.andExpect(jsonPath("$.examples.levels[0].rowIds[0]").value("B1"));
	}

	@Test
	void answersThePageWhenAskedForHtml() throws Exception {
		post(candidate("rules/"), "admin", "admin-secret", MediaType.TEXT_HTML, "outcome", "readmitted=<30")
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("<td data-from=\"2\" data-to=\"1\"")))
			.andExpect(content().string(containsString("data-key=\"outcome.candidate.auc.level\">0.750 (")))
			.andExpect(content().string(not(containsString("<script"))));
	}

	@Test
	void anEntryOutsideTheDirectoryIsRefusedByName() throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>(ImpactFixture.entries(FixtureRules.DIRECTORY, ""));
		entries.put("../escape.drl", "package x".getBytes(StandardCharsets.UTF_8));
		post(ImpactFixture.zip(entries)).andExpect(status().isBadRequest())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.title").value("Invalid rule-set archive"))
			.andExpect(jsonPath("$.detail").value(containsString("'../escape.drl'")))
			.andExpect(jsonPath("$.errors[0].entry").value("../escape.drl"));
	}

	@Test
	void anEntryThatIsNoRuleTableVocabularyOrCaseFileIsRefusedByName() throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>(ImpactFixture.entries(FixtureRules.DIRECTORY, ""));
		entries.put("programmes/notes.txt", "a note".getBytes(StandardCharsets.UTF_8));
		post(ImpactFixture.zip(entries)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].entry").value("programmes/notes.txt"))
			.andExpect(jsonPath("$.detail").value(containsString("only rule files (.drl)")));
	}

	@Test
	void anArchiveThatExpandsPastItsLimitIsRefusedNamingTheEntry() throws Exception {
		Map<String, byte[]> entries = new LinkedHashMap<>(ImpactFixture.entries(FixtureRules.DIRECTORY, ""));
		entries.put("cases/huge.json", new byte[21 * 1024 * 1024]);
		post(ImpactFixture.zip(entries)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].entry").value("cases/huge.json"))
			.andExpect(jsonPath("$.detail").value(containsString("expand past")));
	}

	@Test
	void aCandidateThatWouldBeRefusedIsA422NamingTheCase() throws Exception {
		byte[] zip = ImpactFixture.zip(ImpactFixture.entries(ImpactFixture.candidate(dir.resolve("refused"), ImpactFixture.RAISED_TOO_FAR), ""));
		post(zip).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.title").value("Rule set refused"))
			.andExpect(jsonPath("$.problems[0].file").value("cases/fixture.json"))
			.andExpect(jsonPath("$.problems[0].message").value(containsString("fixture-six-medications")));
	}

	@Test
	void anUnknownProfileIsA400() throws Exception {
		post(candidate(""), "profile", "excel").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("profile"));
	}

	@Test
	void onlyRulesAdministratorsMayCompare() throws Exception {
		post(candidate(""), "assessor", "assessor-secret", MediaType.APPLICATION_JSON).andExpect(status().isForbidden());
	}
}
