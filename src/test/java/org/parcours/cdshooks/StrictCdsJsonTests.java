package org.parcours.cdshooks;

import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import org.parcours.fhir.SyntheaBundles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A CDS Hooks call is read as strictly as the JSON API: a key given twice is refused, in the prefetch resources too. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StrictCdsJsonTests {

	static final Bundle PATIENT = SyntheaBundles.of("129c6ac7");

	static final String PATIENT_START = "{\"resourceType\":\"Patient\",";

	@Autowired
	MockMvc mvc;

	ResultActions call(String body) throws Exception {
		return mvc.perform(post("/cds-services/parcours-admission").with(httpBasic("assessor", "assessor-secret"))
			.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	String request() {
		String request = HookRequests.request("encounter-start", HookRequests.patientId(PATIENT), HookRequests.latestStay(PATIENT),
				HookRequests.prefetch(PATIENT));
		assertThat(request).contains(PATIENT_START);
		return request;
	}

	@Test
	void theUntouchedRequestIsServed() throws Exception {
		call(request()).andExpect(status().isOk());
	}

	@Test
	void aKeyGivenTwiceIsA400NamingIt() throws Exception {
		call(request().replace("\"hook\":", "\"hook\": \"encounter-start\", \"hook\":")).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("hook")).andExpect(jsonPath("$.errors[0].message").value("is given twice"));
		call(request().replace(PATIENT_START, PATIENT_START + "\"gender\":\"male\",\"gender\":\"female\","))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("prefetch.patient.gender"))
			.andExpect(jsonPath("$.errors[0].message").value("is given twice"));
	}
}
