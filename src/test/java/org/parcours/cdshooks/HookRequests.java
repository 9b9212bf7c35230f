package org.parcours.cdshooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * CDS Hooks requests as a client would send them for a Synthea patient: the prefetch keys of our
 * discovery answered with the patient's resources (search bundles of one type each).
 */
final class HookRequests {

	private HookRequests() {
	}

	static String patientId(Bundle bundle) {
		return resources(bundle, Patient.class).get(0).getIdElement().getIdPart();
	}

	/** The id of the patient's latest inpatient encounter. */
	static String latestStay(Bundle bundle) {
		return resources(bundle, Encounter.class).stream().filter(encounter -> "IMP".equals(encounter.getClass_().getCode()))
			.max((a, b) -> a.getPeriod().getStart().compareTo(b.getPeriod().getStart())).orElseThrow().getIdElement().getIdPart();
	}

	/** Every prefetch key of the discovery answer (bar observations, which Synthea does not export), from the bundle. */
	static Map<String, String> prefetch(Bundle bundle) {
		Map<String, String> prefetch = new LinkedHashMap<>();
		prefetch.put("patient", json(resources(bundle, Patient.class).get(0)));
		prefetch.put("conditions", search(resources(bundle, org.hl7.fhir.r4.model.Condition.class)));
		prefetch.put("encounters", search(resources(bundle, Encounter.class)));
		prefetch.put("medications", search(resources(bundle, org.hl7.fhir.r4.model.MedicationRequest.class)));
		prefetch.put("procedures", search(resources(bundle, org.hl7.fhir.r4.model.Procedure.class)));
		return prefetch;
	}

	static String request(String hook, String patientId, String encounterId, Map<String, String> prefetch) {
		String entries = prefetch.entrySet().stream().map(entry -> "\"" + entry.getKey() + "\": " + entry.getValue())
			.collect(Collectors.joining(", "));
		return "{\"hook\": \"" + hook + "\", \"hookInstance\": \"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea\", "
				+ "\"fhirServer\": \"https://ehr.example/fhir\", \"context\": {\"userId\": \"Practitioner/1\", \"patientId\": \""
				+ patientId + "\", \"encounterId\": \"" + encounterId + "\"}, \"prefetch\": {" + entries + "}}";
	}

	static String search(List<? extends Resource> resources) {
		Bundle bundle = new Bundle().setType(BundleType.SEARCHSET);
		resources.forEach(resource -> bundle.addEntry().setResource(resource));
		bundle.setTotal(resources.size());
		return json(bundle);
	}

	static String json(Resource resource) {
		return FhirContext.forR4Cached().newJsonParser().encodeResourceToString(resource);
	}

	static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).toList();
	}
}
