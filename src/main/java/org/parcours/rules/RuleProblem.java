package org.parcours.rules;

/**
 * Something wrong with a rule set, located as precisely as we can: the file, the line (0 when the
 * problem is not tied to a line) and what is wrong. Rule files hold no patient data, so problems are
 * safe to log and to return.
 */
public record RuleProblem(String file, int line, String message) {

	@Override
	public String toString() {
		return (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + message;
	}
}
