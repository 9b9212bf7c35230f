package org.parcours.fhir;

import java.util.List;

/**
 * Patient p1, born 1940-03-01 and assessed on 2026-11-20, with SNOMED CT conditions: as a JSON
 * request and as a FHIR bundle, so that tests can send the same patient through both.
 */
public final class CodedPatients {

	public static final String ASSESSMENT_DATE = "2026-11-20";

	private CodedPatients() {
	}

	/** The JSON request; {@code more} is appended after the conditions (", \"functional\": {...}"). */
	public static String json(List<String> snomedCodes, String more) {
		StringBuilder conditions = new StringBuilder();
		for (String code : snomedCodes) {
			conditions.append(conditions.isEmpty() ? "" : ", ").append("{\"system\": \"snomed\", \"code\": \"").append(code).append("\"}");
		}
		return "{\"patientId\": \"p1\", \"birthDate\": \"1940-03-01\", \"assessmentDate\": \"" + ASSESSMENT_DATE + "\", \"conditions\": ["
				+ conditions + "]" + more + "}";
	}

	/** The same patient as a FHIR R4 bundle: one active Condition per code. */
	public static String bundle(List<String> snomedCodes) {
		StringBuilder entries = new StringBuilder(
				"{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"p1\", \"birthDate\": \"1940-03-01\"}}");
		for (String code : snomedCodes) {
			entries.append(", {\"resource\": {\"resourceType\": \"Condition\", \"id\": \"c").append(code)
				.append("\", \"subject\": {\"reference\": \"Patient/p1\"}, \"clinicalStatus\": {\"coding\": [{\"system\": ")
				.append("\"http://terminology.hl7.org/CodeSystem/condition-clinical\", \"code\": \"active\"}]}, ")
				.append("\"code\": {\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"").append(code).append("\"}]}}}");
		}
		return "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": [" + entries + "]}";
	}
}
