package org.parcours.impact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.parcours.assessment.ProgrammeStatus;
import org.parcours.facts.ScoreName;
import org.parcours.population.LevelShares;
import org.parcours.population.ShareBound;
import org.parcours.population.TargetsReport;

/**
 * Counts what a comparison found, one {@link RowPair} at a time, on the single consuming thread:
 * nothing of a row is kept but counts and, for each changed transition, the first
 * {@value #EXAMPLES} row ids. Its size depends on the rule sets (levels, programmes, rules, score
 * values) and on the groups, never on the length of the roster.
 */
final class ImpactTally {

	static final int EXAMPLES = 20;

	/** A programme that one side does not declare. */
	static final String ABSENT = "absent";

	static final List<String> PREDICTORS = List.of("level", ScoreName.CHARLSON.id(), SideScorer.CHARLSON_AGE_ADJUSTED,
			ScoreName.LACE.id(), ScoreName.HOSPITAL.id());

	/** Levels in reading order: 1, 2, 3, then the words. */
	static final Comparator<String> LEVEL_ORDER = Comparator.comparing((String level) -> !level.chars().allMatch(Character::isDigit))
		.thenComparing(level -> level.chars().allMatch(Character::isDigit) ? String.format("%09d", Long.parseLong(level)) : level);

	/** Age bands by their first year, {@code unknown} last. */
	static final Comparator<String> BAND_ORDER = Comparator.comparing((String band) -> band.equals("unknown"))
		.thenComparing(band -> band.equals("unknown") ? 0 : Integer.parseInt(band.substring(0, band.indexOf('-'))));

	private final OutcomeSpec outcome;

	private long rows;

	private final Side baseline = new Side();

	private final Side candidate = new Side();

	private final LevelShares baselineShares = new LevelShares();

	private final LevelShares candidateShares = new LevelShares();

	private final Map<String, Map<String, Long>> levelTransitions = new HashMap<>();

	private final Map<String, Map<String, Map<String, Long>>> programmeTransitions = new TreeMap<>();

	private final Map<String, List<String>> levelExamples = new LinkedHashMap<>();

	private final Map<String, Map<String, List<String>>> programmeExamples = new TreeMap<>();

	private final Map<String, Map<String, Group>> groups = new TreeMap<>(BAND_ORDER);

	private long outcomeRows;

	private long positives;

	private long rowsWithoutOutcome;

	private final Map<String, PairedScores> predictors = new LinkedHashMap<>();

	ImpactTally(OutcomeSpec outcome) {
		this.outcome = outcome;
		PREDICTORS.forEach(name -> predictors.put(name, new PairedScores()));
	}

	void add(RowPair pair) {
		rows++;
		SideOutcome b = pair.baseline();
		SideOutcome c = pair.candidate();
		baseline.add(b);
		candidate.add(c);
		share(baselineShares, b);
		share(candidateShares, c);
		count(levelTransitions, b.level(), c.level());
		if (!b.level().equals(c.level())) {
			example(levelExamples, b.level() + "\u0000" + c.level(), pair.id());
		}
		Set<String> ids = new TreeSet<>(b.programmes().keySet());
		ids.addAll(c.programmes().keySet());
		for (String id : ids) {
			String from = status(b, id);
			String to = status(c, id);
			count(programmeTransitions.computeIfAbsent(id, k -> new HashMap<>()), from, to);
			if (!from.equals(to)) {
				example(programmeExamples.computeIfAbsent(id, k -> new LinkedHashMap<>()), from + "\u0000" + to, pair.id());
			}
		}
		Group group = groups.computeIfAbsent(pair.ageBand(), k -> new TreeMap<>()).computeIfAbsent(pair.sex(), k -> new Group());
		group.add(pair);
		if (outcome != null) {
			if (pair.positive() == null) {
				rowsWithoutOutcome++;
				return;
			}
			outcomeRows++;
			if (pair.positive()) {
				positives++;
			}
			baseline.outcome(b, pair.positive());
			candidate.outcome(c, pair.positive());
			predictors.forEach((name, scores) -> scores.add(value(b, name), value(c, name), pair.positive()));
		}
	}

