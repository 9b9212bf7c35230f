package org.parcours.assessment;

/** The contract's names of the Kaiser pyramid levels. */
final class LevelLabels {

	private LevelLabels() {
	}

	static String of(int level) {
		return switch (level) {
			case 3 -> "case-management";
			case 2 -> "disease-management";
			case 1 -> "supported-self-care";
			default -> throw new IllegalStateException("rules produced level " + level + "; levels are 1, 2 and 3");
		};
	}
}
