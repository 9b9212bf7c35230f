package org.parcours.impact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One predictor (the level, or a score) on both sides against a binary outcome, kept as counts of
 * negative and positive rows per pair of values: a roster of any length costs only as many entries
 * as there are distinct value pairs. From it come each side's AUC with a 95 % DeLong interval
 * (DeLong, DeLong and Clarke-Pearson 1988: the variance from the placement values, ties counted
 * one half, exact here because the placements depend on the value only), the paired difference of
 * the two AUCs with its interval and p-value on the rows both sides could score, and ROC points.
 */
final class PairedScores {

	/** The values of one row on each side; {@code null} where that side could not compute it. */
	private record Key(Integer baseline, Integer candidate) {
	}

	/** A side's AUC: rows and positives it is computed on, its value and 95 % DeLong interval. */
	record Auc(long rows, long positives, double auc, double low, double high) {
	}

	/** Candidate minus baseline on the rows both score, with 95 % DeLong interval and two-sided p. */
	record Difference(long rows, double difference, double low, double high, double p) {
	}

	/** One point of a ROC curve: the rows at or above {@code threshold} called positive. */
	record RocPoint(double falsePositiveRate, double truePositiveRate, Integer threshold) {
	}

	private final Map<Key, long[]> counts = new HashMap<>();

	void add(Integer baseline, Integer candidate, boolean positive) {
		if (baseline != null || candidate != null) {
			counts.computeIfAbsent(new Key(baseline, candidate), key -> new long[2])[positive ? 1 : 0]++;
		}
	}

	/** The side's AUC, or {@code null} when it cannot be computed (fewer than two positive or two negative rows with a value). */
	Auc auc(boolean candidate) {
		Placements placements = new Placements(histogram(candidate, false));
		if (!placements.computable()) {
			return null;
		}
		double variance = placements.s10() / placements.positives + placements.s01() / placements.negatives;
		double half = Wilson.Z * Math.sqrt(variance);
		return new Auc(placements.positives + placements.negatives, placements.positives, placements.auc,
				Math.max(0, placements.auc - half), Math.min(1, placements.auc + half));
	}

	/** The paired difference on the rows both sides score, or {@code null} when not computable. */
	Difference difference() {
		Placements base = new Placements(histogram(false, true));
		Placements cand = new Placements(histogram(true, true));
		if (!base.computable()) {
			return null;
		}
		double s10 = 0;
		double s01 = 0;
		for (Map.Entry<Key, long[]> entry : counts.entrySet()) {
			Key key = entry.getKey();
			if (key.baseline() == null || key.candidate() == null) {
				continue;
			}
			long negatives = entry.getValue()[0];
			long positives = entry.getValue()[1];
			s10 += positives * (base.v10(key.baseline()) - base.auc) * (cand.v10(key.candidate()) - cand.auc);
			s01 += negatives * (base.v01(key.baseline()) - base.auc) * (cand.v01(key.candidate()) - cand.auc);
		}
		s10 /= base.positives - 1;
		s01 /= base.negatives - 1;
		double variance = (base.s10() + cand.s10() - 2 * s10) / base.positives
				+ (base.s01() + cand.s01() - 2 * s01) / base.negatives;
		double difference = cand.auc - base.auc;
		double se = Math.sqrt(Math.max(0, variance));
		double p = se == 0 ? (difference == 0 ? 1 : 0) : 2 * (1 - normal(Math.abs(difference) / se));
		return new Difference(base.positives + base.negatives, difference, difference - Wilson.Z * se, difference + Wilson.Z * se, p);
	}

