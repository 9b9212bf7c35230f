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
import static org.hamcrest.Matchers.hasItems;
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

	/** The candidate with a population guard: its reference roster gives level 2 to one row in three (7 medications). */
	Map<String, byte[]> candidateWithGuard(String name, String bound) {
		Map<String, byte[]> entries = new LinkedHashMap<>(ImpactFixture.entries(ImpactFixture.candidate(dir.resolve(name),
				ImpactFixture.RAISED), ""));
		entries.put("cases/population-bounds.csv", ("bound,population,level,at_least_percent,at_most_percent,source\n" + bound + "\n")
			.getBytes(StandardCharsets.UTF_8));
		entries.put("cases/reference-roster.csv", "patientId,age,sex,medicationCount\nR1,72,female,4\nR2,64,male,5\nR3,72,female,7\n"
			.getBytes(StandardCharsets.UTF_8));
		return entries;
	}

	@Test
	void theFilesOfThePopulationGuardAreAcceptedAndChecked() throws Exception {
		post(ImpactFixture.zip(candidateWithGuard("met", "level-2-share,all,2,30,40,fixture")), "outcome", "readmitted=<30").andExpect(status().isOk())
			.andExpect(jsonPath("$.candidate.files").value(hasItems("cases/population-bounds.csv",
					"cases/reference-roster.csv")))
			.andExpect(jsonPath("$.population.candidate.levelShares.all.rows").value(11))
			.andExpect(jsonPath("$.population.baseline.levelShares.chronic.levels.2.count").value(3));
		post(ImpactFixture.zip(candidateWithGuard("missed", "level-2-share,all,2,50,100,fixture")), "outcome", "readmitted=<30").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.problems[0].file").value("cases/population-bounds.csv"))
			.andExpect(jsonPath("$.problems[0].message").value(containsString("'level-2-share' missed on the reference roster")));
		Map<String, byte[]> withNote = candidateWithGuard("note", "level-2-share,all,2,30,40,fixture");
		withNote.put("cases/notes.txt", "a note".getBytes(StandardCharsets.UTF_8));
		post(ImpactFixture.zip(withNote), "outcome", "readmitted=<30").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].entry").value("cases/notes.txt"));
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
