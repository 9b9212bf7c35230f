package org.parcours.roster;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code parcours.roster.rows}: rows scored through the HTTP endpoint, tagged by {@code outcome}
 * ({@code scored} or the error kind, a closed list), counted once per roster when it completes.
 */
@Component
class RosterMetrics {

	private final MeterRegistry registry;

	RosterMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void completed(RosterSummary summary) {
		RosterSummary.Report report = summary.report();
		count("scored", report.rowsOut() - report.errorRows());
		report.errorsByKind().forEach(this::count);
	}

	private void count(String outcome, long rows) {
		registry.counter("parcours.roster.rows", "outcome", outcome).increment(rows);
	}
}
