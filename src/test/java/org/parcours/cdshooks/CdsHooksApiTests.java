package org.parcours.cdshooks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.parcours.fhir.SyntheaBundles;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** CDS Hooks discovery, services and feedback through the real Spring MVC stack, with Synthea patients as prefetch. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CdsHooksApiTests {

	/** 129c6ac7: 9 admissions in the 12 months before her latest stay, 3 chronic categories: level 3 (L3-B). */
	static final Bundle FREQUENT = SyntheaBundles.of("129c6ac7");

	@Autowired
	MockMvc mvc;

	@Autowired
	MeterRegistry registry;

	ResultActions call(String service, String body) throws Exception {
		return mvc.perform(post("/cds-services/" + service).with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	static String admission(Map<String, String> prefetch) {
		return HookRequests.request("encounter-start", HookRequests.patientId(FREQUENT), HookRequests.latestStay(FREQUENT), prefetch);
	}

	@Test
	void discoveryListsBothServicesWithTheirPrefetch() throws Exception {
		mvc.perform(get("/cds-services").with(httpBasic("assessor", "assessor-secret"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.services", hasSize(2)))
			.andExpect(jsonPath("$.services[?(@.id == 'parcours-admission')].hook").value("encounter-start"))
			.andExpect(jsonPath("$.services[?(@.id == 'parcours-discharge')].hook").value("encounter-discharge"))
			.andExpect(jsonPath("$.services[0].prefetch.patient").value("Patient/{{context.patientId}}"))
			.andExpect(jsonPath("$.services[0].prefetch.conditions").value("Condition?patient={{context.patientId}}"))
			.andExpect(jsonPath("$.services[1].prefetch.observations").value(containsString("http://loinc.org|718-7")))
			.andExpect(jsonPath("$.services[0].required").doesNotExist());
	}

	@Test
	void admissionCardGivesLevelReasonsAndRiskAssessmentSuggestion() throws Exception {
		call("parcours-admission", admission(HookRequests.prefetch(FREQUENT))).andExpect(status().isOk())
			.andExpect(jsonPath("$.cards", hasSize(1)))
			.andExpect(jsonPath("$.cards[0].summary").value(startsWith("Level 3 case-management: ")))
			.andExpect(jsonPath("$.cards[0].summary").value(matchesPattern(".{1,139}")))
			.andExpect(jsonPath("$.cards[0].indicator").value("warning"))
			.andExpect(jsonPath("$.cards[0].uuid").value(matchesPattern("[0-9a-f-]{36}")))
			.andExpect(jsonPath("$.cards[0].source.label").value(matchesPattern("Parcours rule set [0-9a-f]{12}")))
			.andExpect(jsonPath("$.cards[0].detail").value(containsString("**Kaiser level 3: case-management**")))
			.andExpect(jsonPath("$.cards[0].detail").value(containsString("- `L3-B` ")))
			.andExpect(jsonPath("$.cards[0].detail").value(containsString("10 condition code(s) are in no vocabulary")))
			.andExpect(jsonPath("$.cards[0].selectionBehavior").value("any"))
			.andExpect(jsonPath("$.cards[0].overrideReasons[0].code").value("already-in-place"))
			.andExpect(jsonPath("$.cards[0].suggestions[0].actions[0].type").value("create"))
			.andExpect(jsonPath("$.cards[0].suggestions[0].actions[0].resource.resourceType").value("RiskAssessment"))
			.andExpect(jsonPath("$.cards[0].suggestions[0].actions[0].resource.prediction[0].qualitativeRisk.coding[0].code").value("high"));
	}

	@Test
	void dischargeCardGivesTheSameLaceAsTheJsonApi() throws Exception {
		// Synthea encounters carry no priority: mark the index stay as an emergency so that LACE can be computed.
		Bundle bundle = FREQUENT.copy();
		String stay = HookRequests.latestStay(bundle);
		HookRequests.resources(bundle, Encounter.class).stream().filter(encounter -> encounter.getIdElement().getIdPart().equals(stay))
			.forEach(encounter -> encounter.getPriority().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/v3-ActPriority").setCode("EM"));
		String json = mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret")).queryParam("encounter", stay)
			.contentType(MediaType.parseMediaType("application/fhir+json")).content(SyntheaBundles.json(bundle)))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		JsonNode lace = JsonMapper.builder().build().readTree(json).path("scores").path("lace");
		assertThat(lace.path("value").isInt()).isTrue();

		call("parcours-discharge", HookRequests.request("encounter-discharge", HookRequests.patientId(bundle), stay, HookRequests.prefetch(bundle)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.cards[0].summary").value(startsWith("Readmission risk: LACE " + lace.path("value").asInt() + " "
					+ lace.path("band").asString() + ", HOSPITAL not computed; level 3; ")))
			.andExpect(jsonPath("$.cards[0].detail").value(containsString("**LACE index: " + lace.path("value").asInt())))
			.andExpect(jsonPath("$.cards[0].detail").value(containsString("- `LACE-A` ")))
			.andExpect(jsonPath("$.cards[0].detail").value(containsString("**HOSPITAL score: not computed**, missing `stay.dischargeHemoglobinGdl`")))
			.andExpect(jsonPath("$.cards[0].suggestions[0].actions[0].resource.prediction[1].outcome.text")
				.value(startsWith("LACE index")));
	}

	@Test
	void exampleDischargeRequestGetsBothScores() throws Exception {
		call("parcours-discharge", Files.readString(Path.of("datasets/examples/cds-encounter-discharge.json"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.cards[0].summary").value(startsWith("Readmission risk: LACE 10 high, HOSPITAL 6 intermediate; level 3; ")))
			.andExpect(jsonPath("$.cards[0].indicator").value("warning"))
			.andExpect(jsonPath("$.cards[0].detail").value(containsString("- `HOSPITAL-S` sodium at discharge 133.0 mmol/L: 1 point(s)")));
	}

	/** The stay reason is derived from the encounter's discharge diagnosis of rank 1 (I50.9), so PRADO heart failure is decided. */
	@Test
	void exampleDischargeRequestGetsThePradoHeartFailureCard() throws Exception {
		call("parcours-discharge", Files.readString(Path.of("datasets/examples/cds-encounter-discharge.json"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.cards[?(@.summary == 'Eligible for PRADO heart failure (FR): return home after a heart-failure "
					+ "decompensation: plan the next steps before discharge')].detail")
				.value(contains(allOf(containsString("GP visit within 7 days of discharge"),
						containsString("admission reason: heart-failure (derived from icd-10 I50.9 (principal diagnosis))")))));
	}

	@Test
	void withoutPrefetchTheAnswerIs412NamingWhatIsMissing() throws Exception {
		call("parcours-admission", admission(Map.of())).andExpect(status().isPreconditionFailed())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Required prefetch missing"))
			.andExpect(jsonPath("$.missing[0]").value("patient"))
			.andExpect(jsonPath("$.missing[1]").value("conditions"))
			.andExpect(jsonPath("$.missing[2]").value("encounters"))
			.andExpect(jsonPath("$.detail").value(containsString("does not query the FHIR server")));
		Map<String, String> noConditions = new LinkedHashMap<>(HookRequests.prefetch(FREQUENT));
		noConditions.put("conditions", "null");
		call("parcours-discharge", HookRequests.request("encounter-discharge", HookRequests.patientId(FREQUENT),
				HookRequests.latestStay(FREQUENT), noConditions))
			.andExpect(status().isPreconditionFailed()).andExpect(jsonPath("$.missing", hasSize(1)))
			.andExpect(jsonPath("$.missing[0]").value("conditions"));
	}

	@Test
	void optionalPrefetchLeftOutLeavesItsInputsUnknown() throws Exception {
		Map<String, String> prefetch = new LinkedHashMap<>(HookRequests.prefetch(FREQUENT));
		prefetch.remove("medications");
		call("parcours-admission", admission(prefetch)).andExpect(status().isOk())
			.andExpect(jsonPath("$.cards[0].suggestions[0].actions[0].resource.resourceType").value("RiskAssessment"));
	}

	@Test
	void wrongResourceTypesAreA400NamingThePrefetchKey() throws Exception {
		Map<String, String> swapped = new LinkedHashMap<>(HookRequests.prefetch(FREQUENT));
		swapped.put("conditions", swapped.get("encounters"));
		call("parcours-admission", admission(swapped)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("prefetch.conditions"))
			.andExpect(jsonPath("$.errors[0].message").value("must hold [Condition] resources, not Encounter"));
		Map<String, String> bundleAsPatient = new LinkedHashMap<>(HookRequests.prefetch(FREQUENT));
		bundleAsPatient.put("patient", bundleAsPatient.get("conditions"));
		call("parcours-admission", admission(bundleAsPatient)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("prefetch.patient"))
			.andExpect(jsonPath("$.errors[0].message").value("must be a Patient resource, not Bundle"));
		Map<String, String> malformed = new LinkedHashMap<>(HookRequests.prefetch(FREQUENT));
		malformed.put("encounters", "{\"resourceType\": \"Bundle\", \"total\": \"many\"}");
		call("parcours-admission", admission(malformed)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("prefetch.encounters"));
	}

	@Test
	void requestThatDoesNotFitTheServiceIsA400WithoutPatientData() throws Exception {
		String patient = HookRequests.patientId(FREQUENT);
		call("parcours-admission", HookRequests.request("encounter-discharge", patient, HookRequests.latestStay(FREQUENT),
				HookRequests.prefetch(FREQUENT)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("hook"))
			.andExpect(jsonPath("$.errors[0].message").value("must be encounter-start for this service"));
		call("parcours-admission", HookRequests.request("encounter-start", patient, "", HookRequests.prefetch(FREQUENT)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("context.encounterId"));
		call("parcours-admission", HookRequests.request("encounter-start", "someone-else", HookRequests.latestStay(FREQUENT),
				HookRequests.prefetch(FREQUENT)))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("prefetch.patient"))
			.andExpect(jsonPath("$.errors[0].message").value("is not the patient named by context.patientId"))
			.andExpect(content().string(not(containsString(patient))));
		call("no-such-service", admission(HookRequests.prefetch(FREQUENT))).andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		call("parcours-admission", "{\"hook\": ").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void feedbackIsCountedByServiceOutcomeAndOfferedReason() throws Exception {
		double accepted = count("parcours-discharge", "accepted", "none");
		double declined = count("parcours-discharge", "overridden", "patient-declined");
		double other = count("parcours-discharge", "overridden", "other");
		mvc.perform(post("/cds-services/parcours-discharge/feedback").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON).content("""
				{"feedback": [
				  {"card": "9368d37b-283f-44a0-93ea-547cebab93ed", "outcome": "accepted", "acceptedSuggestions": [{"id": "e56e1945"}],
				   "outcomeTimestamp": "2026-11-23T10:00:00Z"},
				  {"card": "8368d37b-283f-44a0-93ea-547cebab93ed", "outcome": "overridden",
				   "overrideReason": {"reason": {"system": "https://parcours.example/fhir/CodeSystem/card-override-reason",
				     "code": "patient-declined"}, "userComment": "Mme X prefers her own nurse"}},
				  {"card": "7368d37b-283f-44a0-93ea-547cebab93ed", "outcome": "overridden",
				   "overrideReason": {"reason": {"system": "http://other", "code": "free text 123"}}}
				]}""")).andExpect(status().isOk());
		assertThat(count("parcours-discharge", "accepted", "none")).isEqualTo(accepted + 1);
		assertThat(count("parcours-discharge", "overridden", "patient-declined")).isEqualTo(declined + 1);
		assertThat(count("parcours-discharge", "overridden", "other")).isEqualTo(other + 1);

		mvc.perform(post("/cds-services/parcours-discharge/feedback").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"feedback\": [{\"card\": \"x\", \"outcome\": \"maybe\"}]}"))
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("feedback[0].outcome"))
			.andExpect(jsonPath("$.errors[0].message").value("must be accepted or overridden"));
		mvc.perform(post("/cds-services/nothing/feedback").with(httpBasic("assessor", "assessor-secret")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"feedback\": [{\"card\": \"x\", \"outcome\": \"accepted\"}]}")).andExpect(status().isNotFound());
	}

	private double count(String service, String outcome, String reason) {
		var counter = registry.find("parcours.cds.feedback").tag("service", service).tag("outcome", outcome).tag("reason", reason).counter();
		return counter == null ? 0 : counter.count();
	}
}
