package org.parcours.roster;

/**
 * A problem with the roster as a whole, found before any row is written: the run stops with this
 * message (HTTP 400, or the command's exit code). Messages may name columns, never cell values.
 */
public class RosterFileException extends RuntimeException {

	/** What went wrong, with the exit code the command returns for it. */
	public enum Kind {
		USAGE(2), UNKNOWN_PROFILE(2), UNREADABLE_INPUT(3), BAD_HEADER(4), RULES(5), OUTPUT(6);

		public final int exitCode;

		Kind(int exitCode) {
			this.exitCode = exitCode;
		}
	}

	private final Kind kind;

	private final String field;

	public RosterFileException(Kind kind, String field, String message) {
		super(message);
		this.kind = kind;
		this.field = field;
	}

	public Kind kind() {
		return kind;
	}

	/** The request parameter or part of the file at fault ({@code profile}, {@code header}). */
	public String field() {
		return field;
	}
}
