package org.parcours.impact;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The outcome statistics against published values and against DeLong's method computed the long
 * way, pair by pair, from the rows themselves rather than from the counts the report keeps.
 */
class OutcomeStatisticsTests {

	@Test
	void wilsonIntervalsAsPublished() {
		// Newcombe, Stat Med 1998;17:857-72, table I: 81/263 -> 0.2553 to 0.3662; 0/10 -> 0 to 0.2775
		Wilson rate = Wilson.of(81, 263);
		assertThat(rate.low()).isCloseTo(0.2553, within(5e-5));
		assertThat(rate.high()).isCloseTo(0.3662, within(5e-5));
		Wilson none = Wilson.of(0, 10);
		assertThat(none.low()).isZero();
		assertThat(none.high()).isCloseTo(0.2775, within(5e-5));
	}

	@Test
	void aucCountsTiesOneHalf() {
		// positives 1 2 3 against negatives 0 1 2: 1.5 + 2.5 + 3 wins out of 9 pairs
		PairedScores scores = new PairedScores();
		for (int value : new int[] { 1, 2, 3 }) {
			scores.add(value, value, true);
		}
		for (int value : new int[] { 0, 1, 2 }) {
			scores.add(value, value, false);
		}
		assertThat(scores.auc(false).auc()).isEqualTo(7.0 / 9);
		assertThat(scores.roc(false)).first().satisfies(point -> assertThat(point.truePositiveRate()).isZero());
		assertThat(scores.roc(false)).last().satisfies(point -> {
			assertThat(point.falsePositiveRate()).isEqualTo(1);
			assertThat(point.truePositiveRate()).isEqualTo(1);
		});
	}

	@Test
	void delongIntervalAndPairedDifferenceMatchTheRowByRowComputation() {
		Random random = new Random(11);
		List<int[]> rows = new ArrayList<>();
		PairedScores scores = new PairedScores();
		for (int i = 0; i < 400; i++) {
			boolean positive = random.nextDouble() < 0.3;
			int baseline = Math.min(3, Math.max(1, 1 + random.nextInt(2) + (positive && random.nextBoolean() ? 1 : 0)));
			int candidate = Math.min(9, Math.max(0, baseline * 2 + random.nextInt(3) - (positive ? 0 : random.nextInt(2))));
			rows.add(new int[] { baseline, candidate, positive ? 1 : 0 });
			scores.add(baseline, candidate, positive);
		}
		double[][] expected = delong(rows);
		PairedScores.Auc baseline = scores.auc(false);
		PairedScores.Auc candidate = scores.auc(true);
		assertThat(baseline.auc()).isCloseTo(expected[0][0], within(1e-12));
		assertThat(candidate.auc()).isCloseTo(expected[0][1], within(1e-12));
		assertThat(baseline.high() - baseline.auc()).isCloseTo(Wilson.Z * Math.sqrt(expected[1][0]), within(1e-12));
		assertThat(candidate.auc() - candidate.low()).isCloseTo(Wilson.Z * Math.sqrt(expected[1][1]), within(1e-12));
		PairedScores.Difference difference = scores.difference();
		assertThat(difference.difference()).isCloseTo(expected[0][1] - expected[0][0], within(1e-12));
		double se = Math.sqrt(expected[1][0] + expected[1][1] - 2 * expected[1][2]);
		assertThat(difference.high() - difference.difference()).isCloseTo(Wilson.Z * se, within(1e-12));
		assertThat(difference.p()).isCloseTo(2 * (1 - PairedScores.normal(Math.abs(difference.difference()) / se)), within(1e-12));
	}

	@Test
	void identicalSidesDifferByNothing() {
		PairedScores scores = new PairedScores();
		int[][] rows = { { 1, 0 }, { 2, 1 }, { 2, 0 }, { 3, 1 }, { 1, 1 }, { 3, 0 }, { 2, 1 } };
		for (int[] row : rows) {
			scores.add(row[0], row[0], row[1] == 1);
		}
		assertThat(scores.difference().difference()).isZero();
		assertThat(scores.difference().p()).isEqualTo(1);
	}

	@Test
	void notComputableWithoutTwoRowsOfEachOutcome() {
		PairedScores scores = new PairedScores();
		scores.add(1, 1, true);
		scores.add(2, 2, false);
		scores.add(3, 3, false);
		assertThat(scores.auc(false)).isNull();
		assertThat(scores.difference()).isNull();
	}

	@Test
	void theNormalDistributionFunction() {
		assertThat(PairedScores.normal(1.959963984540054)).isCloseTo(0.975, within(1e-7));
		assertThat(PairedScores.normal(0)).isCloseTo(0.5, within(1e-7));
		assertThat(PairedScores.normal(-1)).isCloseTo(0.158655254, within(1e-7));
	}

	/**
	 * DeLong, DeLong and Clarke-Pearson (1988) over every positive-negative pair: {{aucA, aucB},
	 * {varA, varB, covAB}}.
	 */
	private static double[][] delong(List<int[]> rows) {
		List<int[]> positives = rows.stream().filter(r -> r[2] == 1).toList();
		List<int[]> negatives = rows.stream().filter(r -> r[2] == 0).toList();
		int m = positives.size();
		int n = negatives.size();
		double[][] v10 = new double[2][m];
		double[][] v01 = new double[2][n];
		double[] auc = new double[2];
		for (int side = 0; side < 2; side++) {
			for (int i = 0; i < m; i++) {
				for (int j = 0; j < n; j++) {
					int x = positives.get(i)[side];
					int y = negatives.get(j)[side];
					double psi = x > y ? 1 : x == y ? 0.5 : 0;
					v10[side][i] += psi / n;
					v01[side][j] += psi / m;
					auc[side] += psi / ((double) m * n);
				}
			}
		}
		double[] covariance = new double[3];
		int[][] pairs = { { 0, 0 }, { 1, 1 }, { 0, 1 } };
		for (int k = 0; k < 3; k++) {
			int a = pairs[k][0];
			int b = pairs[k][1];
			double s10 = 0;
			for (int i = 0; i < m; i++) {
				s10 += (v10[a][i] - auc[a]) * (v10[b][i] - auc[b]);
			}
			double s01 = 0;
			for (int j = 0; j < n; j++) {
				s01 += (v01[a][j] - auc[a]) * (v01[b][j] - auc[b]);
			}
			covariance[k] = s10 / (m - 1) / m + s01 / (n - 1) / n;
		}
		return new double[][] { auc, covariance };
	}
}
