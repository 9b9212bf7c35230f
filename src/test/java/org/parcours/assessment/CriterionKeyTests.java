package org.parcours.assessment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Medication flags are listed as STOPP/START publish their criteria, whatever order the rules found them in. */
class CriterionKeyTests {

	@Test
	void stoppBeforeStartThenSectionThenNumberAsANumber() {
		List<String> ids = new ArrayList<>(List.of("START-A1", "STOPP-B13", "STOPP-K1", "STOPP-B3", "START-A10", "STOPP-A2", "START-A3"));
		ids.sort(Comparator.comparing(CriterionKey::of));
		assertThat(ids).containsExactly("STOPP-A2", "STOPP-B3", "STOPP-B13", "STOPP-K1", "START-A1", "START-A3", "START-A10");
	}

	@Test
	void anIdWithoutDigitsSortsAsNumberZeroOfItsSection() {
		assertThat(CriterionKey.of("STOPP-B")).isEqualTo(CriterionKey.of("STOPP-B0"));
		assertThat(CriterionKey.of("STOPP-B")).isLessThan(CriterionKey.of("STOPP-B1"));
	}

	@Test
	void aNumberLongerThanAnIntSortsByItsValueInsteadOfFailingTheAnswer() {
		List<String> ids = new ArrayList<>(List.of("STOPP-X12345678901", "STOPP-X9", "STOPP-X012345678900"));
		ids.sort(Comparator.comparing(CriterionKey::of));
		assertThat(ids).containsExactly("STOPP-X9", "STOPP-X012345678900", "STOPP-X12345678901");
	}
}
