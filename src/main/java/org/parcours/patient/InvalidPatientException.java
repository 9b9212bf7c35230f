package org.parcours.patient;

import java.util.List;

/** A patient input that cannot be assessed, with every error found. */
public class InvalidPatientException extends RuntimeException {

	private final transient List<InputError> errors;

	public InvalidPatientException(List<InputError> errors) {
		super(errors.size() + " invalid field(s): " + errors.stream().map(InputError::field).toList());
		this.errors = List.copyOf(errors);
	}

	public List<InputError> errors() {
		return errors;
	}
}
