package org.parcours.assessment;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Programme outcomes in the HTTP answer: every programme, one status, and what explains it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ProgrammesApiTests {

	@Autowired
	MockMvc mvc;

	ResultActions assess(String example) throws Exception {
		return mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON)
			.content(Files.readString(Path.of("datasets/examples", example)))).andExpect(status().isOk());
	}

	@Test
	void everyProgrammeAppearsOnceWithAStatus() throws Exception {
		assess("minimal-age-only.json")
			.andExpect(jsonPath("$.programmes[*].id").value(contains("be-care-pathway-ckd", "be-care-pathway-diabetes-2", "be-target-population", "dac",
					"dmp-asthma", "dmp-copd", "dmp-coronary-heart-disease", "dmp-diabetes-1", "dmp-diabetes-2", "dmp-heart-failure", "paerpa", "prado-copd",
					"prado-elderly", "prado-heart-failure", "prado-maternity", "prado-stroke", "prado-surgery", "rac-reseau", "telemonitoring-heart-failure")))
			.andExpect(jsonPath("$.programmes[?(@.id == 'prado-maternity')].status").value(contains("not-eligible")))
			.andExpect(jsonPath("$.programmes[?(@.id == 'prado-maternity')].reasons[*].rule").value(contains("PRADO-MAT-1")))
			.andExpect(jsonPath("$.warnings").value(empty()));
	}

	@Test
	void eligibleCarriesNextStepsAndTheConfirmAndConsentReminder() throws Exception {
		assess("heart-failure-81.json")
			.andExpect(jsonPath("$.programmes[?(@.id == 'prado-heart-failure')].status").value(contains("eligible")))
			.andExpect(jsonPath("$.programmes[?(@.id == 'prado-heart-failure')].reasons[*].rule").value(contains("PRADO-HF-1")))
			.andExpect(jsonPath("$.programmes[?(@.id == 'prado-heart-failure')].nextSteps[*]").value(hasItem("GP visit within 7 days of discharge")))
			.andExpect(jsonPath("$.programmes[?(@.id == 'prado-heart-failure')].nextSteps[0]").value(contains(startsWith(
					"The hospital medical team confirms eligibility; the patient decides (consent, free choice of the home professional)"))));
	}

	@Test
	void insufficientDataNamesTheFieldsThatWouldDecide() throws Exception {
		assess("older-person-partial-80.json")
			.andExpect(jsonPath("$.programmes[?(@.id == 'paerpa')].status").value(contains("insufficient-data")))
			.andExpect(jsonPath("$.programmes[?(@.id == 'paerpa')].missing[*]").value(containsInAnyOrder("functional.adverseDrugEvent",
					"functional.depression", "functional.hasCaregiver", "functional.undernutrition", "medicationCount")))
			.andExpect(jsonPath("$.programmes[?(@.id == 'paerpa')].nextSteps[*]").value(hasSize(0)));
	}

	@Test
	void nursingHomeResidenceExcludesEverywhere() throws Exception {
		assess("nursing-home-resident-86.json")
			.andExpect(jsonPath("$.programmes[?(@.status != 'not-eligible')]").value(hasSize(0)))
			.andExpect(jsonPath("$.programmes[?(@.id == 'prado-heart-failure')].reasons[*].rule").value(contains("EXCL-NURSING-HOME")));
	}
}
