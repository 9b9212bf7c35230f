package org.parcours.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.Assessment.ProgrammeOutcome;
import org.parcours.assessment.Assessment.Reason;
import org.parcours.assessment.Assessment.Score;
import org.parcours.assessment.ProgrammeStatus;
import org.parcours.cdshooks.CdsResponse.Action;
import org.parcours.cdshooks.CdsResponse.Card;
import org.parcours.cdshooks.CdsResponse.Coding;
import org.parcours.cdshooks.CdsResponse.Source;
import org.parcours.cdshooks.CdsResponse.Suggestion;
import org.parcours.vocabulary.Mappings;

/**
 * Cards from an assessment. The indicator of the level's card is the one
 * {@code vocabulary/kaiser-level.csv} gives the level; the summary names the level, so levels with
 * the same indicator stay apart. Every card names the rule-set version as its source and every
 * reason its rule id.
 */
final class CardWriter {

	static final int MAX_SUMMARY = 139;

	static final String OVERRIDE_SYSTEM = "https://parcours.example/fhir/CodeSystem/card-override-reason";

	/** The override reasons cards offer; feedback metrics count these codes and nothing else. */
	static final List<Coding> OVERRIDE_REASONS = List.of(new Coding(OVERRIDE_SYSTEM, "already-in-place", "Coordination already in place"),
			new Coding(OVERRIDE_SYSTEM, "patient-declined", "Patient declined"),
			new Coding(OVERRIDE_SYSTEM, "not-relevant", "Not relevant for this stay"));

	private static final String CARE_ONLY = "_Supports care coordination only: the care team confirms eligibility and the patient chooses._";

	private CardWriter() {
	}

	/** encounter-start: the level and the programmes to prepare (eligible, or undecided with what would decide). */
	static List<Card> admission(Assessment assessment, Mappings mappings, String riskAssessmentJson) {
		var level = assessment.riskLevel();
		List<ProgrammeOutcome> toPrepare = assessment.programmes().stream()
			.filter(programme -> programme.status() != ProgrammeStatus.NOT_ELIGIBLE).toList();
		String summary = "Level " + level.level() + " " + level.label() + ": "
				+ (toPrepare.isEmpty() ? "no programme to prepare" : toPrepare.size() + " programme(s) to prepare");
		StringBuilder detail = new StringBuilder(levelSection(assessment));
		detail.append("\n**Programmes to prepare**\n\n");
		if (toPrepare.isEmpty()) {
			detail.append("None of this rule set's programmes applies.\n");
		}
		toPrepare.forEach(programme -> detail.append(programmeLine(programme)));
		detail.append(warnings(assessment)).append('\n').append(CARE_ONLY);
		List<Card> cards = new ArrayList<>();
		cards.add(card(summary, detail.toString(), mappings.level(level.level()).cdsIndicator(), assessment, riskAssessmentJson));
		medicationReview(assessment).ifPresent(cards::add);
		return List.copyOf(cards);
	}

	/** A card when the medication review flags something: each STOPP/START criterion with what triggered it. */
	private static Optional<Card> medicationReview(Assessment assessment) {
		Assessment.MedicationReview review = assessment.medicationReview();
		if (review == null || review.flags().isEmpty()) {
			return Optional.empty();
		}
		String detail = "**STOPP/START (version 2) findings to review**\n\n" + reasons(review.flags())
				+ (review.missing().isEmpty() ? "" : "\nOther criteria would be decided by " + code(review.missing()) + ".\n")
				+ "\n_A prompt for a medication review by the prescriber or pharmacist, not an instruction to stop or start a drug._";
		return Optional.of(card("Medication review: " + review.flags().size() + " STOPP/START finding(s) to review", detail, "info",
				assessment, null));
	}

