package org.parcours.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks a patient input: the field constraints declared on {@link Patient}, then what relates
 * fields to each other (age or birth date, a coded condition has both system and code). Used by
 * every entry point, so the JSON API, rosters and FHIR reject the same things with the same words.
 */
@Component
public class PatientValidator {

	private final Validator validator;

	public PatientValidator(Validator validator) {
		this.validator = validator;
	}

	/** Every error of the input, sorted by field; empty when the patient can be assessed. */
	public List<InputError> check(Patient patient, LocalDate today) {
		List<InputError> errors = new ArrayList<>();
		validator.validate(patient)
			.forEach(violation -> errors.add(new InputError(violation.getPropertyPath().toString(), violation.getMessage())));
		LocalDate assessmentDate = patient.assessmentDate() == null ? today : patient.assessmentDate();
		if (patient.age() == null && patient.birthDate() == null) {
			errors.add(new InputError("age", "age or birthDate is required"));
		}
		if (patient.birthDate() != null) {
			if (patient.birthDate().isAfter(assessmentDate)) {
				errors.add(new InputError("birthDate", "must not be after the assessment date"));
			}
			else if (Period.between(patient.birthDate(), assessmentDate).getYears() > 130) {
				errors.add(new InputError("birthDate", "gives an age over 130 years"));
			}
		}
		if (patient.conditions() != null) {
			for (int i = 0; i < patient.conditions().size(); i++) {
				checkCondition(patient.conditions().get(i), "conditions[" + i + "]", errors);
			}
		}
		if (patient.medications() != null) {
			for (int i = 0; i < patient.medications().size(); i++) {
				Patient.Medication medication = patient.medications().get(i);
				if (medication != null && medication.since() != null && medication.since().isAfter(assessmentDate)) {
					errors.add(new InputError("medications[" + i + "].since", "must not be after the assessment date"));
				}
			}
		}
		errors.sort(Comparator.comparing(InputError::field));
		return errors;
	}

	public void require(Patient patient, LocalDate today) {
		List<InputError> errors = check(patient, today);
		if (!errors.isEmpty()) {
			throw new InvalidPatientException(errors);
		}
	}

	private static void checkCondition(Patient.Condition condition, String path, List<InputError> errors) {
		if (condition == null) {
			return;
		}
		boolean coded = condition.system() != null || hasText(condition.code());
		if (coded && hasText(condition.category())) {
			errors.add(new InputError(path, "send either system and code, or category, not both"));
		}
		else if (coded && condition.system() == null) {
			errors.add(new InputError(path + ".system", "is required with a code (icd-10, icd-9 or snomed)"));
		}
		else if (coded && !hasText(condition.code())) {
			errors.add(new InputError(path + ".code", "is required with a system"));
		}
		else if (!coded && !hasText(condition.category())) {
			errors.add(new InputError(path, "needs system and code, or category"));
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}
}
