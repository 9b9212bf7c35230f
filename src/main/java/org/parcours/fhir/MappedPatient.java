package org.parcours.fhir;

import java.time.LocalDate;
import java.util.List;

import org.hl7.fhir.r4.model.Encounter;

import org.parcours.assessment.Assessment.Warning;
import org.parcours.patient.Patient;

/**
 * A FHIR record mapped onto the patient model: the patient input, the index encounter it was read
 * around ({@code null} when there is none), the assessment date the windows were counted from, what
 * the caller should know about the mapping, and references to the resources the inputs came from.
 */
public record MappedPatient(Patient patient, Encounter index, LocalDate assessmentDate, List<Warning> warnings,
		List<String> basis) {
}
