package org.parcours.patient;

/** One thing wrong with an input, named by its path ({@code history.admissionsLast12Months}); never its value. */
public record InputError(String field, String message) {
}
