package org.parcours.cdshooks;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.Assessment.ProgrammeOutcome;
import org.parcours.assessment.Assessment.Reason;
import org.parcours.assessment.Assessment.Score;
import org.parcours.assessment.ProgrammeStatus;
import org.parcours.cdshooks.CdsResponse.Card;
import org.parcours.vocabulary.DefaultVocabulary;
import org.parcours.vocabulary.Mappings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cards for programme outcomes as the programme rules (added separately) will produce them: the
 * default rules of this branch have no programme yet, so the outcomes are stated here as values.
 */
class CardWriterTests {

	static final ProgrammeOutcome ELIGIBLE = new ProgrammeOutcome("prado-heart-failure", "PRADO heart failure", ProgrammeStatus.ELIGIBLE,
			List.of(new Reason("PRADO-HF-1", "hospitalised for heart failure, going home")), List.of(),
			List.of("GP visit within 7 days", "Cardiologist within 2 months"));

	static final ProgrammeOutcome UNDECIDED = new ProgrammeOutcome("paerpa", "PAERPA", ProgrammeStatus.INSUFFICIENT_DATA, List.of(),
			List.of("functional.fallsLast12Months"), List.of());

	static final ProgrammeOutcome EXCLUDED = new ProgrammeOutcome("prado-maternity", "PRADO maternity", ProgrammeStatus.NOT_ELIGIBLE,
			List.of(new Reason("PRADO-MAT-0", "not a delivery stay")), List.of(), List.of());

	/** A frailty instrument without its inputs: the card does not show them. */
	private static final Score UNSCORED = new Score(null, null, null, List.of("functional.mood"), null);

	static Assessment assessment(int level, List<ProgrammeOutcome> programmes) {
		return assessment(level, programmes, null);
	}

	static Assessment assessment(int level, List<ProgrammeOutcome> programmes, Assessment.MedicationReview review) {
		return new Assessment("p", "0123456789ab",
				new Assessment.RiskLevel(level, "label", List.of(new Reason("L" + level + "-X", "why"))),
				new Assessment.Scores(new Score(2, 5, null, null, List.of()),
						new Score(12, null, "high", null, List.of(new Reason("LACE-L", "length of stay 6 days: 4 point(s)"))),
						new Score(null, null, null, List.of("stay.dischargeHemoglobinGdl"), null), UNSCORED, UNSCORED, UNSCORED),
				new Assessment.Derived(List.of(), 0, null, null), programmes, review, List.of());
	}

	static final Mappings MAPPINGS = DefaultVocabulary.mappings();

	@Test
	void levelCardIndicatorIsTheLevelTablesOne() {
		assertThat(List.of(3, 2, 1)).extracting(level -> CardWriter.admission(assessment(level, List.of()), MAPPINGS, null).get(0).indicator())
			.containsExactly("warning", "warning", "info");
	}

	@Test
	void editingTheLevelTableChangesTheIndicator() {
		Mappings edited = DefaultVocabulary.mappingsEdited("vocabulary/kaiser-level.csv", "1,supported-self-care,low,info",
				"1,supported-self-care,low,warning");
		assertThat(CardWriter.admission(assessment(1, List.of()), edited, null).get(0).indicator()).isEqualTo("warning");
		assertThat(CardWriter.discharge(assessment(1, List.of()), edited, null).get(0).indicator()).isEqualTo("warning");
	}

	@Test
	void admissionListsProgrammesToPrepareButNotTheExcludedOnes() {
		Card card = CardWriter.admission(assessment(3, List.of(ELIGIBLE, UNDECIDED, EXCLUDED)), MAPPINGS, "{}").get(0);
		assertThat(card.summary()).isEqualTo("Level 3 label: 2 programme(s) to prepare");
		assertThat(card.detail()).contains("- PRADO heart failure (eligible): GP visit within 7 days; Cardiologist within 2 months")
			.contains("- PAERPA (insufficient-data): would be decided by `functional.fallsLast12Months`")
			.doesNotContain("PRADO maternity");
		assertThat(card.source().label()).isEqualTo("Parcours rule set 0123456789ab");
	}

	@Test
	void dischargeGivesScoresThenOneCardPerEligibleProgrammeWithNextSteps() {
		List<Card> cards = CardWriter.discharge(assessment(2, List.of(ELIGIBLE, UNDECIDED, EXCLUDED)), MAPPINGS, "{}");
		assertThat(cards).hasSize(2);
		assertThat(cards.get(0).summary()).isEqualTo("Readmission risk: LACE 12 high, HOSPITAL not computed; level 2; 1 programme(s) eligible");
		assertThat(cards.get(0).indicator()).isEqualTo("warning");
		assertThat(cards.get(0).detail()).contains("**LACE index: 12 (high)**").contains("- `LACE-L` length of stay 6 days: 4 point(s)")
			.contains("**HOSPITAL score: not computed**, missing `stay.dischargeHemoglobinGdl`")
			.contains("**Programmes not yet decided**").contains("- PAERPA (insufficient-data)");
		assertThat(cards.get(1).summary()).isEqualTo("Eligible for PRADO heart failure: plan the next steps before discharge");
		assertThat(cards.get(1).indicator()).isEqualTo("info");
		assertThat(cards.get(1).detail()).contains("- GP visit within 7 days\n- Cardiologist within 2 months").contains("`PRADO-HF-1`");
		assertThat(cards.get(1).suggestions()).isNull();
	}

	@Test
	void summariesStayUnder140Characters() {
		ProgrammeOutcome longTitle = new ProgrammeOutcome("x", "A programme whose title goes on ".repeat(6), ProgrammeStatus.ELIGIBLE, List.of(), List.of(),
				List.of());
		List<Card> cards = CardWriter.discharge(assessment(1, List.of(longTitle)), MAPPINGS, null);
		assertThat(cards.get(1).summary()).hasSize(CardWriter.MAX_SUMMARY).endsWith("…");
		assertThat(cards.get(0).indicator()).isEqualTo("info");
	}

	@Test
	void medicationReviewFlagsGetTheirOwnCardOnBothHooksAndNoCardWithoutFlags() {
		Assessment.MedicationReview review = new Assessment.MedicationReview(
				List.of(new Reason("STOPP-D5", "Benzodiazepine for 4 weeks or more. Found: benzodiazepine N05BA01 since 2026-10-23 (28 days).")),
				List.of("conditions"));
		Card admission = CardWriter.admission(assessment(2, List.of(), review), MAPPINGS, null).get(1);
		assertThat(admission.summary()).isEqualTo("Medication review: 1 STOPP/START finding(s) to review");
		assertThat(admission.indicator()).isEqualTo("info");
		assertThat(admission.detail()).contains("- `STOPP-D5` Benzodiazepine for 4 weeks or more").contains("decided by `conditions`");
		assertThat(CardWriter.discharge(assessment(2, List.of(), review), MAPPINGS, null)).hasSize(2);
		assertThat(CardWriter.admission(assessment(2, List.of(), new Assessment.MedicationReview(List.of(), List.of("medications"))), MAPPINGS,
				null)).hasSize(1);
	}
}