	ImpactReport report(ImpactReport.RuleSetSide baselineRules, ImpactReport.RuleSetSide candidateRules,
			List<ImpactReport.FileChange> fileChanges, ImpactReport.Sides<List<ShareBound>> targets, String profile, long blankLines,
			double seconds) {
		Map<String, ImpactReport.ProgrammeImpact> programmes = new TreeMap<>();
		programmeTransitions.forEach((id, transitions) -> programmes.put(id, new ImpactReport.ProgrammeImpact(
				new ImpactReport.Sides<>(sorted(baseline.programmes.getOrDefault(id, Map.of()), Comparator.naturalOrder()),
						sorted(candidate.programmes.getOrDefault(id, Map.of()), Comparator.naturalOrder())),
				transitions(transitions, statusWords(), Comparator.naturalOrder()))));
		Set<String> ruleIds = new TreeSet<>(baseline.rules.keySet());
		ruleIds.addAll(candidate.rules.keySet());
		Map<String, ImpactReport.Sides<Long>> rules = new LinkedHashMap<>();
		ruleIds.forEach(rule -> rules.put(rule, new ImpactReport.Sides<>(baseline.rules.getOrDefault(rule, 0L),
				candidate.rules.getOrDefault(rule, 0L))));
		List<ImpactReport.Group> byGroup = new ArrayList<>();
		groups.forEach((band, bySex) -> bySex.forEach((sex, group) -> byGroup.add(new ImpactReport.Group(band, sex, group.rows,
				new ImpactReport.Sides<>(group.baseline.counts(), group.candidate.counts())))));
		Map<String, List<ImpactReport.Example>> programmeExampleLists = new TreeMap<>();
		programmeExamples.forEach((id, examples) -> programmeExampleLists.put(id, examples(examples)));
		return new ImpactReport(baselineRules, candidateRules, fileChanges, profile, rows, blankLines,
				new ImpactReport.Sides<>(new TreeMap<>(baseline.errorKinds), new TreeMap<>(candidate.errorKinds)),
				new ImpactReport.Sides<>(sorted(baseline.levels, LEVEL_ORDER), sorted(candidate.levels, LEVEL_ORDER)),
				transitions(levelTransitions, List.of("1", "2", "3"), LEVEL_ORDER), programmes, rules, byGroup,
				new ImpactReport.Examples(examples(levelExamples), programmeExampleLists),
				new ImpactReport.Sides<>(TargetsReport.of(baselineShares, targets.baseline()), TargetsReport.of(candidateShares, targets.candidate())),
				outcome(), Math.round(seconds * 1000) / 1000.0);
	}

	private ImpactReport.Outcome outcome() {
		if (outcome == null) {
			return null;
		}
		Map<String, PairedScores.Difference> differences = new LinkedHashMap<>();
		predictors.forEach((name, scores) -> {
			PairedScores.Difference difference = scores.difference();
			if (difference != null) {
				differences.put(name, difference);
			}
		});
		List<ImpactReport.GroupOutcome> byGroup = new ArrayList<>();
		groups.forEach((band, bySex) -> bySex.forEach((sex, group) -> {
			if (group.outcomeRows > 0) {
				byGroup.add(new ImpactReport.GroupOutcome(band, sex, group.outcomeRows, group.positives, new ImpactReport.Sides<>(
						new ImpactReport.GroupOutcomeSide(rates(group.baseline.outcomeByLevel), group.level.auc(false)),
						new ImpactReport.GroupOutcomeSide(rates(group.candidate.outcomeByLevel), group.level.auc(true)))));
			}
		}));
		return new ImpactReport.Outcome(outcome.column(), outcome.positiveValue(), outcomeRows, positives, rowsWithoutOutcome,
				"Wilson score, 95 %", "DeLong, 95 %", outcomeSide(false), outcomeSide(true), differences, byGroup);
	}

	private ImpactReport.OutcomeSide outcomeSide(boolean candidateSide) {
		Map<String, PairedScores.Auc> auc = new LinkedHashMap<>();
		Map<String, List<PairedScores.RocPoint>> roc = new LinkedHashMap<>();
		predictors.forEach((name, scores) -> {
			PairedScores.Auc value = scores.auc(candidateSide);
			if (value != null) {
				auc.put(name, value);
				roc.put(name, scores.roc(candidateSide));
			}
		});
		return new ImpactReport.OutcomeSide(rates((candidateSide ? candidate : baseline).outcomeByLevel), auc, roc);
	}

	private static Map<String, Wilson> rates(Map<String, long[]> byLevel) {
		Map<String, Wilson> rates = new TreeMap<>(LEVEL_ORDER);
		byLevel.forEach((level, count) -> rates.put(level, Wilson.of(count[1], count[0])));
		return rates;
	}

	/** A scored row counts in the level shares as the {@code score} command counts it; a row in error does not. */
	private static void share(LevelShares shares, SideOutcome side) {
		if (side.scored()) {
			shares.add(numeric(side.level()) ? Integer.valueOf(side.level()) : null, side.chronic());
		}
	}

