package org.parcours.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ResourceType;

import org.springframework.stereotype.Component;

import org.parcours.fhir.FhirJson;
import org.parcours.fhir.FhirRecord;
import org.parcours.patient.InputError;
import org.parcours.patient.InvalidPatientException;

/**
 * Turns a hook's prefetch into the patient's FHIR record: {@code patient} is a Patient resource, the
 * other keys are search Bundles of one resource type each. A required key that is absent or null
 * (the client could not fetch it) is a 412; a key holding the wrong kind of resource is a 400.
 */
@Component
class PrefetchReader {

	/** What each prefetch key must hold; a search bundle may also carry an OperationOutcome. */
	private static final Map<String, Set<ResourceType>> TYPES = Map.of("conditions", Set.of(ResourceType.Condition), "encounters",
			Set.of(ResourceType.Encounter), "medications", Set.of(ResourceType.MedicationRequest, ResourceType.MedicationStatement),
			"observations", Set.of(ResourceType.Observation), "procedures", Set.of(ResourceType.Procedure));

	private final FhirJson json;

	PrefetchReader(FhirJson json) {
		this.json = json;
	}

	FhirRecord read(CdsService service, Map<String, JsonNode> prefetch) {
		Map<String, JsonNode> sent = prefetch == null ? Map.of() : prefetch;
		List<String> missing = service.required().stream().filter(key -> absent(sent.get(key))).toList();
		if (!missing.isEmpty()) {
			throw new PrefetchMissingException(missing);
		}
		Patient patient = json.read(sent.get("patient").toString(), Patient.class, "prefetch.patient");
		FhirRecord.Builder builder = new FhirRecord.Builder();
		List<InputError> errors = new ArrayList<>();
		for (String key : service.prefetch().keySet()) {
			if (key.equals("patient") || absent(sent.get(key))) {
				continue;
			}
			Bundle bundle = json.read(sent.get(key).toString(), Bundle.class, "prefetch." + key);
			builder.known(type(key));
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				Resource resource = entry.getResource();
				if (resource == null || resource.getResourceType() == ResourceType.OperationOutcome) {
					continue;
				}
				if (!TYPES.get(key).contains(resource.getResourceType())) {
					errors.add(new InputError("prefetch." + key, "must hold " + TYPES.get(key) + " resources, not " + resource.fhirType()));
					break;
				}
				builder.add(resource);
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidPatientException(errors);
		}
		return builder.build(patient);
	}

	private static boolean absent(JsonNode node) {
		return node == null || node.isNull() || node.isMissingNode();
	}

	private static Class<? extends Resource> type(String key) {
		return switch (key) {
			case "conditions" -> Condition.class;
			case "encounters" -> Encounter.class;
			case "medications" -> MedicationRequest.class;
			case "observations" -> Observation.class;
			case "procedures" -> Procedure.class;
			default -> throw new IllegalStateException("no resource type for prefetch key " + key);
		};
	}
}
