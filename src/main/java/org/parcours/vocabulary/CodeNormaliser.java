package org.parcours.vocabulary;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings codes to one comparable form: no dots or spaces, upper case, and ICD-9-CM numeric codes
 * with their three-digit stem restored. Source systems write the same ICD-9 code as {@code 042},
 * {@code 42}, {@code 250.83} or {@code 25083}; the UCI data drops dots and leading zeros.
 */
public final class CodeNormaliser {

	private static final Pattern ICD9_NUMERIC = Pattern.compile("(\\d{1,3})(?:\\.(\\d{0,2}))?");

	private CodeNormaliser() {
	}

	public static String normalise(CodeSystem system, String code) {
		String trimmed = code.strip().toUpperCase(Locale.ROOT);
		if (system == CodeSystem.ICD_9) {
			var numeric = ICD9_NUMERIC.matcher(trimmed);
			if (numeric.matches()) {
				String stem = "0".repeat(3 - numeric.group(1).length()) + numeric.group(1);
				return stem + (numeric.group(2) == null ? "" : numeric.group(2));
			}
		}
		if (system == CodeSystem.SNOMED || system == CodeSystem.CATEGORY) {
			return code.strip().toLowerCase(Locale.ROOT);
		}
		return trimmed.replace(".", "").replace(" ", "");
	}
}
