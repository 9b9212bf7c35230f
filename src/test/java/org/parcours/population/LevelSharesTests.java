package org.parcours.population;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Shares of a level against bounds: inclusive edges, the chronic sub-population, an empty population, the report. */
class LevelSharesTests {

	private static final ShareBound KAISER = new ShareBound("kaiser-level-3-share", Population.ALL, 3, 1, 5, "Kaiser", 2);

	private static final ShareBound CHRONIC = new ShareBound("case-management-of-chronic-patients", Population.CHRONIC, 3, 0, 5, "Belgium", 3);

	/** {@code level3} rows at level 3 (chronic), {@code chronicOthers} chronic rows at level 2, the rest level 1 and not chronic. */
	private static LevelShares roster(int rows, int level3, int chronicOthers) {
		LevelShares shares = new LevelShares();
		for (int i = 0; i < rows; i++) {
			shares.add(i < level3 ? 3 : i < level3 + chronicOthers ? 2 : 1, i < level3 + chronicOthers);
		}
		return shares;
	}

	@Test
	void boundsAreInclusiveAtBothEnds() {
		assertThat(roster(100, 1, 0).check(KAISER).met()).isTrue();
		assertThat(roster(100, 5, 0).check(KAISER).met()).isTrue();
		assertThat(roster(1000, 9, 0).check(KAISER).met()).isFalse();
		assertThat(roster(1000, 51, 0).check(KAISER).met()).isFalse();
	}

	@Test
	void theChronicShareIsTakenAmongChronicRowsOnly() {
		// 5 of 100 rows overall, but 5 of 50 chronic rows: the Belgian target is missed, Kaiser's is met.
		LevelShares shares = roster(100, 5, 45);
		ShareCheck chronic = shares.check(CHRONIC);
		assertThat(chronic.rows()).isEqualTo(50);
		assertThat(chronic.count()).isEqualTo(5);
		assertThat(chronic.percent()).isEqualTo(10.0);
		assertThat(chronic.met()).isFalse();
		assertThat(chronic.describe()).isEqualTo("level 3 is 10 % of chronic patients (5 of 50), outside the bound level 3 at most 5 % of chronic patients");
		assertThat(shares.check(KAISER).describe()).isEqualTo("level 3 is 5 % of all rows scored (5 of 100), within the bound level 3 between 1 % and 5 % of all rows scored");
	}

	@Test
	void aPopulationWithoutRowsCannotBeMeasuredAndRaisesNoAlert() {
		LevelShares shares = roster(10, 0, 0);
		ShareCheck chronic = shares.check(CHRONIC);
		assertThat(chronic.percent()).isNull();
		assertThat(chronic.met()).isNull();
		TargetsReport report = TargetsReport.of(shares, List.of(CHRONIC, KAISER));
		assertThat(report.alerts()).containsExactly("population target 'kaiser-level-3-share' missed: level 3 is 0 % of all rows scored"
				+ " (0 of 10), outside the bound level 3 between 1 % and 5 % of all rows scored");
	}

	@Test
	void undeterminedLevelsCountInThePopulation() {
		LevelShares shares = new LevelShares();
		shares.add(3, true);
		shares.add(null, true);
		assertThat(shares.report().get("chronic").rows()).isEqualTo(2);
		assertThat(shares.report().get("chronic").levels()).containsEntry("3", new LevelShares.Share(1, 50.0))
			.containsEntry(LevelShares.UNDETERMINED, new LevelShares.Share(1, 50.0));
		assertThat(shares.report().get("all").rows()).isEqualTo(2);
	}

	@Test
	void percentagesAreRoundedForReadingButComparedExactly() {
		// 50.4 of 1000 is not possible; 3 of 60 = 5 % exactly (met), 7 of 139 = 5.036 % (shown 5.04, missed).
		assertThat(roster(60, 3, 0).check(KAISER).met()).isTrue();
		ShareCheck above = roster(139, 7, 0).check(KAISER);
		assertThat(above.percent()).isEqualTo(5.04);
		assertThat(above.met()).isFalse();
	}
}
