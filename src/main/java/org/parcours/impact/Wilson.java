package org.parcours.impact;

/**
 * A proportion with its 95 % Wilson score interval (Wilson 1927), which stays inside [0, 1] and
 * keeps its coverage for small groups and rare outcomes, where the normal approximation does not.
 */
record Wilson(long rows, long positives, double rate, double low, double high) {

	static final double Z = 1.959963984540054;

	static Wilson of(long positives, long rows) {
		if (rows == 0) {
			return new Wilson(0, 0, Double.NaN, Double.NaN, Double.NaN);
		}
		double p = (double) positives / rows;
		double z2 = Z * Z;
		double denominator = 1 + z2 / rows;
		double centre = (p + z2 / (2.0 * rows)) / denominator;
		double half = Z / denominator * Math.sqrt(p * (1 - p) / rows + z2 / (4.0 * rows * rows));
		return new Wilson(rows, positives, p, Math.max(0, centre - half), Math.min(1, centre + half));
	}
}
