package org.parcours.rules;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * {@code parcours.rules.reload}: a timer of activation attempts tagged by {@code outcome}
 * (activated | refused). {@code parcours.rules.active}: one gauge whose value is the active rule
 * set's load time (epoch seconds) and whose {@code version} tag names it; it is re-registered on
 * every swap, so exactly one series exists at a time.
 */
final class ReloadMetrics {

	private final MeterRegistry registry;

	private Gauge active;

	ReloadMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void attempted(ReloadAttempt.Outcome outcome, long nanos) {
		Timer.builder("parcours.rules.reload").tag("outcome", outcome.toString())
			.description("Rule-set activation attempts (start-up excluded) by outcome")
			.register(registry).record(nanos, TimeUnit.NANOSECONDS);
	}

	synchronized void active(RuleSet ruleSet) {
		if (active != null) {
			registry.remove(active);
		}
		// the gauge keeps the number, not the rule set, so a replaced snapshot is not held by a meter
		Long loadedAt = ruleSet.loadedAt().getEpochSecond();
		active = Gauge.builder("parcours.rules.active", () -> loadedAt).tag("version", ruleSet.version())
			.description("Load time (epoch seconds) of the active rule set, tagged with its version")
			.register(registry);
	}
}
