package org.parcours.roster;

import java.util.ArrayList;
import java.util.List;

import org.parcours.facts.ScoreName;

/**
 * The columns of a scored roster: the input id, any input columns asked to be kept, level and label,
 * the scores and their bands, one status column per programme of the rule set (named by programme
 * id, so the columns follow the rules), compact reasons, warning codes and the row's error.
 */
record OutputLayout(List<String> kept, List<String> programmes) {

	static final String ID = "id";

	static final List<String> OUTCOME = List.of("level", "label", ScoreName.CHARLSON.id(), ScoreName.CHARLSON.id() + "_age_adjusted",
			ScoreName.LACE.id(), ScoreName.LACE.id() + "_band", ScoreName.HOSPITAL.id(), ScoreName.HOSPITAL.id() + "_band",
			column(ScoreName.ISAR), column(ScoreName.ISAR) + "_band", column(ScoreName.SEGA_A), column(ScoreName.SEGA_A) + "_band",
			column(ScoreName.HFRS), column(ScoreName.HFRS) + "_band");

	/** A score's column name, in the snake case of the other columns ({@code sega_a}). */
	private static String column(ScoreName score) {
		return score.id().replace('-', '_');
	}

	static final List<String> TRAILER = List.of("reasons", "warnings", "error");

	OutputLayout {
		kept = List.copyOf(kept);
		programmes = List.copyOf(programmes);
	}

	List<String> header() {
		List<String> header = new ArrayList<>(width());
		header.add(ID);
		header.addAll(kept);
		header.addAll(OUTCOME);
		header.addAll(programmes);
		header.addAll(TRAILER);
		return header;
	}

	int width() {
		return 1 + kept.size() + OUTCOME.size() + programmes.size() + TRAILER.size();
	}

	int keptStart() {
		return 1;
	}

	int level() {
		return 1 + kept.size();
	}

	int outcomeStart() {
		return level();
	}

	int programmeStart() {
		return level() + OUTCOME.size();
	}

	int reasons() {
		return programmeStart() + programmes.size();
	}

	int warnings() {
		return reasons() + 1;
	}

	int error() {
		return reasons() + 2;
	}
}
