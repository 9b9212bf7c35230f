package org.parcours.rules;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One attempt to activate the rules directory: when, what started it, how it ended, how long it took,
 * the stage that refused it and every problem found there. {@code version} is the version that was
 * active afterwards (unchanged when refused).
 */
public record ReloadAttempt(Instant at, Trigger trigger, Outcome outcome, long durationMs, String version, String stage,
		List<RuleProblem> problems) {

	public ReloadAttempt {
		problems = List.copyOf(problems);
	}

	/** What started an attempt; lower-case names are what the status endpoint and logs show. */
	public enum Trigger {

		STARTUP, API, WATCHER, POLL, RESTORE;

		@Override
		@JsonValue
		public String toString() {
			return name().toLowerCase();
		}
	}

	public enum Outcome {

		/** The candidate passed every stage and is now active. */
		ACTIVATED,
		/** The candidate failed a stage; the previous rule set still answers. */
		REFUSED;

		@Override
		@JsonValue
		public String toString() {
			return name().toLowerCase();
		}
	}
}
