package org.parcours.cdshooks;

import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code parcours.cds.cards} (cards returned, tagged by service and indicator) and
 * {@code parcours.cds.feedback} (cards accepted or overridden, tagged by service, outcome and override
 * reason). Every tag value comes from a closed list: service ids from discovery, override reasons from
 * the codes the cards offer ({@code other} for anything else, {@code none} when no reason was given).
 */
@Component
class CdsMetrics {

	private static final Set<String> REASONS = CardWriter.OVERRIDE_REASONS.stream().map(CdsResponse.Coding::code)
		.collect(Collectors.toUnmodifiableSet());

	private final MeterRegistry registry;

	CdsMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void card(String service, String indicator) {
		Counter.builder("parcours.cds.cards").description("CDS Hooks cards returned").tag("service", service)
			.tag("indicator", indicator).register(registry).increment();
	}

	void feedback(String service, String outcome, CdsFeedback.OverrideReason reason) {
		Counter.builder("parcours.cds.feedback").description("CDS Hooks card feedback by outcome").tag("service", service)
			.tag("outcome", outcome).tag("reason", reason(outcome, reason)).register(registry).increment();
	}

	private static String reason(String outcome, CdsFeedback.OverrideReason reason) {
		if (!"overridden".equals(outcome) || reason == null || reason.reason() == null || reason.reason().code() == null) {
			return "none";
		}
		String system = reason.reason().system();
		return REASONS.contains(reason.reason().code()) && (system == null || CardWriter.OVERRIDE_SYSTEM.equals(system))
				? reason.reason().code() : "other";
	}
}
