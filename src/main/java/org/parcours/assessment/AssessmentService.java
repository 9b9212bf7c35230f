package org.parcours.assessment;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;

import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.RuleSet;

/** Assessments on the active rule set as of today, with their metrics: what the HTTP endpoints use. */
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
		return now().assess(patient);
	}

	/**
	 * The active snapshot and today's date, fixed: for a caller that reads the snapshot before it
	 * assesses (FHIR maps codes with its vocabularies), so that both use the same version and date.
	 *
	 * @throws org.parcours.rules.NoActiveRuleSetException when no rule set is active
	 */
	public Evaluation now() {
		return on(rules.get());
	}

	/** Today's date on {@code ruleSet}, which may be an archived version rather than the active one (reproducing a past answer). */
	public Evaluation on(RuleSet ruleSet) {
		return new Evaluation(ruleSet, LocalDate.now(clock), validator, metrics);
	}
}
