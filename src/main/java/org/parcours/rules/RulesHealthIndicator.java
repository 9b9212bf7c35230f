package org.parcours.rules;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code rules} health component: UP while a rule set answers, with its version and the outcome
 * of the last activation attempt. A refused reload leaves it UP (the previous rules still answer);
 * the detail says so, for whoever watches the edits go live.
 */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {

	private final ActiveRuleSet active;

	RulesHealthIndicator(ActiveRuleSet active) {
		this.active = active;
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
		Health.Builder health = Health.up().withDetail("version", ruleSet.version()).withDetail("loadedAt", ruleSet.loadedAt().toString());
		active.lastAttempt().ifPresent(attempt -> health.withDetail("lastAttempt", attempt.outcome().toString())
			.withDetail("lastAttemptAt", attempt.at().toString())
			.withDetail("lastAttemptTrigger", attempt.trigger().toString()));
		return health.build();
	}
}
