package org.parcours.assessment;

/**
 * Where a medication criterion sorts: STOPP before START, then by section and number as published
 * ({@code STOPP-B3} before {@code STOPP-B13}). Computed once per finding, not at every comparison
 * of a sort: {@code letters} is the id without its digits, {@code number} its digits read as one
 * number (0 when it has none).
 */
record CriterionKey(boolean start, String letters, int number) implements Comparable<CriterionKey> {

	static CriterionKey of(String id) {
		StringBuilder letters = new StringBuilder(id.length());
		// starting from a zero makes an id without digits number 0
		StringBuilder digits = new StringBuilder(id.length() + 1).append('0');
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			(c >= '0' && c <= '9' ? digits : letters).append(c);
		}
		return new CriterionKey(id.startsWith("START"), letters.toString(), Integer.parseInt(digits, 0, digits.length(), 10));
	}

	@Override
	public int compareTo(CriterionKey other) {
		int order = Boolean.compare(start, other.start);
		if (order == 0) {
			order = letters.compareTo(other.letters);
		}
		return order != 0 ? order : Integer.compare(number, other.number);
	}
}