	private static boolean numeric(String level) {
		return level.chars().allMatch(Character::isDigit);
	}

	private static Integer value(SideOutcome side, String predictor) {
		if (!side.scored()) {
			return null;
		}
		if (predictor.equals("level")) {
			return numeric(side.level()) ? Integer.valueOf(side.level()) : null;
		}
		return side.scores().get(predictor);
	}

	private static String status(SideOutcome side, String programme) {
		return side.scored() ? side.programmes().getOrDefault(programme, ABSENT) : SideOutcome.ERROR;
	}

	private static List<String> statusWords() {
		return List.of(ProgrammeStatus.ELIGIBLE.word(), ProgrammeStatus.NOT_ELIGIBLE.word(), ProgrammeStatus.INSUFFICIENT_DATA.word());
	}

	private static void count(Map<String, Map<String, Long>> transitions, String from, String to) {
		transitions.computeIfAbsent(from, k -> new HashMap<>()).merge(to, 1L, Long::sum);
	}

	private static void example(Map<String, List<String>> examples, String key, String id) {
		List<String> ids = examples.computeIfAbsent(key, k -> new ArrayList<>());
		if (ids.size() < EXAMPLES) {
			ids.add(id);
		}
	}

	private static List<ImpactReport.Example> examples(Map<String, List<String>> examples) {
		List<ImpactReport.Example> list = new ArrayList<>();
		examples.forEach((key, ids) -> {
			int cut = key.indexOf('\u0000');
			list.add(new ImpactReport.Example(key.substring(0, cut), key.substring(cut + 1), List.copyOf(ids)));
		});
		return list;
	}

	/** Every pair of the states given and those met on either side, unchanged pairs included, zero counts too. */
	private static List<ImpactReport.Transition> transitions(Map<String, Map<String, Long>> counts, List<String> always,
			Comparator<String> order) {
		Set<String> states = new TreeSet<>(order);
		states.addAll(always);
		counts.forEach((from, tos) -> {
			states.add(from);
			states.addAll(tos.keySet());
		});
		List<ImpactReport.Transition> list = new ArrayList<>();
		for (String from : states) {
			for (String to : states) {
				list.add(new ImpactReport.Transition(from, to, counts.getOrDefault(from, Map.of()).getOrDefault(to, 0L)));
			}
		}
		return list;
	}

	private static <V> Map<String, V> sorted(Map<String, V> map, Comparator<String> order) {
		Map<String, V> sorted = new TreeMap<>(order);
		sorted.putAll(map);
		return sorted;
	}

	/** One side's counts over all rows, or over one group. */
	private static final class Side {

		long errors;

		final Map<String, Long> errorKinds = new HashMap<>();

		final Map<String, Long> levels = new HashMap<>();

		final Map<String, Map<String, Long>> programmes = new TreeMap<>();

		final Map<String, Long> rules = new HashMap<>();

		final Map<String, long[]> outcomeByLevel = new HashMap<>();

		void add(SideOutcome side) {
			if (!side.scored()) {
				errors++;
				errorKinds.merge(side.errorKind(), 1L, Long::sum);
				return;
			}
			levels.merge(side.level(), 1L, Long::sum);
			side.programmes().forEach((id, status) -> programmes.computeIfAbsent(id, k -> new TreeMap<>()).merge(status, 1L, Long::sum));
			side.rules().forEach(rule -> rules.merge(rule, 1L, Long::sum));
		}

		void outcome(SideOutcome side, boolean positive) {
			if (side.scored()) {
				long[] count = outcomeByLevel.computeIfAbsent(side.level(), k -> new long[2]);
				count[0]++;
				if (positive) {
					count[1]++;
				}
			}
		}

		ImpactReport.GroupCounts counts() {
			return new ImpactReport.GroupCounts(errors, sorted(levels, LEVEL_ORDER), programmes);
		}
	}

	/** One age band x sex: both sides' counts and, with an outcome, its rates and the level's AUC. */
	private static final class Group {

		long rows;

		long outcomeRows;

		long positives;

		final Side baseline = new Side();

		final Side candidate = new Side();

		final PairedScores level = new PairedScores();

		void add(RowPair pair) {
			rows++;
			baseline.add(pair.baseline());
			candidate.add(pair.candidate());
			if (pair.positive() != null) {
				outcomeRows++;
				if (pair.positive()) {
					positives++;
				}
				baseline.outcome(pair.baseline(), pair.positive());
				candidate.outcome(pair.candidate(), pair.positive());
				level.add(value(pair.baseline(), "level"), value(pair.candidate(), "level"), pair.positive());
			}
		}
	}
}
