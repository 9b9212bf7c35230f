package org.parcours.assessment;

import java.time.LocalDate;
import java.util.Collection;

import org.kie.api.event.rule.AgendaEventListener;

import org.parcours.patient.Patient;
import org.parcours.rules.RuleSet;

/**
 * One already validated patient evaluated on one given snapshot: derive facts, run the rules, shape
 * the answer. It holds no state and needs no Spring bean, so that the HTTP API, rosters and the
 * golden cases that gate a candidate rule set all evaluate the same way.
 */
public final class Evaluation {

	private Evaluation() {
	}

	/** {@code listener} observes rule firings (metrics); {@code null} for none. */
	public static Assessment of(Patient patient, RuleSet ruleSet, LocalDate today, AgendaEventListener listener) {
		FactsBuilder.Result built = FactsBuilder.build(patient, ruleSet.vocabulary(), today);
		Collection<Object> facts = ruleSet.evaluate(built.facts(), listener);
		return OutcomeAssembler.assemble(patient.patientId(), ruleSet.version(), built.facts(), facts, built.warnings(),
				ruleSet.vocabulary().mappings());
	}
}
