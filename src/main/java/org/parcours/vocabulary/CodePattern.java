package org.parcours.vocabulary;

/**
 * A vocabulary entry's code. For ICD codes: a code that also covers every code below it ({@code I21}
 * covers {@code I21.4}), or an inclusive range whose bounds are each compared on their own length
 * ({@code 174-195.8} covers {@code 180.1} and {@code 195.8} but not {@code 195.9}). SNOMED CT
 * concept ids and category names match exactly. Bounds are normalised like incoming codes.
 * <p>
 * ICD-10-CM inserts categories with a letter in the third position ({@code C4A} Merkel cell
 * carcinoma, {@code C7A}/{@code C7B} neuroendocrine tumours, {@code D3A}, {@code M1A}, {@code Z3A}).
 * Compared as text they would fall inside ranges written for the WHO's numbered categories
 * ({@code C4A} between {@code C45} and {@code C58}), although no such range was meant to hold them. So
 * such a code is covered only by an entry whose bounds are themselves lettered categories: an entry
 * must name it ({@code C7A}, or a range {@code C7A-C7B}) to count it.
 */
record CodePattern(String from, String to, boolean exact, boolean icd10) {

	static CodePattern parse(CodeSystem system, String text) {
		if (system == CodeSystem.SNOMED || system == CodeSystem.CATEGORY) {
			String code = CodeNormaliser.normalise(system, text);
			return new CodePattern(code, code, true, false);
		}
		int dash = text.indexOf('-', 1);
		String from = CodeNormaliser.normalise(system, dash < 0 ? text : text.substring(0, dash));
		String to = dash < 0 ? from : CodeNormaliser.normalise(system, text.substring(dash + 1));
		if (from.isEmpty() || to.isEmpty() || prefix(from, to.length()).compareTo(to) > 0) {
			throw new IllegalArgumentException("'" + text + "' is not a code or an ascending range FROM-TO");
		}
		boolean icd10 = system == CodeSystem.ICD_10;
		if (icd10 && lettered(from) != lettered(to)) {
			throw new IllegalArgumentException("'" + text + "' mixes a lettered ICD-10-CM category (such as C7A) with a numbered one:"
					+ " name the lettered categories on their own rows");
		}
		return new CodePattern(from, to, false, icd10);
	}

	boolean matches(String code) {
		if (exact) {
			return from.equals(code);
		}
		if (icd10 && lettered(code) != lettered(from)) {
			return false;
		}
		return prefix(code, from.length()).compareTo(from) >= 0 && prefix(code, to.length()).compareTo(to) <= 0;
	}

	/** How specific the entry is: a longer bound is a narrower group of codes. */
	int specificity() {
		return from.length();
	}

	/** An ICD-10-CM category with a letter where the WHO categories have their second digit ({@code C4A}). */
	private static boolean lettered(String code) {
		return code.length() >= 3 && Character.isLetter(code.charAt(2));
	}

	private static String prefix(String code, int length) {
		return code.length() <= length ? code : code.substring(0, length);
	}
}
