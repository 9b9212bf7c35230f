package org.parcours.assessment;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer for one patient, shaped exactly as the HTTP contract: level with reasons, scores,
 * derived facts, one outcome per programme of the rule set, the medication review (STOPP/START; {@code null}
 * when the patient is outside its scope, under 65), warnings, and the rule-set version
 * that produced all of it.
 */
public record Assessment(String patientId, String rulesVersion, RiskLevel riskLevel, Scores scores, Derived derived,
		List<ProgrammeOutcome> programmes, MedicationReview medicationReview, List<Warning> warnings) {

	/** A rule that fired and a sentence naming the values it used. */
	public record Reason(String rule, String text) {
	}

	public record RiskLevel(int level, String label, List<Reason> reasons) {
	}

	public record Scores(Score charlson, Score lace, Score hospital, Score isar, Score segaA, Score hfrs) {
	}

	/**
	 * A score's value ({@code null} when an input is missing, listed in {@code missing}), its band
	 * where the score has bands, the age-adjusted value for Charlson, and the points behind it.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Score(@JsonInclude(JsonInclude.Include.ALWAYS) Number value, Integer ageAdjusted, String band,
			List<String> missing, List<Reason> reasons) {
	}

	public record Derived(List<String> chronicCategories, int chronicCount, Integer medicationCount, Boolean polypharmacy) {
	}

	public record ProgrammeOutcome(String id, String title, ProgrammeStatus status, List<Reason> reasons, List<String> missing,
			List<String> nextSteps) {
	}

	/**
	 * Every STOPP/START criterion that applies ({@code rule} = its published id, {@code text} naming the
	 * drug, the condition and the value that triggered it), and the request fields that would decide
	 * criteria that could apply.
	 */
	public record MedicationReview(List<Reason> flags, List<String> missing) {
	}

	public record Warning(String code, String detail) {
	}
}
