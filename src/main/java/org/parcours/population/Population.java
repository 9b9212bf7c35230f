package org.parcours.population;

import java.util.Arrays;
import java.util.Optional;

/** The rows a share is taken of: every row scored, or those with at least one chronic category. */
public enum Population {

	ALL("all", "of all rows scored"), CHRONIC("chronic", "of chronic patients");

	private final String word;

	private final String phrase;

	Population(String word, String phrase) {
		this.word = word;
		this.phrase = phrase;
	}

	public String word() {
		return word;
	}

	/** How a sentence names it: "level 3 is 4.0 % of chronic patients". */
	String phrase() {
		return phrase;
	}

	public static Optional<Population> of(String word) {
		return Arrays.stream(values()).filter(population -> population.word.equals(word)).findFirst();
	}
}
