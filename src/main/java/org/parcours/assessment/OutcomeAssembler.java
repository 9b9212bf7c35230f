package org.parcours.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.parcours.facts.Flag;
import org.parcours.facts.LevelFinding;
import org.parcours.facts.MedicationFinding;
import org.parcours.facts.PatientFacts;
import org.parcours.facts.Programme;
import org.parcours.facts.ProgrammeFinding;
import org.parcours.facts.ScoreBand;
import org.parcours.facts.ScoreMissing;
import org.parcours.facts.ScoreName;
import org.parcours.facts.ScorePoints;
import org.parcours.vocabulary.Mappings;

/**
 * Reads the facts left in working memory after the rules ran and shapes them into an
 * {@link Assessment}. It decides nothing clinical: levels, points, totals, bands and programme
 * findings all come from rules; this class only picks the highest level found and applies the
 * documented precedence of programme findings.
 * <p>
 * It runs once per assessment, so it reads working memory once ({@link AnswerFacts}) and sorts only
 * what an answer reports, once. Every sort is stable: findings with equal keys keep working memory's
 * order, as they always have.
 */
final class OutcomeAssembler {

	/** The derived fact that says the patient is within the medication review's scope. */
	private static final String MEDICATION_REVIEW = "medication-review";

	private static final Comparator<LevelFinding> LEVEL_ORDER = (a, b) -> {
		int order = a.rule().compareTo(b.rule());
		return order != 0 ? order : a.text().compareTo(b.text());
	};

	private static final Comparator<ScorePoints> POINTS_ORDER = (a, b) -> {
		int order = a.score().compareTo(b.score());
		return order != 0 ? order : a.item().compareTo(b.item());
	};

	private static final Comparator<Programme> PROGRAMME_ORDER = Comparator.comparing(Programme::id);

	private static final Comparator<ProgrammeFinding> PROGRAMME_FINDING_ORDER = (a, b) -> {
		int order = a.rule().compareTo(b.rule());
		return order != 0 ? order : a.text().compareTo(b.text());
	};

	private OutcomeAssembler() {
	}

	static Assessment assemble(String patientId, String rulesVersion, PatientFacts patient, Collection<Object> facts,
			List<Assessment.Warning> warnings, Mappings mappings) {
		AnswerFacts found = AnswerFacts.of(facts);
		List<Assessment.Warning> allWarnings = new ArrayList<>(warnings.size() + 4);
		allWarnings.addAll(warnings);
		Assessment.RiskLevel level = riskLevel(found.levels, mappings);
		// Sorted once for all scores: a score's reasons are this order's subsequence of its points.
		found.points.sort(POINTS_ORDER);
		Assessment.Scores scores = new Assessment.Scores(score(ScoreName.CHARLSON, found), score(ScoreName.LACE, found),
				score(ScoreName.HOSPITAL, found), score(ScoreName.ISAR, found), score(ScoreName.SEGA_A, found),
				score(ScoreName.HFRS, found));
		Flag polypharmacy = found.flag("polypharmacy");
		Assessment.Derived derived = new Assessment.Derived(sorted(patient.chronicCategories()), patient.chronicCount(),
				patient.medicationCount(), polypharmacy == null || !polypharmacy.known() ? null : polypharmacy.value());
		List<Assessment.ProgrammeOutcome> programmes = programmes(found.programmes, found.programmeFindings, allWarnings);
		return new Assessment(patientId, rulesVersion, level, scores, derived, programmes, medicationReview(found), List.copyOf(allWarnings));
	}

	/** Present when the rules put the patient in the review's scope (flag {@code medication-review}). */
	private static Assessment.MedicationReview medicationReview(AnswerFacts found) {
		if (!inReviewScope(found.flags)) {
			return null;
		}
		List<KeyedFlag> flags = new ArrayList<>(found.medicationFindings.size());
		Set<String> missing = new TreeSet<>();
		for (MedicationFinding finding : found.medicationFindings) {
			if (finding.kind() == MedicationFinding.Kind.FLAG) {
				flags.add(new KeyedFlag(CriterionKey.of(finding.rule()), finding));
			}
			else if (finding.kind() == MedicationFinding.Kind.MISSING) {
				missing.add(finding.text());
			}
		}
		flags.sort(null);
		// The same criterion can flag the same sentence twice (two drugs of one class): said once.
		Set<Assessment.Reason> reasons = new LinkedHashSet<>();
		for (KeyedFlag flag : flags) {
			reasons.add(new Assessment.Reason(flag.finding().rule(), flag.finding().text()));
		}
		return new Assessment.MedicationReview(List.copyOf(reasons), List.copyOf(missing));
	}

