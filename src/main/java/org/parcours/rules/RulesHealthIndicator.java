package org.parcours.rules;

import java.nio.file.Path;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code rules} health component, with the active version and the outcome of the last activation
 * attempt. UP while a rule set answers and the last attempt activated it; {@code DEGRADED} after a
 * refused attempt (the previous rules still answer, but the edit in the directory is not live), until
 * the directory's content is the active version again, by a fixed edit or by undoing the refused one.
 * DEGRADED answers 200, like UP: the service is still fit to answer, and must not be restarted or
 * taken out of a load balancer for a clinician's refused edit.
 */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "the last rule-set edit was refused; the previous version answers");

	private final ActiveRuleSet active;

	private final Path directory;

	RulesHealthIndicator(ActiveRuleSet active, RulesProperties properties) {
		this.active = active;
		this.directory = RulesConfiguration.directory(properties);
	}

	@Override
	public Health health() {
		RuleSet ruleSet;
		try {
			ruleSet = active.get();
		}
		catch (NoActiveRuleSetException ex) {
			return Health.down().withDetail("version", "none").build();
		}
		ReloadAttempt attempt = active.lastAttempt().orElse(null);
		boolean refused = attempt != null && attempt.outcome() == ReloadAttempt.Outcome.REFUSED;
		Health.Builder health = (refused && !directoryIsActive(ruleSet) ? Health.status(DEGRADED) : Health.up())
			.withDetail("version", ruleSet.version())
			.withDetail("loadedAt", ruleSet.loadedAt().toString());
		if (attempt != null) {
			health.withDetail("lastAttempt", attempt.outcome().toString())
				.withDetail("lastAttemptAt", attempt.at().toString())
				.withDetail("lastAttemptTrigger", attempt.trigger().toString());
			if (refused) {
				health.withDetail("lastAttemptStage", attempt.stage()).withDetail("lastAttemptProblems", attempt.problems().size());
			}
		}
		return health.build();
	}

	/** Whether the directory holds exactly the active version's files (read only after a refusal: one hash per file). */
	private boolean directoryIsActive(RuleSet ruleSet) {
		try {
			return RuleSetLoader.contentHashOf(RuleSetLoader.read(directory)).equals(ruleSet.contentHash());
		}
		catch (RuntimeException ex) {
			// unreadable or in the middle of being rewritten: not the active version
			return false;
		}
	}
}
