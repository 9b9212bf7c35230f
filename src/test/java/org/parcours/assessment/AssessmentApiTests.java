package org.parcours.assessment;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** POST /api/v1/assessments through the real Spring MVC stack and the real rules directory. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AssessmentApiTests {

	@Autowired
	MockMvc mvc;

	ResultActions assess(String body) throws Exception {
		return mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void contractExampleGetsTheContractShape() throws Exception {
		assess(Files.readString(Path.of("datasets/examples/heart-failure-81.json"))).andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.patientId").value("example-hf-81"))
			.andExpect(jsonPath("$.rulesVersion").value(matchesPattern("[0-9a-f]{12}")))
			.andExpect(jsonPath("$.riskLevel.level").value(3))
			.andExpect(jsonPath("$.riskLevel.label").value("case-management"))
			.andExpect(jsonPath("$.riskLevel.reasons[*].rule").value(hasItem("L3-C")))
			.andExpect(jsonPath("$.scores.charlson.value").value(2))
			.andExpect(jsonPath("$.scores.charlson.ageAdjusted").value(6))
			.andExpect(jsonPath("$.scores.lace.value").value(10))
			.andExpect(jsonPath("$.scores.lace.band").value("high"))
			.andExpect(jsonPath("$.scores.hospital.value").value(7))
			.andExpect(jsonPath("$.scores.hospital.band").value("high"))
			.andExpect(jsonPath("$.derived.chronicCategories").value(hasItem("heart-failure")))
			.andExpect(jsonPath("$.derived.medicationCount").value(7))
			.andExpect(jsonPath("$.derived.polypharmacy").value(true))
			.andExpect(jsonPath("$.programmes").isArray())
			.andExpect(jsonPath("$.warnings").isArray());
	}

	@Test
	void missingScoreInputsAreNullWithTheFieldsNamed() throws Exception {
		assess("{\"age\": 70, \"conditions\": []}").andExpect(status().isOk())
			.andExpect(jsonPath("$.scores.hospital.value").value(nullValue()))
			.andExpect(jsonPath("$.scores.hospital.missing").value(hasItem("stay.dischargeHemoglobinGdl")))
			.andExpect(jsonPath("$.scores.lace.missing").value(hasItem("stay.lengthOfStayDays")));
	}

	@Test
	void unknownCodesAreWarningsNotFailures() throws Exception {
		assess("{\"age\": 70, \"conditions\": [{\"system\": \"icd-10\", \"code\": \"Q99.9\"}]}").andExpect(status().isOk())
			.andExpect(jsonPath("$.warnings[0].code").value("unknown-code"))
			.andExpect(jsonPath("$.warnings[0].detail").value("icd-10 Q99.9 is not in any vocabulary"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			malformed JSON             | {"age": 81                                          | $                           | Malformed JSON
			wrong type                 | {"age": "eighty"}                                   | age                         | must be a whole number
			decimal age                | {"age": 80.5}                                       | age                         | must be a whole number
			negative age               | {"age": -1}                                         | age                         | greater than or equal to 0
			absurd age                 | {"age": 131}                                        | age                         | less than or equal to 130
			no age nor birth date      | {"sex": "female"}                                   | age                         | age or birthDate is required
			birth date in the future   | {"birthDate": "2999-01-01"}                         | birthDate                   | after the assessment date
			unknown enum value         | {"age": 80, "sex": "robot"}                         | sex                         | must be one of female, male, other, unknown
			unknown nested enum value  | {"age": 80, "stay": {"admissionType": "planned"}}   | stay.admissionType          | must be one of urgent, elective
			negative length of stay    | {"age": 80, "stay": {"lengthOfStayDays": -1}}       | stay.lengthOfStayDays       | greater than or equal to 0
			negative admissions        | {"age": 80, "history": {"admissionsLast12Months": -2}} | history.admissionsLast12Months | greater than or equal to 0
			code without system        | {"age": 80, "conditions": [{"code": "I50.9"}]}     | conditions[0].system        | is required with a code
			unknown condition system   | {"age": 80, "conditions": [{"system": "icd-11", "code": "x"}]} | conditions[0].system | must be one of icd-10, icd-9, snomed
			unknown field              | {"age": 80, "ethnicity": "x"}                       | ethnicity                   | is not a field of this API
			array instead of object    | [1, 2]                                              | $                           | must be an object
			bad date                   | {"birthDate": "02/04/1945"}                         | birthDate                   | a date as YYYY-MM-DD
			medication started later   | {"age": 80, "assessmentDate": "2026-06-01", "medications": [{"system": "atc", "code": "N05BA01", "since": "2026-06-02"}]} | medications[0].since | must not be after the assessment date
			""")
	void invalidInputIsA400NamingTheField(String name, String body, String field, String message) throws Exception {
		assess(body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(containsString(message)));
	}

	@Test
	void errorsNeverEchoTheValueSent() throws Exception {
		assess("{\"age\": \"Jeanne Dupont\"}").andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("Jeanne"))));
		assess("{\"age\": 80, \"residence\": {\"setting\": \"Rue du Rhône 12\"}}").andExpect(status().isBadRequest())
			.andExpect(content().string(not(containsString("Rhône"))));
	}

	@Test
	void wrongMediaTypeIs415() throws Exception {
		mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.TEXT_PLAIN).content("{\"age\": 80}"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void bodyOverTheLimitIs413() throws Exception {
		String huge = "{\"age\": 80, \"patientId\": \"" + "x".repeat(300_000) + "\"}";
		assess(huge).andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("The request body is larger than 262144 bytes."));
	}
}
