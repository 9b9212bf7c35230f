package org.parcours.impact;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.parcours.population.TargetsReport;

/**
 * The impact of a candidate rule set on a roster, as written to JSON and drawn in HTML: both rule
 * sets, every paired count (levels, transitions, programmes, rules, groups), example row ids of each
 * change (ids only, never patient data), each side's level shares against its own population
 * targets (with an alert per target missed) and, when an outcome column was given, how well each side's
 * levels and scores separate positive rows from negative ones. New views are new components here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ImpactReport(RuleSetSide baseline, RuleSetSide candidate, List<FileChange> fileChanges, String profile, long rows,
		long blankLinesSkipped, Sides<Map<String, Long>> errorRows, Sides<Map<String, Long>> levels, List<Transition> levelTransitions,
		Map<String, ProgrammeImpact> programmes, Map<String, Sides<Long>> rules, List<Group> byAgeBandAndSex, Examples examples,
		Sides<TargetsReport> population, Outcome outcome, double seconds) {

	/** The same thing on each side. */
	record Sides<T>(T baseline, T candidate) {
	}

	/** A rule set: its version, its files, and those of its files that the other side lacks or has with other content. */
	record RuleSetSide(String version, List<String> files, List<String> differing) {
	}

	/** A file {@code added} in the candidate, {@code removed} from it, or {@code modified}. */
	record FileChange(String path, String change) {
	}

	/** How many rows went from one state (baseline) to another (candidate); unchanged pairs included. */
	record Transition(String from, String to, long count) {
	}

	record ProgrammeImpact(Sides<Map<String, Long>> statuses, List<Transition> transitions) {
	}

	/** One age band x sex: its rows, and per side its error rows, levels and programme statuses. */
	record Group(String ageBand, String sex, long rows, Sides<GroupCounts> counts) {
	}

	record GroupCounts(long errorRows, Map<String, Long> levels, Map<String, Map<String, Long>> programmes) {
	}

	/** For each changed transition, up to {@value ImpactTally#EXAMPLES} row ids, in roster order. */
	record Examples(List<Example> levels, Map<String, List<Example>> programmes) {
	}

	record Example(String from, String to, List<String> rowIds) {
	}

	/**
	 * The outcome view: which column and value mark a positive row, the rows it covers, and per side
	 * the positive rate per level (95 % Wilson interval) and the AUC of the level and of each
	 * computable score (95 % DeLong interval), with the paired candidate-minus-baseline differences,
	 * and the same rates and level AUC per age band x sex.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Outcome(String column, String positiveValue, long rows, long positives, long rowsWithoutOutcome, String rateInterval,
			String aucInterval, OutcomeSide baseline, OutcomeSide candidate, Map<String, PairedScores.Difference> aucDifference,
			List<GroupOutcome> byAgeBandAndSex) {
	}

	record OutcomeSide(Map<String, Wilson> rateByLevel, Map<String, PairedScores.Auc> auc, Map<String, List<PairedScores.RocPoint>> roc) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record GroupOutcome(String ageBand, String sex, long rows, long positives, Sides<GroupOutcomeSide> sides) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record GroupOutcomeSide(Map<String, Wilson> rateByLevel, PairedScores.Auc levelAuc) {
	}
}