	/** The side's ROC curve from (0, 0) to (1, 1), one point per distinct value; empty when not computable. */
	List<RocPoint> roc(boolean candidate) {
		NavigableMap<Integer, long[]> histogram = histogram(candidate, false);
		long positives = histogram.values().stream().mapToLong(c -> c[1]).sum();
		long negatives = histogram.values().stream().mapToLong(c -> c[0]).sum();
		List<RocPoint> points = new ArrayList<>();
		if (positives == 0 || negatives == 0) {
			return points;
		}
		points.add(new RocPoint(0, 0, null));
		long truePositives = 0;
		long falsePositives = 0;
		for (Map.Entry<Integer, long[]> entry : histogram.descendingMap().entrySet()) {
			falsePositives += entry.getValue()[0];
			truePositives += entry.getValue()[1];
			points.add(new RocPoint((double) falsePositives / negatives, (double) truePositives / positives, entry.getKey()));
		}
		return points;
	}

	private NavigableMap<Integer, long[]> histogram(boolean candidate, boolean bothSides) {
		NavigableMap<Integer, long[]> histogram = new TreeMap<>();
		counts.forEach((key, count) -> {
			Integer value = candidate ? key.candidate() : key.baseline();
			if (value != null && (!bothSides || key.baseline() != null && key.candidate() != null)) {
				long[] sum = histogram.computeIfAbsent(value, v -> new long[2]);
				sum[0] += count[0];
				sum[1] += count[1];
			}
		});
		return histogram;
	}

	/** Standard normal distribution function, through erfc (Numerical Recipes, fractional error below 1.2e-7). */
	static double normal(double z) {
		double x = Math.abs(z) / Math.sqrt(2);
		double t = 1 / (1 + 0.5 * x);
		double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
				+ t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
		return z >= 0 ? 1 - erfc / 2 : erfc / 2;
	}

	/**
	 * DeLong's placement values of one histogram: for a positive of value v, the share of negatives
	 * below it (ties one half); for a negative, the share of positives above it.
	 */
	private static final class Placements {

		final NavigableMap<Integer, long[]> histogram;

		final Map<Integer, Double> v10 = new HashMap<>();

		final Map<Integer, Double> v01 = new HashMap<>();

		final long positives;

		final long negatives;

		final double auc;

		Placements(NavigableMap<Integer, long[]> histogram) {
			this.histogram = histogram;
			long pos = 0;
			long neg = 0;
			for (long[] count : histogram.values()) {
				neg += count[0];
				pos += count[1];
			}
			this.positives = pos;
			this.negatives = neg;
			long negativesBelow = 0;
			long positivesBelow = 0;
			double sum = 0;
			for (Map.Entry<Integer, long[]> entry : histogram.entrySet()) {
				long n = entry.getValue()[0];
				long p = entry.getValue()[1];
				double placementOfPositive = neg == 0 ? 0 : (negativesBelow + 0.5 * n) / neg;
				double placementOfNegative = pos == 0 ? 0 : (pos - positivesBelow - p + 0.5 * p) / pos;
				v10.put(entry.getKey(), placementOfPositive);
				v01.put(entry.getKey(), placementOfNegative);
				sum += p * placementOfPositive;
				negativesBelow += n;
				positivesBelow += p;
			}
			this.auc = pos == 0 ? Double.NaN : sum / pos;
		}

		boolean computable() {
			return positives >= 2 && negatives >= 2;
		}

		double v10(int value) {
			return v10.get(value);
		}

		double v01(int value) {
			return v01.get(value);
		}

		/** The variance of the positives' placements (DeLong's S10). */
		double s10() {
			double sum = 0;
			for (Map.Entry<Integer, long[]> entry : histogram.entrySet()) {
				double d = v10(entry.getKey()) - auc;
				sum += entry.getValue()[1] * d * d;
			}
			return sum / (positives - 1);
		}

		/** The variance of the negatives' placements (DeLong's S01). */
		double s01() {
			double sum = 0;
			for (Map.Entry<Integer, long[]> entry : histogram.entrySet()) {
				double d = v01(entry.getKey()) - auc;
				sum += entry.getValue()[0] * d * d;
			}
			return sum / (negatives - 1);
		}
	}
}
