package org.parcours.assessment;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The observations input through the real Spring MVC stack and the default observation tables: what a
 * unit the tables do not accept, an impossible value, an unknown code and a stale result give. What the
 * accepted values decide is in the golden cases (cases/observations.json and the programmes' files).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ObservationsApiTests {

	@Autowired
	MockMvc mvc;

	private ResultActions assess(String observation) throws Exception {
		String body = "{\"age\": 70, \"assessmentDate\": \"2026-11-01\", \"observations\": [" + observation + "]}";
		return mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static String observation(String code, String value, String unit, String date) {
		return "{\"system\": \"loinc\", \"code\": \"" + code + "\", \"value\": " + value + ", \"unit\": \"" + unit + "\", \"date\": \"" + date + "\"}";
	}

	@Test
	void aUnitTheTablesDoNotAcceptForTheCodeIsA400NamingTheField() throws Exception {
		assess(observation("33914-3", "42", "mg/dL", "2026-10-01")).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("observations[0].unit"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("accepted: mL/min/1.73 m2, mL/min/1.73m2, mL/min/{1.73_m2}")));
	}

	@Test
	void aValueThatCannotBeTrueOnceConvertedIsA400WithoutTheValue() throws Exception {
		assess(observation("10230-1", "140", "%", "2026-10-01")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("observations[0].value"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("outside 1 to 99 %")))
			.andExpect(content().string(not(containsString("140"))));
	}

	@Test
	void aMalformedCodeIsRefusedByTheContract() throws Exception {
		assess(observation("eGFR", "42", "mL/min/{1.73_m2}", "2026-10-01")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("observations[0].code"));
	}

	@Test
	void anUnknownCodeIsAWarningNotAFailure() throws Exception {
		assess(observation("2160-0", "1.1", "mg/dL", "2026-10-01")).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].code").value("unknown-observation"))
			.andExpect(jsonPath("$.warnings[0].detail").value("LOINC 2160-0 is not in vocabulary/observation-code.csv: not used"));
	}

	@Test
	void aResultOlderThanItsWindowIsReportedAsStaleAndNotUsed() throws Exception {
		// potassium counts for 90 days: 2026-08-02 is 91 days before 2026-11-01
		assess(observation("2823-3", "5.1", "mmol/L", "2026-08-02")).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].code").value("stale-observation"))
			.andExpect(jsonPath("$.warnings[0].detail")
				.value("potassium in serum or plasma (LOINC 2823-3) of 2026-08-02 is older than 90 days on 2026-11-01: not used"));
		assess(observation("2823-3", "5.1", "mmol/L", "2026-08-03")).andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings").isEmpty());
	}
}
