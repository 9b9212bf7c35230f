package org.parcours.system;

import java.util.ArrayList;
import java.util.List;

import org.kie.api.runtime.rule.ConsequenceException;

/**
 * An exception described by its types, throw sites and the rule that failed: what can be logged
 * without patient data.
 */
final class UnexpectedFailure {

	private static final int MAX_CAUSES = 5;

	private UnexpectedFailure() {
	}

	static String describe(Throwable failure) {
		List<String> chain = new ArrayList<>();
		for (Throwable t = failure; t != null && chain.size() < MAX_CAUSES; t = t.getCause()) {
			StackTraceElement[] trace = t.getStackTrace();
			String rule = t instanceof ConsequenceException consequence && consequence.getMatch() != null
					? " in rule \"" + consequence.getMatch().getRule().getName() + "\"" : "";
			chain.add(t.getClass().getName() + rule + (trace.length > 0 ? " at " + trace[0] : ""));
		}
		return String.join(", caused by ", chain);
	}
}
