package org.parcours.facts;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Each criterion answers met, not met or missing, and never reads a missing input as "no". */
class ProgrammeCriteriaTests {

	private static final Threshold TWO = new Threshold("p.min", 2);

	@Test
	void oneOfIsMetByAnAcceptedWordNotMetByAnotherAndMissingWithoutValue() {
		List<String> accepted = List.of("stroke", "heart-failure");
		assertThat(ProgrammeCriteria.oneOf("p", "P-1", "stay.reason", "admission reason", "stroke", accepted))
			.isEqualTo(ProgrammeFinding.eligible("p", "P-1", "admission reason: stroke"));
		assertThat(ProgrammeCriteria.oneOf("p", "P-1", "stay.reason", "admission reason", "copd", accepted))
			.isEqualTo(ProgrammeFinding.excluded("p", "P-1", "admission reason: copd, not heart-failure or stroke"));
		assertThat(ProgrammeCriteria.oneOf("p", "P-1", "stay.reason", "admission reason", null, accepted))
			.isEqualTo(ProgrammeFinding.missing("p", "P-1", "stay.reason"));
	}

	@Test
	void yesNoComparesWithTheWantedValueAndSaysWhatTheValueMeans() {
		assertThat(ProgrammeCriteria.yesNo("p", "P-2", "pregnancy.multiple", false, false, "twins", "singleton"))
			.isEqualTo(ProgrammeFinding.eligible("p", "P-2", "singleton"));
		assertThat(ProgrammeCriteria.yesNo("p", "P-2", "pregnancy.multiple", true, false, "twins", "singleton"))
			.isEqualTo(ProgrammeFinding.excluded("p", "P-2", "twins"));
		assertThat(ProgrammeCriteria.yesNo("p", "P-2", "pregnancy.multiple", null, false, "twins", "singleton"))
			.isEqualTo(ProgrammeFinding.missing("p", "P-2", "pregnancy.multiple"));
	}

	@Test
	void withinIncludesBothBoundsAndAnOpenBoundIsNotChecked() {
		Threshold min = new Threshold("min", 37);
		Threshold max = new Threshold("max", 42);
		assertThat(ProgrammeCriteria.within("p", "P-4", "w", "week", 37, min, max))
			.isEqualTo(ProgrammeFinding.eligible("p", "P-4", "week 37 (37 to 42)"));
		assertThat(ProgrammeCriteria.within("p", "P-4", "w", "week", 42, min, max).kind()).isEqualTo(ProgrammeFinding.Kind.ELIGIBLE);
		assertThat(ProgrammeCriteria.within("p", "P-4", "w", "week", 36, min, max))
			.isEqualTo(ProgrammeFinding.excluded("p", "P-4", "week 36 (37 to 42)"));
		assertThat(ProgrammeCriteria.within("p", "P-4", "w", "week", 43, min, max).kind()).isEqualTo(ProgrammeFinding.Kind.EXCLUDED);
		assertThat(ProgrammeCriteria.within("p", "P-1", "age", "age", 74, new Threshold("age", 75), null))
			.isEqualTo(ProgrammeFinding.excluded("p", "P-1", "age 74 (at least 75)"));
		assertThat(ProgrammeCriteria.within("p", "P-1", "age", "age", 99, null, new Threshold("age", 99)))
			.isEqualTo(ProgrammeFinding.eligible("p", "P-1", "age 99 (at most 99)"));
		assertThat(ProgrammeCriteria.within("p", "P-1", "age", "age", null, min, max)).isEqualTo(ProgrammeFinding.missing("p", "P-1", "age"));
	}

	@Test
	void markersAreMetAsSoonAsEnoughAreKnownPresentEvenWithOthersUnknown() {
		List<Flag> flags = List.of(Flag.yes("fall", "D"), Flag.yes("depression", "D"), Flag.unknown("undernutrition", "f.u", "D"));
		assertThat(ProgrammeCriteria.markers("p", "P-3", "markers", flags, List.of("undernutrition", "fall", "depression"), TWO))
			.containsExactly(ProgrammeFinding.eligible("p", "P-3", "markers: depression, fall (at least 2 of depression, fall, undernutrition)"));
	}

