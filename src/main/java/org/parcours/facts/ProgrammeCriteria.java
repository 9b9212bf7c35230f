package org.parcours.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a programme criterion answers, written once for every programme and called from the programme
 * rule files. Each method returns the finding of one criterion: eligible when the input meets it,
 * excluded when the input is known and does not, missing (with the request field) when the input is
 * unknown; a missing input is never read as "no".
 * <p>
 * These live in Java rather than in DRL functions because some need loops, and rule files may not
 * loop: the check of compiled rules refuses any backward jump in code written in a rule file, so that
 * no rule edit can hang an evaluation. Here the loops run over lists of a known, small size (the
 * rows of a table, the markers of a patient).
 */
public final class ProgrammeCriteria {

	private ProgrammeCriteria() {
	}

	/** The input must be one of the accepted words (an admission reason, a discharge destination, ...). */
	public static ProgrammeFinding oneOf(String programme, String rule, String field, String what, String value,
			Collection<String> accepted) {
		if (value == null) {
			return ProgrammeFinding.missing(programme, rule, field);
		}
		if (accepted.contains(value)) {
			return ProgrammeFinding.eligible(programme, rule, what + ": " + value);
		}
		return ProgrammeFinding.excluded(programme, rule, what + ": " + value + ", not " + String.join(" or ", new TreeSet<>(accepted)));
	}

	/** A yes/no input that must have the wanted value; the texts say what true and false mean. */
	public static ProgrammeFinding yesNo(String programme, String rule, String field, Boolean value, boolean wanted, String whenTrue,
			String whenFalse) {
		if (value == null) {
			return ProgrammeFinding.missing(programme, rule, field);
		}
		String text = value ? whenTrue : whenFalse;
		return value == wanted ? ProgrammeFinding.eligible(programme, rule, text) : ProgrammeFinding.excluded(programme, rule, text);
	}

	/** A number within inclusive bounds from a decision table; a null bound is open. */
	public static ProgrammeFinding within(String programme, String rule, String field, String what, Integer value, Threshold min,
			Threshold max) {
		if (value == null) {
			return ProgrammeFinding.missing(programme, rule, field);
		}
		String bounds = min != null && max != null ? min.display() + " to " + max.display()
				: min != null ? "at least " + min.display() : max != null ? "at most " + max.display() : null;
		String text = what + " " + value + (bounds == null ? "" : " (" + bounds + ")");
		boolean inside = (min == null || value >= min.value()) && (max == null || value <= max.value());
		return inside ? ProgrammeFinding.eligible(programme, rule, text) : ProgrammeFinding.excluded(programme, rule, text);
	}

	/**
	 * At least a minimum number of the named markers ({@link Flag} facts). Known markers that are
	 * present decide as soon as there are enough, even if others are unknown; the criterion is excluded
	 * only when even every unknown marker turning out present would not reach the minimum; otherwise
	 * each unknown marker's input is missing (one finding per field).
	 */
	public static List<ProgrammeFinding> markers(String programme, String rule, String what, Collection<Flag> flags,
			Collection<String> names, Threshold min) {
		SortedSet<String> wanted = new TreeSet<>(names);
		List<String> present = new ArrayList<>();
		List<Flag> unknown = new ArrayList<>();
		for (String name : wanted) {
			Flag flag = flags.stream().filter(candidate -> candidate.name().equals(name)).reduce((first, last) -> last)
				.orElseThrow(() -> new IllegalStateException(rule + ": no derived fact '" + name + "' (see programmes/markers.drl)"));
			if (flag.known() && flag.value()) {
				present.add(flag.name());
			}
			else if (!flag.known()) {
				unknown.add(flag);
			}
		}
		String needed = "at least " + min.display() + " of " + String.join(", ", wanted);
		if (present.size() >= min.value()) {
			return List.of(ProgrammeFinding.eligible(programme, rule, what + ": " + String.join(", ", present) + " (" + needed + ")"));
		}
		if (present.size() + unknown.size() < min.value()) {
			return List.of(ProgrammeFinding.excluded(programme, rule,
					what + ": " + (present.isEmpty() ? "none" : String.join(", ", present)) + " (" + needed + ")"));
		}
		return unknown.stream().map(flag -> ProgrammeFinding.missing(programme, rule, flag.field())).toList();
	}

	/**
	 * A score's band must be one of the accepted bands: a validated instrument used as a criterion
	 * instead of counting markers. While the score has missing inputs it cannot decide, so each of them
	 * is missing here too (one finding per field); a computed score without a band (no band row covers
	 * its value) is an error of the rules, not a patient's answer.
	 */
	public static List<ProgrammeFinding> scoreBand(String programme, String rule, String score, Collection<String> bands,
			Collection<String> missing, Collection<String> accepted) {
		if (!missing.isEmpty()) {
			return new TreeSet<>(missing).stream().map(field -> ProgrammeFinding.missing(programme, rule, field)).toList();
		}
		String band = bands.stream().findFirst()
			.orElseThrow(() -> new IllegalStateException(rule + ": score '" + score + "' has a value but no band (see scores/bands.drl.csv)"));
		String wanted = String.join(" or ", new TreeSet<>(accepted));
		String text = score + " " + band + " (" + wanted + ")";
		return List.of(accepted.contains(band) ? ProgrammeFinding.eligible(programme, rule, text) : ProgrammeFinding.excluded(programme, rule, text));
	}
}