	/** encounter-discharge: readmission scores and level, then one card per eligible programme with its next steps. */
	static List<Card> discharge(Assessment assessment, Mappings mappings, String riskAssessmentJson) {
		var level = assessment.riskLevel();
		List<ProgrammeOutcome> eligible = assessment.programmes().stream().filter(programme -> programme.status() == ProgrammeStatus.ELIGIBLE)
			.toList();
		String summary = "Readmission risk: " + brief("LACE", assessment.scores().lace()) + ", "
				+ brief("HOSPITAL", assessment.scores().hospital()) + "; level " + level.level() + "; " + eligible.size()
				+ " programme(s) eligible";
		StringBuilder detail = new StringBuilder();
		detail.append(scoreSection("LACE index", assessment.scores().lace()));
		detail.append(scoreSection("HOSPITAL score", assessment.scores().hospital()));
		detail.append(levelSection(assessment));
		List<ProgrammeOutcome> undecided = assessment.programmes().stream()
			.filter(programme -> programme.status() == ProgrammeStatus.INSUFFICIENT_DATA).toList();
		if (!undecided.isEmpty()) {
			detail.append("\n**Programmes not yet decided**\n\n");
			undecided.forEach(programme -> detail.append(programmeLine(programme)));
		}
		detail.append(warnings(assessment)).append('\n').append(CARE_ONLY);
		List<Card> cards = new ArrayList<>();
		cards.add(card(summary, detail.toString(), mappings.level(level.level()).cdsIndicator(), assessment, riskAssessmentJson));
		for (ProgrammeOutcome programme : eligible) {
			StringBuilder steps = new StringBuilder("**Next steps before discharge**\n\n");
			if (programme.nextSteps() == null || programme.nextSteps().isEmpty()) {
				steps.append("- see the programme's protocol\n");
			}
			else {
				programme.nextSteps().forEach(step -> steps.append("- ").append(step).append('\n'));
			}
			steps.append("\n**Why eligible**\n\n").append(reasons(programme.reasons())).append('\n').append(CARE_ONLY);
			cards.add(card("Eligible for " + name(programme) + ": plan the next steps before discharge", steps.toString(), "info",
					assessment, null));
		}
		medicationReview(assessment).ifPresent(cards::add);
		return List.copyOf(cards);
	}

	private static Card card(String summary, String detail, String indicator, Assessment assessment, String riskAssessmentJson) {
		List<Suggestion> suggestions = riskAssessmentJson == null ? null
				: List.of(new Suggestion("Save this risk assessment to the record", UUID.randomUUID().toString(), false,
						List.of(new Action("create", "Add the Parcours RiskAssessment (level, scores, rules) to the record", riskAssessmentJson))));
		return new Card(UUID.randomUUID().toString(), shorten(summary), detail, indicator,
				new Source("Parcours rule set " + assessment.rulesVersion(), null, null), suggestions,
				suggestions == null ? null : "any", OVERRIDE_REASONS);
	}

	static String shorten(String summary) {
		return summary.length() <= MAX_SUMMARY ? summary : summary.substring(0, MAX_SUMMARY - 1) + "…";
	}

	private static String levelSection(Assessment assessment) {
		var level = assessment.riskLevel();
		return "**Kaiser level " + level.level() + ": " + level.label() + "**\n\n" + reasons(level.reasons());
	}

	private static String scoreSection(String name, Score score) {
		if (score == null) {
			return "";
		}
		if (score.value() == null) {
			return "**" + name + ": not computed**, missing " + code(score.missing()) + "\n\n";
		}
		return "**" + name + ": " + score.value() + (score.band() == null ? "" : " (" + score.band() + ")") + "**\n\n"
				+ (score.reasons() == null ? "" : reasons(score.reasons())) + '\n';
	}

	private static String brief(String name, Score score) {
		if (score == null || score.value() == null) {
			return name + " not computed";
		}
		return name + " " + score.value() + (score.band() == null ? "" : " " + score.band());
	}

	private static String programmeLine(ProgrammeOutcome programme) {
		String line = "- " + name(programme) + " (" + programme.status() + ")";
		if (programme.missing() != null && !programme.missing().isEmpty()) {
			line += ": would be decided by " + code(programme.missing());
		}
		else if (programme.nextSteps() != null && !programme.nextSteps().isEmpty()) {
			line += ": " + String.join("; ", programme.nextSteps());
		}
		return line + '\n';
	}

	private static String name(ProgrammeOutcome programme) {
		return programme.title() == null || programme.title().isBlank() ? programme.id() : programme.title();
	}

	private static String reasons(List<Reason> reasons) {
		if (reasons == null || reasons.isEmpty()) {
			return "";
		}
		return reasons.stream().map(reason -> "- `" + reason.rule() + "` " + reason.text()).collect(Collectors.joining("\n")) + '\n';
	}

	/** Notes on how inputs were read: unknown codes counted (they are often non-clinical findings), the others said. */
	private static String warnings(Assessment assessment) {
		long unknown = assessment.warnings().stream().filter(warning -> "unknown-code".equals(warning.code())).count();
		List<String> notes = new ArrayList<>();
		if (unknown > 0) {
			notes.add(unknown + " condition code(s) are in no vocabulary of the rule set and were not counted");
		}
		assessment.warnings().stream().filter(warning -> !"unknown-code".equals(warning.code())).map(Assessment.Warning::detail)
			.forEach(notes::add);
		return notes.isEmpty() ? "" : "\n**Input notes**\n\n" + notes.stream().map(note -> "- " + note).collect(Collectors.joining("\n")) + '\n';
	}

	private static String code(List<String> fields) {
		return fields == null ? "" : fields.stream().map(field -> "`" + field + "`").collect(Collectors.joining(", "));
	}
}
