package org.parcours.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.parcours.facts.Flag;
import org.parcours.facts.LevelFinding;
import org.parcours.facts.MedicationFinding;
import org.parcours.facts.MedicationFindings;
import org.parcours.facts.Programme;
import org.parcours.facts.ProgrammeFinding;
import org.parcours.facts.ProgrammeFindings;
import org.parcours.facts.ScoreBand;
import org.parcours.facts.ScoreItems;
import org.parcours.facts.ScoreMissing;
import org.parcours.facts.ScorePoints;
import org.parcours.facts.ScoreValue;
import org.parcours.rules.ConstantFacts;
import org.parcours.rules.EvaluatedFacts;

/**
 * The facts an answer is made of, taken from working memory in one pass. About half of what an
 * evaluation returns are the rule set's constants (thresholds, settings, criteria, targets), which no
 * answer reads; they fall through the type tests. Each list keeps the order of working memory, so
 * that "the first" of a kind and the order of equal sort keys stay what they always were.
 */
final class AnswerFacts {

	final List<LevelFinding> levels = new ArrayList<>(8);

	final List<ScorePoints> points = new ArrayList<>(32);

	final List<ScoreValue> values = new ArrayList<>(8);

	final List<ScoreBand> bands = new ArrayList<>(8);

	final List<ScoreMissing> missing = new ArrayList<>(8);

	final List<Programme> programmes = new ArrayList<>(8);

	final List<ProgrammeFinding> programmeFindings = new ArrayList<>(32);

	final List<MedicationFinding> medicationFindings = new ArrayList<>(8);

	final List<Flag> flags = new ArrayList<>(16);

	/**
	 * The answer's facts of one evaluation. On a reused working memory the rule set's constant facts
	 * (about 300, the same in every evaluation) were picked over once per rule set: only what the
	 * evaluation inserted is read here, and the lists are put together in working-memory order.
	 */
	static AnswerFacts of(Collection<Object> facts) {
		AnswerFacts found = new AnswerFacts();
		if (facts instanceof EvaluatedFacts evaluated) {
			OfConstants constants = evaluated.constants().view(OfConstants.class, OfConstants::new);
			found.addAll(constants.before);
			found.pick(evaluated.inserted());
			found.addAll(constants.after);
		}
		else {
			found.pick(facts);
		}
		return found;
	}

	/** The answer's facts among a rule set's constant facts, either side of an evaluation's own. */
	private static final class OfConstants {

		final AnswerFacts before = new AnswerFacts();

		final AnswerFacts after = new AnswerFacts();

		OfConstants(ConstantFacts constants) {
			before.pick(constants.before());
			after.pick(constants.after());
		}
	}

	private AnswerFacts() {
	}

	private void pick(Collection<Object> facts) {
		// The fact model's types are final records, so a type test is an exact-class test.
		for (Object fact : facts) {
			if (fact instanceof ScorePoints p) {
				points.add(p);
			}
			else if (fact instanceof ScoreItems p) {
				points.addAll(p.points());
			}
			else if (fact instanceof ProgrammeFinding f) {
				programmeFindings.add(f);
			}
			else if (fact instanceof ProgrammeFindings f) {
				programmeFindings.addAll(f.findings());
			}
			else if (fact instanceof Flag f) {
				flags.add(f);
			}
			else if (fact instanceof LevelFinding f) {
				levels.add(f);
			}
			else if (fact instanceof ScoreValue v) {
				values.add(v);
			}
			else if (fact instanceof ScoreBand b) {
				bands.add(b);
			}
			else if (fact instanceof ScoreMissing m) {
				missing.add(m);
			}
			else if (fact instanceof MedicationFinding f) {
				medicationFindings.add(f);
			}
			else if (fact instanceof MedicationFindings f) {
				medicationFindings.addAll(f.findings());
			}
			else if (fact instanceof Programme p) {
				programmes.add(p);
			}
		}
	}

	private void addAll(AnswerFacts other) {
		levels.addAll(other.levels);
		points.addAll(other.points);
		values.addAll(other.values);
		bands.addAll(other.bands);
		missing.addAll(other.missing);
		programmes.addAll(other.programmes);
		programmeFindings.addAll(other.programmeFindings);
		medicationFindings.addAll(other.medicationFindings);
		flags.addAll(other.flags);
	}

	/** The first flag of that name in working memory, or {@code null}. */
	Flag flag(String name) {
		for (Flag flag : flags) {
			if (flag.name().equals(name)) {
				return flag;
			}
		}
		return null;
	}

	/** The first total the rules inserted for that score, or {@code null}. */
	Integer value(String score) {
		for (ScoreValue value : values) {
			if (value.score().equals(score)) {
				return value.value();
			}
		}
		return null;
	}
}
