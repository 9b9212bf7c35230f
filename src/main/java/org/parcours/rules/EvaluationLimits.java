package org.parcours.rules;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

import org.parcours.rules.EvaluationLimitException.Limit;

/**
 * How much work one evaluation may do: at most {@code maxFirings} rule firings and
 * {@code maxTime} of wall-clock time. Both are checked before each firing, through an agenda
 * filter that accepts every match within the limits, so the cost is a counter and a clock read per firing; a
 * consequence itself is never interrupted (the rule files cannot loop, so each one is short). Each
 * limit passed ends the evaluation with an {@link EvaluationLimitException} and counts in
 * {@code parcours.rules.limit.exceeded}, tagged {@code limit} = firings | time.
 */
final class EvaluationLimits {

	/** For rule sets built outside the application (tests, benchmarks, tools): the default limits, counted nowhere. */
	static final EvaluationLimits DEFAULT = new EvaluationLimits(RulesProperties.DEFAULT_MAX_FIRINGS,
			RulesProperties.DEFAULT_MAX_EVALUATION_TIME, new SimpleMeterRegistry());

	private final int maxFirings;

	private final long maxNanos;

	private final String allowedTime;

	private final Counter firingsExceeded;

	private final Counter timeExceeded;

	EvaluationLimits(int maxFirings, Duration maxTime, MeterRegistry registry) {
		if (maxFirings < 1 || maxTime.isNegative() || maxTime.isZero()) {
			throw new IllegalArgumentException("evaluation limits must be positive");
		}
		this.maxFirings = maxFirings;
		this.maxNanos = maxTime.toNanos();
		this.allowedTime = maxTime.toMillis() + " ms";
		this.firingsExceeded = counter(registry, Limit.FIRINGS);
		this.timeExceeded = counter(registry, Limit.TIME);
	}

	private static Counter counter(MeterRegistry registry, Limit limit) {
		return Counter.builder("parcours.rules.limit.exceeded").tag("limit", limit.toString())
			.description("Evaluations ended because the rules passed a limit (firings or time); a defect of the rule set")
			.register(registry);
	}

	/** A filter for one evaluation of {@code session}; call {@link Guard#verify} after firing. */
	Guard guard(KieSession session) {
		return guard(session, 0);
	}

	/**
	 * The same for an evaluation whose first {@code alreadyFired} firings took place before (the rules
	 * that fire on the constant facts alone, fired once for a reused working memory): they count.
	 */
	Guard guard(KieSession session, int alreadyFired) {
		Guard guard = new Guard(session, System.nanoTime() + maxNanos);
		guard.firings = alreadyFired;
		return guard;
	}

	/** The limits of one evaluation: counts firings, reads the clock, remembers the last rule fired. */
	final class Guard implements AgendaFilter {

		private final KieSession session;

		private final long deadline;

		private int firings;

		private Rule lastFired;

		private Limit exceeded;

		private Guard(KieSession session, long deadline) {
			this.session = session;
			this.deadline = deadline;
		}

		@Override
		public boolean accept(Match match) {
			if (exceeded != null) {
				return false;
			}
			if (++firings > maxFirings) {
				return stop(Limit.FIRINGS);
			}
			if (System.nanoTime() - deadline > 0) {
				return stop(Limit.TIME);
			}
			lastFired = match.getRule();
			return true;
		}

		/** Halts the session: what is left on the agenda is dropped by this filter without firing. */
		private boolean stop(Limit limit) {
			exceeded = limit;
			session.halt();
			return false;
		}

		/** Throws the {@link EvaluationLimitException} (and counts it) when a limit was passed. */
		void verify() {
			if (exceeded == Limit.FIRINGS) {
				firingsExceeded.increment();
				throw new EvaluationLimitException(exceeded, ruleId(), maxFirings + " rule firings");
			}
			if (exceeded == Limit.TIME) {
				timeExceeded.increment();
				throw new EvaluationLimitException(exceeded, ruleId(), allowedTime);
			}
		}

		private String ruleId() {
			return lastFired == null ? null : lastFired.getName();
		}
	}
}
