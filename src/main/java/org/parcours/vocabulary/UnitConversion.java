package org.parcours.vocabulary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A unit accepted for a quantity ({@code vocabulary/observation-unit.csv}), as the table writes it: the value sent times
 * {@code factor} plus {@code offset}, rounded half-up to {@code decimals} places when given. Decimal
 * arithmetic, so that 125 g/L is exactly 12.5 g/dL.
 */
record UnitConversion(String unit, BigDecimal factor, BigDecimal offset, Integer decimals) {

	double apply(BigDecimal value) {
		BigDecimal converted = value.multiply(factor).add(offset);
		return (decimals == null ? converted : converted.setScale(decimals, RoundingMode.HALF_UP)).doubleValue();
	}
}
