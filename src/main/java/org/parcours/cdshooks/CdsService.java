package org.parcours.cdshooks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One CDS service as discovery lists it ({@code hook}, {@code id}, {@code prefetch} templates, ...).
 * {@code required} are the prefetch keys it cannot answer without; the others, when absent, leave
 * their inputs unknown and reported as missing. This service never calls back the FHIR server.
 */
record CdsService(String hook, String title, String description, String id, Map<String, String> prefetch,
		String usageRequirements, @JsonIgnore List<String> required) {

	static final String ADMISSION = "parcours-admission";

	static final String DISCHARGE = "parcours-discharge";

	private static final String PATIENT = "Patient/{{context.patientId}}";

	private static final String CONDITIONS = "Condition?patient={{context.patientId}}";

	private static final String ENCOUNTERS = "Encounter?patient={{context.patientId}}";

	private static final String MEDICATIONS = "MedicationRequest?patient={{context.patientId}}&status=active";

	private static final String USAGE = "Requires prefetch of patient, conditions and encounters (this service does not query the FHIR "
			+ "server). Outputs support care coordination only, never cover or premium decisions.";

	static final List<CdsService> ALL = List.of(
			new CdsService("encounter-start", "Parcours: risk level and programmes to prepare at admission",
					"Kaiser pyramid level with the rules that decided it, and the return-home and coordination programmes to prepare "
							+ "for this stay, or the inputs that would decide them.",
					ADMISSION, ordered("patient", PATIENT, "conditions", CONDITIONS, "encounters", ENCOUNTERS, "medications", MEDICATIONS),
					USAGE, List.of("patient", "conditions", "encounters")),
			new CdsService("encounter-discharge", "Parcours: readmission risk and programmes at discharge",
					"LACE and HOSPITAL readmission scores (or the inputs they miss), the Kaiser level, and the programmes the patient "
							+ "is eligible for with their next steps.",
					DISCHARGE,
					ordered("patient", PATIENT, "conditions", CONDITIONS, "encounters", ENCOUNTERS, "medications", MEDICATIONS,
							"observations",
							"Observation?patient={{context.patientId}}&code=http://loinc.org|718-7,http://loinc.org|2951-2,http://loinc.org|2947-0",
							"procedures", "Procedure?patient={{context.patientId}}&encounter={{context.encounterId}}"),
					USAGE, List.of("patient", "conditions", "encounters")));

	static Optional<CdsService> byId(String id) {
		return ALL.stream().filter(service -> service.id().equals(id)).findFirst();
	}

	/** Prefetch templates in the order discovery should show them (key, template, key, template, ...). */
	private static Map<String, String> ordered(String... keysAndTemplates) {
		Map<String, String> templates = new LinkedHashMap<>();
		for (int i = 0; i < keysAndTemplates.length; i += 2) {
			templates.put(keysAndTemplates[i], keysAndTemplates[i + 1]);
		}
		return Collections.unmodifiableMap(templates);
	}
}
