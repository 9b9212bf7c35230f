package org.parcours.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.parcours.facts.ScoreValue;
import org.parcours.vocabulary.Mappings;

/**
 * Reads the facts left in working memory after the rules ran and shapes them into an
 * {@link Assessment}. It decides nothing clinical: levels, points, totals, bands and programme
 * findings all come from rules; this class only picks the highest level found and applies the
 * documented precedence of programme findings.
 */
final class OutcomeAssembler {

	/** The derived fact that says the patient is within the medication review's scope. */
	private static final String MEDICATION_REVIEW = "medication-review";

	/** STOPP before START, then by section and number as published ({@code STOPP-B3} before {@code STOPP-B13}). */
	private static final Comparator<String> CRITERION_ORDER = Comparator.<String, Boolean>comparing(id -> id.startsWith("START"))
		.thenComparing(id -> id.replaceAll("\\d+", ""))
		.thenComparingInt(id -> Integer.parseInt("0" + id.replaceAll("\\D", "")));

	private OutcomeAssembler() {
	}

	static Assessment assemble(String patientId, String rulesVersion, PatientFacts patient, Collection<Object> facts,
			List<Assessment.Warning> warnings, Mappings mappings) {
		List<Assessment.Warning> allWarnings = new ArrayList<>(warnings);
		Map<Class<?>, List<Object>> byType = new HashMap<>();
		for (Object fact : facts) {
			byType.computeIfAbsent(fact.getClass(), type -> new ArrayList<>()).add(fact);
		}
		Assessment.RiskLevel level = riskLevel(of(byType, LevelFinding.class), mappings);
		Assessment.Scores scores = new Assessment.Scores(score(ScoreName.CHARLSON, byType), score(ScoreName.LACE, byType),
				score(ScoreName.HOSPITAL, byType), score(ScoreName.ISAR, byType), score(ScoreName.SEGA_A, byType),
				score(ScoreName.HFRS, byType));
		Flag polypharmacy = of(byType, Flag.class).stream().filter(flag -> flag.name().equals("polypharmacy")).findFirst().orElse(null);
		Assessment.Derived derived = new Assessment.Derived(patient.chronicCategories().stream().sorted().toList(), patient.chronicCount(),
				patient.medicationCount(), polypharmacy == null || !polypharmacy.known() ? null : polypharmacy.value());
		List<Assessment.ProgrammeOutcome> programmes = programmes(of(byType, Programme.class), of(byType, ProgrammeFinding.class), allWarnings);
		return new Assessment(patientId, rulesVersion, level, scores, derived, programmes, medicationReview(byType), List.copyOf(allWarnings));
	}

	/** Present when the rules put the patient in the review's scope (flag {@code medication-review}). */
	private static Assessment.MedicationReview medicationReview(Map<Class<?>, List<Object>> facts) {
		boolean inScope = of(facts, Flag.class).stream().anyMatch(flag -> flag.name().equals(MEDICATION_REVIEW) && flag.known() && flag.value());
		if (!inScope) {
			return null;
		}
		List<MedicationFinding> findings = of(facts, MedicationFinding.class);
		List<Assessment.Reason> flags = findings.stream().filter(f -> f.kind() == MedicationFinding.Kind.FLAG)
			.sorted(Comparator.comparing(MedicationFinding::rule, CRITERION_ORDER).thenComparing(MedicationFinding::text))
			.map(f -> new Assessment.Reason(f.rule(), f.text())).distinct().toList();
		List<String> missing = findings.stream().filter(f -> f.kind() == MedicationFinding.Kind.MISSING).map(MedicationFinding::text)
			.distinct().sorted().toList();
		return new Assessment.MedicationReview(flags, missing);
	}

	/** The level's label is the one {@code vocabulary/kaiser-level.csv} gives it. */
	private static Assessment.RiskLevel riskLevel(List<LevelFinding> findings, Mappings mappings) {
		int level = findings.stream().mapToInt(LevelFinding::level).max()
			.orElseThrow(() -> new IllegalStateException("the rule set assigned no level; it must always assign one"));
		List<Assessment.Reason> reasons = findings.stream()
			.filter(finding -> finding.level() == level)
			.sorted(Comparator.comparing(LevelFinding::rule).thenComparing(LevelFinding::text))
			.map(finding -> new Assessment.Reason(finding.rule(), finding.text()))
			.toList();
		return new Assessment.RiskLevel(level, mappings.level(level).label(), reasons);
	}

