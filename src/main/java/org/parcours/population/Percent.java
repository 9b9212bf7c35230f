package org.parcours.population;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as reports show them: two decimals at most, no trailing zeros. */
final class Percent {

	private Percent() {
	}

	static double of(long count, long rows) {
		return BigDecimal.valueOf(count * 100.0 / rows).setScale(2, RoundingMode.HALF_UP).doubleValue();
	}

	static String text(double percent) {
		return BigDecimal.valueOf(percent).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}
}
