package org.parcours.vocabulary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A unit accepted for a laboratory input ({@code vocabulary/fhir-observation-unit.csv}): the value
 * sent times {@code factor}, rounded half-up to {@code decimals} places when given. Decimal arithmetic,
 * so that 125 g/L is exactly 12.5 g/dL.
 */
record UnitConversion(BigDecimal factor, Integer decimals) {

	double apply(BigDecimal value) {
		BigDecimal converted = value.multiply(factor);
		return (decimals == null ? converted : converted.setScale(decimals, RoundingMode.HALF_UP)).doubleValue();
	}
}
