package org.parcours.assessment;

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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The JSON a caller sends is read as written: a value of the wrong JSON type, a number out of its
 * field's range and a key given twice are each a 400 naming the field, never silently converted.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StrictJsonTests {

	@Autowired
	MockMvc mvc;

	ResultActions assess(String body) throws Exception {
		return mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			age as a string            | {"age": "80"}                                          | age                       | must be a whole number
			empty string for a number  | {"age": ""}                                            | age                       | must be a whole number
			boolean as a number        | {"age": 80, "functional": {"livesAlone": 1}}           | functional.livesAlone     | must be true or false
			boolean as a string        | {"age": 80, "functional": {"livesAlone": "true"}}      | functional.livesAlone     | must be true or false
			number as a boolean        | {"age": true}                                          | age                       | must be a whole number
			decimal as a string        | {"age": 80, "stay": {"dischargeHemoglobinGdl": "11.5"}} | stay.dischargeHemoglobinGdl | must be a number
			text as a number           | {"age": 80, "patientId": 12345}                        | patientId                 | must be a string
			code as a number           | {"age": 80, "conditions": [{"system": "icd-9", "code": 428}]} | conditions[0].code | must be a string
			enum value as its index    | {"age": 80, "sex": 1}                                  | sex                       | must be one of female, male, other, unknown
			date as a number           | {"birthDate": 19450402}                                | birthDate                 | must be a date as YYYY-MM-DD
			object as an empty string  | {"age": 80, "stay": ""}                                | stay                      | must be an object
			age too large for an int   | {"age": 2147483648}                                    | age                       | is out of range for a whole number
			age below an int           | {"age": -2147483649}                                   | age                       | is out of range for a whole number
			age in exponent form       | {"age": 1e23}                                          | age                       | must be a whole number
			huge nested count          | {"age": 80, "history": {"admissionsLast12Months": 99999999999999999999}} | history.admissionsLast12Months | is out of range for a whole number
			huge count in an array     | {"age": 80, "medications": [{"system": "atc", "code": "C03CA01"}], "medicationCount": 1e400} | medicationCount | must be a whole number
			duplicate key              | {"age": 80, "age": 20}                                 | age                       | is given twice
			duplicate nested key       | {"age": 80, "stay": {"reason": "copd", "reason": "stroke"}} | stay.reason          | is given twice
			duplicate key in an array  | {"age": 80, "conditions": [{"category": "copd"}, {"category": "copd", "category": "cancer"}]} | conditions[1].category | is given twice
			""")
	void aValueIsReadAsWrittenOrRefusedNamingTheField(String name, String body, String field, String message) throws Exception {
		assess(body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			control character    | a\\u0007b
			bidi override        | 1234\\u202Egnp.exe
			zero-width space     | 12\\u200B34
			markup               | <img src=x onerror=alert(1)>
			spreadsheet formula  | =HYPERLINK(x)
			space                | Jeanne Dupont
			empty                | ``
			""")
	void aPatientIdOutsideItsCharacterSetIsA400WithoutEchoingIt(String name, String id) throws Exception {
		assess("{\"age\": 80, \"patientId\": \"" + id + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("patientId"))
			.andExpect(jsonPath("$.errors[0].message").value("must contain only letters, digits and . - _ : / @"))
			.andExpect(content().string(not(containsString("Jeanne"))))
			.andExpect(content().string(not(containsString("img"))));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			FHIR id or UUID      | a4a401d1-a46a-eb4a-8a38-760d5d79d6ec
			URN with an OID      | urn:oid:1.2.250.1.213.1.4.8:0123456789
			URL                  | https://ehr.example/fhir/Patient/123
			record number        | 12/3456_B
			mailbox style        | 123@hug.example
			""")
	void realIdentifiersAreEchoed(String name, String id) throws Exception {
		assess("{\"age\": 80, \"patientId\": \"" + id + "\"}").andExpect(status().isOk()).andExpect(jsonPath("$.patientId").value(id));
	}
}
