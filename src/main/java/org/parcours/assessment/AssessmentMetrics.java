package org.parcours.assessment;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import org.springframework.stereotype.Component;

/**
 * {@code parcours.assessments} (timer, tagged by level) and {@code parcours.rule.firings} (counter,
 * tagged by rule id). Rule ids come from the rule set, so the tag stays bounded: a decision-table
 * row named {@code LACE-L 4-6 days} counts under {@code LACE-L}.
 */
@Component
class AssessmentMetrics extends DefaultAgendaEventListener {

	private final MeterRegistry registry;

	private final Map<String, Counter> firings = new ConcurrentHashMap<>();

	private final Map<Integer, Timer> timers = new ConcurrentHashMap<>();

	AssessmentMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void afterMatchFired(AfterMatchFiredEvent event) {
		String name = event.getMatch().getRule().getName();
		int space = name.indexOf(' ');
		String rule = space < 0 ? name : name.substring(0, space);
		firings.computeIfAbsent(rule, id -> Counter.builder("parcours.rule.firings").tag("rule", id)
			.description("Rule firings by rule id").register(registry)).increment();
	}

	void assessed(int level, long nanos) {
		timers.computeIfAbsent(level, l -> Timer.builder("parcours.assessments").tag("level", Integer.toString(l))
			.description("Assessments by resulting Kaiser level").register(registry)).record(nanos, TimeUnit.NANOSECONDS);
	}
}
