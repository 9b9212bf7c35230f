package org.parcours.impact;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one rule set made of one roster row: the level ({@value #UNDETERMINED} when the ends of an
 * age band disagree), the computable scores by name, the status of each programme, the ids of the
 * rules that fired and whether the patient has a chronic category (for the level shares among
 * chronic patients); or, for a row it could not score, the error kind alone.
 */
record SideOutcome(String errorKind, String level, Map<String, Integer> scores, Map<String, String> programmes, Set<String> rules,
		boolean chronic) {

	static final String UNDETERMINED = "undetermined";

	static final String ERROR = "error";

	static SideOutcome error(String kind) {
		return new SideOutcome(kind, ERROR, Map.of(), Map.of(), Set.of(), false);
	}

	boolean scored() {
		return errorKind == null;
	}

	/**
	 * What the two ends of an age band agree on, as the {@code score} command keeps it: a level or
	 * score that differs is unknown, a programme status that differs is {@code insufficient-data}.
	 * Rules are those that fired at either end. Chronic status does not depend on age, so both ends
	 * agree on it; it is kept only when they do, like everything else.
	 */
	SideOutcome agreedWith(SideOutcome other, String insufficient) {
		Map<String, Integer> scores = new TreeMap<>();
		this.scores.forEach((name, value) -> {
			if (Objects.equals(value, other.scores.get(name))) {
				scores.put(name, value);
			}
		});
		Map<String, String> programmes = new TreeMap<>(this.programmes);
		programmes.replaceAll((id, status) -> status.equals(other.programmes.get(id)) ? status : insufficient);
		Set<String> rules = new HashSet<>(this.rules);
		rules.addAll(other.rules);
		return new SideOutcome(null, level.equals(other.level) ? level : UNDETERMINED, scores, programmes, rules, chronic && other.chronic);
	}
}
