package org.parcours.vocabulary;

/**
 * A vocabulary entry's code. For ICD codes: a code that also covers every code below it ({@code I21}
 * covers {@code I21.4}), or an inclusive range whose bounds are each compared on their own length
 * ({@code 174-195.8} covers {@code 180.1} and {@code 195.8} but not {@code 195.9}). SNOMED CT
 * concept ids and category names match exactly. Bounds are normalised like incoming codes.
 */
record CodePattern(String from, String to, boolean exact) {

	static CodePattern parse(CodeSystem system, String text) {
		if (system == CodeSystem.SNOMED || system == CodeSystem.CATEGORY) {
			String code = CodeNormaliser.normalise(system, text);
			return new CodePattern(code, code, true);
		}
		int dash = text.indexOf('-', 1);
		String from = CodeNormaliser.normalise(system, dash < 0 ? text : text.substring(0, dash));
		String to = dash < 0 ? from : CodeNormaliser.normalise(system, text.substring(dash + 1));
		if (from.isEmpty() || to.isEmpty() || prefix(from, to.length()).compareTo(to) > 0) {
			throw new IllegalArgumentException("'" + text + "' is not a code or an ascending range FROM-TO");
		}
		return new CodePattern(from, to, false);
	}

	boolean matches(String code) {
		if (exact) {
			return from.equals(code);
		}
		return prefix(code, from.length()).compareTo(from) >= 0 && prefix(code, to.length()).compareTo(to) <= 0;
	}

	/** How specific the entry is: a longer bound is a narrower group of codes. */
	int specificity() {
		return from.length();
	}

	private static String prefix(String code, int length) {
		return code.length() <= length ? code : code.substring(0, length);
	}
}
