package org.parcours.assessment;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.RuleSet;

/** Assesses one patient against the active rule set: validate, derive facts, run rules, shape the answer. */
@Service
public class AssessmentService {

	private final ActiveRuleSet rules;

	private final PatientValidator validator;

	private final AssessmentMetrics metrics;

	private final Clock clock;

	AssessmentService(ActiveRuleSet rules, PatientValidator validator, AssessmentMetrics metrics, Clock clock) {
		this.rules = rules;
		this.validator = validator;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * @throws org.parcours.patient.InvalidPatientException when the input cannot be assessed
	 * @throws org.parcours.rules.NoActiveRuleSetException when no rule set is active
	 */
	public Assessment assess(Patient patient) {
		return assess(patient, rules.get());
	}

	/**
	 * Validates and assesses on a snapshot the caller already holds: FHIR input reads the snapshot's
	 * vocabularies to map its codes, and the evaluation must use the same version.
	 *
	 * @throws org.parcours.patient.InvalidPatientException when the input cannot be assessed
	 */
	public Assessment assess(Patient patient, RuleSet ruleSet) {
		long start = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		validator.require(patient, today);
		Assessment assessment = Evaluation.of(patient, ruleSet, today, metrics);
		metrics.assessed(assessment.riskLevel().level(), System.nanoTime() - start);
		return assessment;
	}

	/** The active snapshot, for callers that must read it before assessing ({@link #assess(Patient, RuleSet)}). */
	public RuleSet activeRuleSet() {
		return rules.get();
	}
}