	private static boolean inReviewScope(List<Flag> flags) {
		for (Flag flag : flags) {
			if (flag.name().equals(MEDICATION_REVIEW) && flag.known() && flag.value()) {
				return true;
			}
		}
		return false;
	}

	/** A medication flag with its criterion's sort key, so that the key is computed once per finding. */
	private record KeyedFlag(CriterionKey key, MedicationFinding finding) implements Comparable<KeyedFlag> {

		@Override
		public int compareTo(KeyedFlag other) {
			int order = key.compareTo(other.key);
			return order != 0 ? order : finding.text().compareTo(other.finding.text());
		}
	}

	/** The level's label is the one {@code vocabulary/kaiser-level.csv} gives it. */
	private static Assessment.RiskLevel riskLevel(List<LevelFinding> findings, Mappings mappings) {
		if (findings.isEmpty()) {
			throw new IllegalStateException("the rule set assigned no level; it must always assign one");
		}
		int level = Integer.MIN_VALUE;
		for (LevelFinding finding : findings) {
			level = Math.max(level, finding.level());
		}
		List<LevelFinding> highest = new ArrayList<>(findings.size());
		for (LevelFinding finding : findings) {
			if (finding.level() == level) {
				highest.add(finding);
			}
		}
		highest.sort(LEVEL_ORDER);
		List<Assessment.Reason> reasons = new ArrayList<>(highest.size());
		for (LevelFinding finding : highest) {
			reasons.add(new Assessment.Reason(finding.rule(), finding.text()));
		}
		return new Assessment.RiskLevel(level, mappings.level(level).label(), Collections.unmodifiableList(reasons));
	}

	/** {@code found.points} must be sorted by {@link #POINTS_ORDER}. */
	private static Assessment.Score score(ScoreName score, AnswerFacts found) {
		String name = score.id();
		boolean charlson = score == ScoreName.CHARLSON;
		List<String> missing = missingFields(name, found.missing);
		Integer value = missing == null ? found.value(name) : null;
		if (value == null) {
			return new Assessment.Score(null, null, null, missing, null);
		}
		Integer ageAdjusted = charlson ? found.value(ScoreName.CHARLSON_AGE_ADJUSTED) : null;
		// Age points explain Charlson's age-adjusted value, comorbidity weights explain LACE's C item.
		String explaining = charlson ? ScoreName.CHARLSON_AGE_POINTS : score == ScoreName.LACE ? ScoreName.LACE_COMORBIDITY_WEIGHTS : null;
		List<Assessment.Reason> reasons = new ArrayList<>();
		for (ScorePoints points : found.points) {
			if (points.score().equals(name) || points.score().equals(explaining)) {
				reasons.add(new Assessment.Reason(points.rule(), points.text()));
			}
		}
		return new Assessment.Score(inOwnUnit(value, score), ageAdjusted, band(name, found.bands), null, Collections.unmodifiableList(reasons));
	}

	/** The inputs the score lacks, sorted and each once; {@code null} when it lacks none. */
	private static List<String> missingFields(String score, List<ScoreMissing> missing) {
		Set<String> fields = null;
		for (ScoreMissing field : missing) {
			if (field.score().equals(score)) {
				if (fields == null) {
					fields = new TreeSet<>();
				}
				fields.add(field.field());
			}
		}
		return fields == null ? null : List.copyOf(fields);
	}

	/** The first band the rules set for the score, or {@code null}. */
	private static String band(String score, List<ScoreBand> bands) {
		for (ScoreBand band : bands) {
			if (band.score().equals(score)) {
				return band.band();
			}
		}
		return null;
	}

	/** A total kept in units of 10^-decimals by the rules, in the score's own unit (71 tenths: 7.1). */
	private static Number inOwnUnit(Integer value, ScoreName score) {
		return value == null || score.decimals() == 0 ? value : BigDecimal.valueOf(value, score.decimals());
	}

