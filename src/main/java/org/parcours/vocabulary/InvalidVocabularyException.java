package org.parcours.vocabulary;

import java.util.List;
import java.util.stream.Collectors;

/** Vocabulary files that cannot be used, with every problem found (file, line, what is wrong). */
public class InvalidVocabularyException extends RuntimeException {

	private final transient List<Problem> problems;

	InvalidVocabularyException(List<Problem> problems) {
		super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ")));
		this.problems = List.copyOf(problems);
	}

	public List<Problem> problems() {
		return problems;
	}

	/** One mistake in a vocabulary file; line 0 when it is not tied to a line. */
	public record Problem(String file, int line, String message) {

		@Override
		public String toString() {
			return file + (line > 0 ? ":" + line : "") + ": " + message;
		}
	}
}
