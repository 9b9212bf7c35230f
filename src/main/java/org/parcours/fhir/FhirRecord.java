package org.parcours.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

import org.parcours.patient.InputError;
import org.parcours.patient.InvalidPatientException;

/**
 * The FHIR resources of one patient that an assessment reads, however they arrived (one Bundle, or
 * CDS Hooks prefetch). A list that was not supplied at all is {@code null}: its inputs are unknown,
 * whereas an empty list says "none" (an empty medication search means no active medication).
 */
public record FhirRecord(Patient patient, List<Condition> conditions, List<Encounter> encounters,
		List<DomainResource> medications, List<Observation> observations, List<Procedure> procedures,
		Map<String, Integer> unusedResourceTypes) {

	/**
	 * One patient's resources from a Bundle: exactly one Patient; Condition, Encounter,
	 * MedicationStatement / MedicationRequest, Observation and Procedure entries are read, a type with
	 * no entry is unknown, and entries of other types are counted and left aside.
	 */
	public static FhirRecord of(Bundle bundle) {
		List<Patient> patients = new ArrayList<>();
		Builder builder = new Builder();
		List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
		for (int i = 0; i < entries.size(); i++) {
			Resource resource = entries.get(i).getResource();
			if (resource == null) {
				throw invalid("Bundle.entry[" + i + "]", "has no resource");
			}
			if (resource instanceof Patient patient) {
				patients.add(patient);
			}
			else {
				builder.add(resource);
			}
		}
		if (patients.size() != 1) {
			throw invalid("Bundle.entry", patients.isEmpty() ? "holds no Patient resource; send one patient per bundle"
					: "holds " + patients.size() + " Patient resources; send one patient per bundle");
		}
		return builder.build(patients.get(0));
	}

	static InvalidPatientException invalid(String field, String message) {
		return new InvalidPatientException(List.of(new InputError(field, message)));
	}

	/** Collects resources by type; a type stays unknown ({@code null}) until {@link #known} or a resource of it arrives. */
	public static final class Builder {

		private List<Condition> conditions;

		private List<Encounter> encounters;

		private List<DomainResource> medications;

		private List<Observation> observations;

		private List<Procedure> procedures;

		private final Map<String, Integer> unused = new TreeMap<>();

		public Builder add(Resource resource) {
			if (resource instanceof Condition condition) {
				conditions = add(conditions, condition);
			}
			else if (resource instanceof Encounter encounter) {
				encounters = add(encounters, encounter);
			}
			else if (resource instanceof MedicationRequest || resource instanceof MedicationStatement) {
				medications = add(medications, (DomainResource) resource);
			}
			else if (resource instanceof Observation observation) {
				observations = add(observations, observation);
			}
			else if (resource instanceof Procedure procedure) {
				procedures = add(procedures, procedure);
			}
			else {
				unused.merge(resource.fhirType(), 1, Integer::sum);
			}
			return this;
		}

		/** Says that resources of {@code type} were looked for, so finding none means "none". */
		public Builder known(Class<? extends Resource> type) {
			if (type == Condition.class && conditions == null) {
				conditions = new ArrayList<>();
			}
			else if (type == Encounter.class && encounters == null) {
				encounters = new ArrayList<>();
			}
			else if ((type == MedicationRequest.class || type == MedicationStatement.class) && medications == null) {
				medications = new ArrayList<>();
			}
			else if (type == Observation.class && observations == null) {
				observations = new ArrayList<>();
			}
			else if (type == Procedure.class && procedures == null) {
				procedures = new ArrayList<>();
			}
			return this;
		}

		public FhirRecord build(Patient patient) {
			return new FhirRecord(patient, conditions, encounters, medications, observations, procedures, Map.copyOf(unused));
		}

		private static <T> List<T> add(List<T> list, T item) {
			List<T> into = list == null ? new ArrayList<>() : list;
			into.add(item);
			return into;
		}
	}
}
