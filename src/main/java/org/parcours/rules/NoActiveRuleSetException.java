package org.parcours.rules;

/** No rule set is active, so no assessment can be made (HTTP 503). */
public class NoActiveRuleSetException extends RuntimeException {

	public NoActiveRuleSetException() {
		super("no rule set is active");
	}
}