	@Test
	void markersAreNotMetWhenEvenEveryUnknownMarkerCouldNotReachTheMinimum() {
		List<Flag> flags = List.of(Flag.no("fall", "D"), Flag.no("depression", "D"), Flag.unknown("undernutrition", "f.u", "D"));
		assertThat(ProgrammeCriteria.markers("p", "P-3", "markers", flags, List.of("fall", "depression", "undernutrition"), TWO))
			.containsExactly(ProgrammeFinding.excluded("p", "P-3", "markers: none (at least 2 of depression, fall, undernutrition)"));
	}

	@Test
	void markersAreMissingOneFieldPerUnknownMarkerWhenTheUnknownCouldDecide() {
		List<Flag> flags = List.of(Flag.yes("fall", "D"), Flag.unknown("depression", "f.d", "D"), Flag.unknown("undernutrition", "f.u", "D"));
		assertThat(ProgrammeCriteria.markers("p", "P-3", "markers", flags, List.of("undernutrition", "fall", "depression"), TWO))
			.containsExactly(ProgrammeFinding.missing("p", "P-3", "f.d"), ProgrammeFinding.missing("p", "P-3", "f.u"));
	}

	@Test
	void aMarkerThatNoRuleDerivesIsAnErrorOfTheRulesNotAMissingInput() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ProgrammeCriteria.markers("p", "P-3", "markers", List.of(Flag.yes("fall", "D")), List.of("fall", "typo"), TWO))
			.withMessage("P-3: no derived fact 'typo' (see programmes/markers.drl)");
	}

	@Test
	void withinWithNoBoundStatesTheValueOnly() {
		assertThat(ProgrammeCriteria.within("p", "P-1", "age", "aged", 70, null, null))
			.isEqualTo(ProgrammeFinding.eligible("p", "P-1", "aged 70"));
	}

	@Test
	void aRegionIsInsideWhenListedOrInAListedCountryAndACountryAloneIsUndecidedWhereOnlyPartIsListed() {
		List<String> listed = List.of("CH-GE", "FR");
		assertThat(RegionMatch.of("CH-GE", listed)).isEqualTo(RegionMatch.INSIDE);
		assertThat(RegionMatch.of("FR-87", listed)).isEqualTo(RegionMatch.INSIDE);
		assertThat(RegionMatch.of("FR", listed)).isEqualTo(RegionMatch.INSIDE);
		assertThat(RegionMatch.of("CH", listed)).isEqualTo(RegionMatch.COUNTRY_PARTLY_LISTED);
		assertThat(RegionMatch.of("CH-VD", listed)).isEqualTo(RegionMatch.OUTSIDE);
		assertThat(RegionMatch.of("DE", listed)).isEqualTo(RegionMatch.OUTSIDE);
		assertThat(RegionMatch.of("CHE", listed)).isEqualTo(RegionMatch.OUTSIDE);
	}

	@Test
	void aScoreBandIsMetByAnAcceptedBandNotMetByAnotherAndMissingWhileTheScoreIsMissingInputs() {
		List<String> frail = List.of("very-frail", "frail");
		assertThat(ProgrammeCriteria.scoreBand("p", "P-5", "sega-a", List.of("frail"), List.of(), frail))
			.containsExactly(ProgrammeFinding.eligible("p", "P-5", "sega-a frail (frail or very-frail)"));
		assertThat(ProgrammeCriteria.scoreBand("p", "P-5", "sega-a", List.of("little-frailty"), List.of(), frail))
			.containsExactly(ProgrammeFinding.excluded("p", "P-5", "sega-a little-frailty (frail or very-frail)"));
		assertThat(ProgrammeCriteria.scoreBand("p", "P-5", "sega-a", List.of(), List.of("functional.mood", "conditions", "functional.mood"), frail))
			.containsExactly(ProgrammeFinding.missing("p", "P-5", "conditions"), ProgrammeFinding.missing("p", "P-5", "functional.mood"));
	}

	@Test
	void aScoreWithAValueButNoBandIsAnErrorOfTheRules() {
		assertThatIllegalStateException().isThrownBy(() -> ProgrammeCriteria.scoreBand("p", "P-5", "isar", List.of(), List.of(), List.of("at-risk")))
			.withMessageContaining("no band");
	}
}
