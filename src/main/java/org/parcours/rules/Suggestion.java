package org.parcours.rules;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** The known name closest to a misspelt one, so that a refusal can say "did you mean ...". */
final class Suggestion {

	private Suggestion() {
	}

	/** The closest candidate within a few edits (a typo, not a different word), or empty. */
	static Optional<String> closest(String written, Collection<String> known) {
		int allowed = Math.max(2, written.length() / 4);
		return known.stream().filter(candidate -> distance(written, candidate) <= allowed)
			.min(Comparator.comparingInt((String candidate) -> distance(written, candidate)).thenComparing(Comparator.naturalOrder()));
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}
}
