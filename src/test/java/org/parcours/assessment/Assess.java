package org.parcours.assessment;

import java.time.LocalDate;

import jakarta.validation.Validation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.DefaultRules;
import org.parcours.rules.RuleSet;

/**
 * Assesses patients written as JSON (the contract's request body) against the default rules,
 * without Spring: the quickest way for a test to state a patient and check the outcome.
 */
public final class Assess {

	public static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	public static final PatientValidator VALIDATOR = new PatientValidator(Validation.buildDefaultValidatorFactory().getValidator());

	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private Assess() {
	}

	public static Patient patient(String json) {
		return JSON.readValue(json, Patient.class);
	}

	public static Assessment json(String json) {
		return patient(patient(json));
	}

	public static Assessment patient(Patient patient) {
		return on(DefaultRules.get()).assess(patient);
	}

	/** Assessments on {@code ruleSet} as of {@link #TODAY}, validated as every entry point validates. */
	public static Evaluation on(RuleSet ruleSet) {
		return Evaluation.on(ruleSet, TODAY, VALIDATOR);
	}

	public static Assessment.ProgrammeOutcome programme(Assessment assessment, String id) {
		return assessment.programmes().stream().filter(p -> p.id().equals(id)).findFirst()
			.orElseThrow(() -> new AssertionError("no programme " + id + " in " + assessment.programmes()));
	}
}
