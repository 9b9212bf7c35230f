package org.parcours.assessment;

/**
 * Where a medication criterion sorts: STOPP before START, then by section and number as published
 * ({@code STOPP-B3} before {@code STOPP-B13}). Computed once per finding, not at every comparison
 * of a sort: {@code letters} is the id without its digits, {@code number} its digits without leading
 * zeros, compared as a number of any length (none: zero), so that no id a rule file gives can fail it.
 */
record CriterionKey(boolean start, String letters, String number) implements Comparable<CriterionKey> {

	static CriterionKey of(String id) {
		StringBuilder letters = new StringBuilder(id.length());
		StringBuilder digits = new StringBuilder(id.length());
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (c >= '0' && c <= '9') {
				if (c != '0' || !digits.isEmpty()) {
					digits.append(c);
				}
			}
			else {
				letters.append(c);
			}
		}
		return new CriterionKey(id.startsWith("START"), letters.toString(), digits.toString());
	}

	@Override
	public int compareTo(CriterionKey other) {
		int order = Boolean.compare(start, other.start);
		if (order == 0) {
			order = letters.compareTo(other.letters);
		}
		if (order == 0) {
			order = Integer.compare(number.length(), other.number.length());
		}
		return order != 0 ? order : number.compareTo(other.number);
	}
}
