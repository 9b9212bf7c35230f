package org.parcours.rules;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What the cells of one decision-table column may hold, declared at the end of the column's heading
 * between square brackets ({@code value [whole number]}). Every cell is checked against it before the
 * table becomes rules, so a cell can only ever be a plain value: a number, a word from a known list,
 * a region code or a line of text, never code.
 */
record CellType(String declaration, String expected, Pattern form, Set<String> words) {

	private static final Pattern WHOLE = Pattern.compile("\\d{1,9}");

	private static final Pattern DECIMAL = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");

	private static final Pattern WORD = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern REGION = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

	private static final Pattern NUMBER_WITH_DECIMALS = Pattern.compile("-?\\d+[.,]\\d+");

	/** The types a heading may declare, for messages. */
	static final String DECLARABLE = "[whole number], [decimal], [text], [region code], [word], [one of: a/b/...] or the name of a "
			+ "list: a request field such as [stay.reason], [chronic category], [charlson category], [marker], [score], [drug class], "
			+ "[medication condition]";

	/** The type a heading declares, or empty when the declaration names no type {@link KnownValues} knows. */
	static Optional<CellType> of(String declaration, KnownValues known) {
		String type = declaration.strip();
		switch (type) {
			case "whole number":
				return Optional.of(new CellType(type, "a whole number in digits, such as 5", WHOLE, null));
			case "decimal":
				return Optional.of(new CellType(type, "a number in digits, with a dot for decimals, such as 12.5", DECIMAL, null));
			case "text":
				return Optional.of(new CellType(type, "a line of text without double quotes or backslashes", null, null));
			case "region code":
				return Optional.of(new CellType(type, "an ISO 3166 code in capitals, such as CH-GE or CH", REGION, null));
			case "word":
				return Optional.of(new CellType(type, "one word in lower case, words joined by hyphens, such as high", WORD, null));
			default:
				break;
		}
		if (type.startsWith("one of:")) {
			Set<String> words = new TreeSet<>();
			for (String word : type.substring("one of:".length()).split("/")) {
				if (!word.isBlank()) {
					words.add(word.strip());
				}
			}
			return words.isEmpty() ? Optional.empty() : Optional.of(new CellType(type, "one of " + String.join(", ", words), null, words));
		}
		return known.list(type).map(words -> new CellType(type, "one of " + String.join(", ", words), null, words));
	}

	/**
	 * Why the cell does not hold a value of this type, as a sentence for the person who wrote it; empty
	 * when it does. Empty cells are always allowed: the rule engine skips them (an open bound, a row
	 * without that condition).
	 */
	Optional<String> refuse(String cell) {
		if (cell.isEmpty()) {
			return Optional.empty();
		}
		String quoted = "'" + cell + "'";
		if (words != null) {
			return words.contains(cell) ? Optional.empty()
					: Optional.of(quoted + " is not " + (declaration.startsWith("one of:") ? "one of the allowed words"
							: declaration.contains(".") ? "a value of the request field " + declaration : "a known " + declaration)
							+ Suggestion.closest(cell, words).map(word -> " (did you mean '" + word + "'?)").orElse("")
							+ "; expected " + expected);
		}
		if (form == null) {
			if (cell.indexOf('"') >= 0) {
				return Optional.of("text cannot contain double quotes (\"): use single quotes (') instead");
			}
			if (cell.indexOf('\\') >= 0) {
				return Optional.of("text cannot contain a backslash (\\)");
			}
			if (cell.chars().anyMatch(Character::isISOControl)) {
				return Optional.of("text must be one line without control characters");
			}
			return Optional.empty();
		}
		if (form.matcher(cell).matches()) {
			return Optional.empty();
		}
		if (form == WHOLE && NUMBER_WITH_DECIMALS.matcher(cell).matches()) {
			return Optional.of(quoted + " is not a whole number: this column counts whole things, so write " + expected);
		}
		if (form == DECIMAL && cell.matches("\\d+,\\d+")) {
			return Optional.of(quoted + " uses a comma: write decimals with a dot, such as " + cell.replace(',', '.'));
		}
		String kind = form == WHOLE ? "a whole number" : form == DECIMAL ? "a number" : form == REGION ? "a region code" : "a word";
		return Optional.of(quoted + " is not " + kind + "; expected " + expected);
	}
}
