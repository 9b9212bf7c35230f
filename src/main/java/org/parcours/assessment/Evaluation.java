package org.parcours.assessment;

import java.time.LocalDate;
import java.util.Collection;

import org.kie.api.event.rule.AgendaEventListener;

import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.RuleSet;

/**
 * The one assessment path: validate a patient, then evaluate it on one rule-set snapshot on one date
 * (derive facts, run the rules, shape the answer). The JSON API, FHIR, CDS Hooks, rosters and the
 * golden cases that gate a candidate rule set all assess through it, so the same input gets the same
 * answer and the same errors wherever it comes from. An instance fixes the snapshot and the date: a
 * roster or a FHIR request that reads the snapshot first (its vocabularies, its programmes) is then
 * assessed on that same version.
 */
public final class Evaluation {

	private final RuleSet ruleSet;

	private final LocalDate today;

	private final PatientValidator validator;

	private final AssessmentMetrics metrics;

	Evaluation(RuleSet ruleSet, LocalDate today, PatientValidator validator, AssessmentMetrics metrics) {
		this.ruleSet = ruleSet;
		this.today = today;
		this.validator = validator;
		this.metrics = metrics;
	}

	/** Assessments on {@code ruleSet} as of {@code today}, without metrics (rosters, golden cases). */
	public static Evaluation on(RuleSet ruleSet, LocalDate today, PatientValidator validator) {
		return new Evaluation(ruleSet, today, validator, null);
	}

	public RuleSet ruleSet() {
		return ruleSet;
	}

	public LocalDate today() {
		return today;
	}

	/**
	 * @throws org.parcours.patient.InvalidPatientException with every error when the input cannot be assessed
	 */
	public Assessment assess(Patient patient) {
		return assess(patient, metrics);
	}

	/**
	 * The same, with {@code listener} observing this assessment's rule firings in place of the metrics'
	 * firing counter (the golden cases record which rules they exercise); {@code null} for none. The
	 * assessment itself is still timed when this evaluation has metrics.
	 *
	 * @throws org.parcours.patient.InvalidPatientException with every error when the input cannot be assessed
	 */
	public Assessment assess(Patient patient, AgendaEventListener listener) {
		long start = System.nanoTime();
		validator.require(patient, today);
		FactsBuilder.Result built = FactsBuilder.build(patient, ruleSet.vocabulary(), today);
		Collection<Object> facts = ruleSet.evaluate(built.facts(), listener);
		Assessment assessment = OutcomeAssembler.assemble(patient.patientId(), ruleSet.version(), built.facts(), facts, built.warnings(),
				ruleSet.vocabulary().mappings());
		if (metrics != null) {
			metrics.assessed(assessment.riskLevel().level(), System.nanoTime() - start);
		}
		return assessment;
	}
}