	private static List<Assessment.ProgrammeOutcome> programmes(List<Programme> programmes, List<ProgrammeFinding> findings,
			List<Assessment.Warning> warnings) {
		// A rule set has about twenty programmes and a hundred or more findings, most of which the
		// status makes irrelevant (next steps of a programme that is not eligible, missing inputs of one
		// that is excluded): findings are grouped unsorted, and only the group an outcome reports is sorted.
		Map<String, ProgrammeFindings> byProgramme = new HashMap<>(2 * programmes.size());
		for (ProgrammeFinding finding : findings) {
			byProgramme.computeIfAbsent(finding.programme(), id -> new ProgrammeFindings()).add(finding);
		}
		List<Programme> byId = new ArrayList<>(programmes);
		byId.sort(PROGRAMME_ORDER);
		List<Assessment.ProgrammeOutcome> outcomes = new ArrayList<>(byId.size());
		for (Programme programme : byId) {
			ProgrammeFindings own = byProgramme.get(programme.id());
			outcomes.add(outcome(programme, own == null ? new ProgrammeFindings() : own, warnings));
		}
		return Collections.unmodifiableList(outcomes);
	}

	/**
	 * Any exclusion wins, then any missing input, then any eligibility; with none, a warning. The
	 * findings reported are sorted by rule and text.
	 */
	private static Assessment.ProgrammeOutcome outcome(Programme programme, ProgrammeFindings own, List<Assessment.Warning> warnings) {
		if (!own.excluded.isEmpty()) {
			return outcome(programme, ProgrammeStatus.NOT_ELIGIBLE, reasons(sortedByRule(own.excluded), ""), List.of(), List.of());
		}
		if (!own.missing.isEmpty()) {
			Set<String> fields = new TreeSet<>();
			for (ProgrammeFinding finding : own.missing) {
				fields.add(finding.text());
			}
			return outcome(programme, ProgrammeStatus.INSUFFICIENT_DATA, reasons(sortedByRule(own.missing), " is needed to decide"),
					List.copyOf(fields), List.of());
		}
		if (!own.eligible.isEmpty()) {
			Set<String> nextSteps = new LinkedHashSet<>();
			for (ProgrammeFinding finding : sortedByRule(own.nextSteps)) {
				nextSteps.add(finding.text());
			}
			return outcome(programme, ProgrammeStatus.ELIGIBLE, reasons(sortedByRule(own.eligible), ""), List.of(), List.copyOf(nextSteps));
		}
		warnings.add(new Assessment.Warning("programme-undecided",
				programme.id() + ": no rule reached a decision; the programme's rules need a default exclusion"));
		return outcome(programme, ProgrammeStatus.NOT_ELIGIBLE, List.of(), List.of(), List.of());
	}

	private static List<ProgrammeFinding> sortedByRule(List<ProgrammeFinding> findings) {
		findings.sort(PROGRAMME_FINDING_ORDER);
		return findings;
	}

	private static Assessment.ProgrammeOutcome outcome(Programme programme, ProgrammeStatus status, List<Assessment.Reason> reasons,
			List<String> missing, List<String> nextSteps) {
		return new Assessment.ProgrammeOutcome(programme.id(), programme.title(), status, reasons, missing, nextSteps);
	}

	/** Each finding as a reason, its text followed by {@code suffix}. */
	private static List<Assessment.Reason> reasons(List<ProgrammeFinding> findings, String suffix) {
		List<Assessment.Reason> reasons = new ArrayList<>(findings.size());
		for (ProgrammeFinding finding : findings) {
			reasons.add(new Assessment.Reason(finding.rule(), suffix.isEmpty() ? finding.text() : finding.text() + suffix));
		}
		return Collections.unmodifiableList(reasons);
	}

	/** One programme's findings by kind, each kind in working memory's order until it is sorted. */
	private static final class ProgrammeFindings {

		final List<ProgrammeFinding> excluded = new ArrayList<>(4);

		final List<ProgrammeFinding> missing = new ArrayList<>(4);

		final List<ProgrammeFinding> eligible = new ArrayList<>(4);

		final List<ProgrammeFinding> nextSteps = new ArrayList<>(4);

		void add(ProgrammeFinding finding) {
			switch (finding.kind()) {
				case EXCLUDED -> excluded.add(finding);
				case MISSING -> missing.add(finding);
				case ELIGIBLE -> eligible.add(finding);
				case NEXT_STEP -> nextSteps.add(finding);
			}
		}
	}

	/** The patient's set has no order of its own; the answer lists it alphabetically. */
	private static List<String> sorted(Set<String> values) {
		String[] sorted = values.toArray(new String[0]);
		Arrays.sort(sorted);
		return List.of(sorted);
	}
}