	private static Assessment.Score score(ScoreName score, Map<Class<?>, List<Object>> facts) {
		String name = score.id();
		boolean charlson = score == ScoreName.CHARLSON;
		// Age points explain Charlson's age-adjusted value, comorbidity weights explain LACE's C item.
		String explaining = charlson ? ScoreName.CHARLSON_AGE_POINTS : score == ScoreName.LACE ? ScoreName.LACE_COMORBIDITY_WEIGHTS : null;
		List<String> missing = of(facts, ScoreMissing.class).stream()
			.filter(m -> m.score().equals(name)).map(ScoreMissing::field).distinct().sorted().toList();
		Map<String, Integer> totals = of(facts, ScoreValue.class).stream()
			.collect(Collectors.toMap(ScoreValue::score, ScoreValue::value, (a, b) -> a));
		Integer value = missing.isEmpty() ? totals.get(name) : null;
		Integer ageAdjusted = charlson && value != null ? totals.get(ScoreName.CHARLSON_AGE_ADJUSTED) : null;
		String band = of(facts, ScoreBand.class).stream().filter(b -> b.score().equals(name) && value != null)
			.map(ScoreBand::band).findFirst().orElse(null);
		List<Assessment.Reason> reasons = of(facts, ScorePoints.class).stream()
			.filter(points -> points.score().equals(name) || points.score().equals(explaining))
			.sorted(Comparator.comparing(ScorePoints::score).thenComparing(ScorePoints::item))
			.map(points -> new Assessment.Reason(points.rule(), points.text()))
			.toList();
		return new Assessment.Score(inOwnUnit(value, score), ageAdjusted, band, missing.isEmpty() ? null : missing,
				value == null ? null : reasons);
	}

	/** A total kept in units of 10^-decimals by the rules, in the score's own unit (71 tenths: 7.1). */
	private static Number inOwnUnit(Integer value, ScoreName score) {
		return value == null || score.decimals() == 0 ? value : BigDecimal.valueOf(value, score.decimals());
	}

	private static List<Assessment.ProgrammeOutcome> programmes(List<Programme> programmes, List<ProgrammeFinding> findings,
			List<Assessment.Warning> warnings) {
		Map<String, List<ProgrammeFinding>> byProgramme = findings.stream().collect(Collectors.groupingBy(ProgrammeFinding::programme));
		return programmes.stream().sorted(Comparator.comparing(Programme::id)).map(programme -> {
			List<ProgrammeFinding> own = byProgramme.getOrDefault(programme.id(), List.of()).stream()
				.sorted(Comparator.comparing(ProgrammeFinding::rule).thenComparing(ProgrammeFinding::text)).toList();
			List<ProgrammeFinding> excluded = kind(own, ProgrammeFinding.Kind.EXCLUDED);
			List<ProgrammeFinding> missing = kind(own, ProgrammeFinding.Kind.MISSING);
			List<ProgrammeFinding> eligible = kind(own, ProgrammeFinding.Kind.ELIGIBLE);
			if (!excluded.isEmpty()) {
				return outcome(programme, ProgrammeStatus.NOT_ELIGIBLE, excluded, List.of(), List.of());
			}
			if (!missing.isEmpty()) {
				Set<String> fields = missing.stream().map(ProgrammeFinding::text).collect(Collectors.toCollection(LinkedHashSet::new));
				List<ProgrammeFinding> needs = missing.stream()
					.map(f -> ProgrammeFinding.missing(f.programme(), f.rule(), f.text() + " is needed to decide"))
					.toList();
				return outcome(programme, ProgrammeStatus.INSUFFICIENT_DATA, needs, fields.stream().sorted().toList(), List.of());
			}
			if (!eligible.isEmpty()) {
				List<String> nextSteps = kind(own, ProgrammeFinding.Kind.NEXT_STEP).stream().map(ProgrammeFinding::text).distinct().toList();
				return outcome(programme, ProgrammeStatus.ELIGIBLE, eligible, List.of(), nextSteps);
			}
			warnings.add(new Assessment.Warning("programme-undecided",
					programme.id() + ": no rule reached a decision; the programme's rules need a default exclusion"));
			return outcome(programme, ProgrammeStatus.NOT_ELIGIBLE, List.of(), List.of(), List.of());
		}).toList();
	}

	private static Assessment.ProgrammeOutcome outcome(Programme programme, ProgrammeStatus status, List<ProgrammeFinding> reasons,
			List<String> missing, List<String> nextSteps) {
		return new Assessment.ProgrammeOutcome(programme.id(), programme.title(), status,
				reasons.stream().map(f -> new Assessment.Reason(f.rule(), f.text())).toList(), missing, nextSteps);
	}

	private static List<ProgrammeFinding> kind(List<ProgrammeFinding> findings, ProgrammeFinding.Kind kind) {
		return findings.stream().filter(f -> f.kind() == kind).toList();
	}

	/** The facts of one type: the fact model's types are final records, so grouping by exact class is enough. */
	@SuppressWarnings("unchecked")
	private static <T> List<T> of(Map<Class<?>, List<Object>> facts, Class<T> type) {
		return (List<T>) facts.getOrDefault(type, List.of());
	}
}
