package org.parcours.roster;

import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/rosters/score through the real Spring MVC stack and the real rules directory. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class RosterApiTests {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	double rows(String outcome) {
		return registry.find("parcours.roster.rows").tag("outcome", outcome).counters().stream().mapToDouble(c -> c.count()).sum();
	}

	@Test
	void aRosterComesBackScoredRowForRow() throws Exception {
		String roster = Files.readString(Path.of("datasets/rosters/generated-500-seed-7-bad-rows.csv"));
		double scoredBefore = rows("scored");
		double malformedBefore = rows("malformed-row");
		MvcResult result = mvc.perform(post("/api/v1/rosters/score").with(httpBasic("assessor", "assessor-secret")).contentType(CSV).accept(CSV).content(roster))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(CSV))
			.andExpect(header().string(RosterController.RULES_VERSION_HEADER, matchesPattern("[0-9a-f]{12}")))
			.andReturn();
		var rows = Rosters.read(result.getResponse().getContentAsString());
		var input = Rosters.read(roster);
		assertThat(rows).hasSize(input.size());
		assertThat(rows.get(0)).startsWith("id", "level", "label");
		for (int i = 1; i < rows.size(); i++) {
			assertThat(rows.get(i)[0]).isEqualTo(FormulaGuard.neutralise(input.get(i)[0]));
		}
		assertThat(rows).extracting(row -> row[row.length - 1]).anyMatch(error -> error.startsWith("malformed-row: "))
			.anyMatch(error -> error.startsWith("bad-value: sex must be one of"));
		long scored = rows.stream().skip(1).filter(row -> row[row.length - 1].isEmpty()).count();
		long malformed = rows.stream().filter(row -> row[row.length - 1].startsWith("malformed-row")).count();
		assertThat(rows("scored")).isEqualTo(scoredBefore + scored);
		assertThat(rows("malformed-row")).isEqualTo(malformedBefore + malformed);
	}

	@Test
	void theUciProfileAndKeptColumnsAreRequestParameters() throws Exception {
		String roster = Files.readString(Path.of("datasets/uci-diabetes-130/extract.csv"));
		MvcResult result = mvc.perform(post("/api/v1/rosters/score").with(httpBasic("assessor", "assessor-secret")).param("profile", "uci-diabetes-130").param("keep", "readmitted")
			.contentType(CSV).content(roster)).andExpect(status().isOk()).andReturn();
		var rows = Rosters.read(result.getResponse().getContentAsString());
		assertThat(rows).hasSize(47);
		assertThat(rows.get(0)[1]).isEqualTo("readmitted");
	}

	@Test
	void aRosterWithoutUsableHeaderIsAProblemNamingTheColumn() throws Exception {
		mvc.perform(post("/api/v1/rosters/score").with(httpBasic("assessor", "assessor-secret")).contentType(CSV).content("patientId,age,colour\npatient-417,70,crimson\n"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid roster"))
			.andExpect(jsonPath("$.errors[0].field").value("header"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("column 3 is not a canonical column")))
			.andExpect(content().string(not(containsString("crimson"))));
	}

	@Test
	void aRosterWithNoHeaderLineNeverEchoesTheFirstPatient() throws Exception {
		mvc.perform(post("/api/v1/rosters/score").with(httpBasic("assessor", "assessor-secret")).contentType(CSV)
				.content("patient-417,70,female\npatient-418,81,male\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("column 1 is not a canonical column")))
			.andExpect(content().string(not(containsString("patient-417"))))
			.andExpect(content().string(not(containsString("female"))));
	}

	@Test
	void anEmptyRosterIsAProblem() throws Exception {
		mvc.perform(post("/api/v1/rosters/score").with(httpBasic("assessor", "assessor-secret")).contentType(CSV).accept(CSV).content(""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].message").value("the roster is empty; its first line must be a header"));
	}

	@Test
	void anUnknownProfileIsAProblem() throws Exception {
		mvc.perform(post("/api/v1/rosters/score").with(httpBasic("assessor", "assessor-secret")).param("profile", "acme").contentType(CSV).content("patientId,age\np1,70\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("profile"))
			.andExpect(jsonPath("$.errors[0].message").value("unknown profile; the profiles are canonical, uci-diabetes-130, uci-diabetes-130-stay-reason"));
	}

	@Test
	void anotherMediaTypeIs415() throws Exception {
		mvc.perform(post("/api/v1/rosters/score").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON).content("{\"age\": 70}"))
			.andExpect(status().isUnsupportedMediaType());
	}
}
