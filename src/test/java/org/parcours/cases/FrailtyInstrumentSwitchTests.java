package org.parcours.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.assessment.Assess;
import org.parcours.assessment.Assessment;
import org.parcours.assessment.ProgrammeStatus;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetLoader;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RAC Réseau's frailty criterion switched, by a table edit only, from counting markers (RAC-3) to a
 * frailty instrument's band (RAC-3-INSTRUMENT): SEGA-A frail or very frail. The default rules keep the
 * markers (their golden cases say so); this is what a clinician gets after writing yes in two cells.
 */
class FrailtyInstrumentSwitchTests {

	/** Planned colectomy in Geneva; SEGA-A items all at their lowest but the four that make 8. */
	private static final String SEGA_8 = """
			{"age": 85, "residence": {"setting": "home", "region": "CH-GE"}, "medicationCount": 6, "conditions": [],
			 "stay": {"reason": "surgery", "surgery": "colorectal", "admissionType": "elective"},
			 "functional": {"professionalHomeHelp": false, "mood": "depressed", "selfRatedHealth": "worse", "fallsLast6Months": 0,
			   "undernutrition": false, "appetiteLoss": false, "instrumentalActivities": "independent", "mobility": "independent",
			   "continence": "continent", "meals": "independent", "cognition": "normal",
			   "livesAlone": false, "hasCaregiver": true, "adlDependencies": 0, "cognitiveImpairment": false, "fallsLast12Months": 0}}
			""";

	@TempDir
	static Path rules;

	private static RuleSet switched;

	@BeforeAll
	static void switchRacToSegaA() throws IOException {
		RulesDirectory.copyOfDefault(rules);
		Path table = rules.resolve("programmes/rac-reseau.drl.csv");
		Files.writeString(table, Files.readString(table)
			.replace("RAC frailty instrument sega-a frail,sega-a,frail,no", "RAC frailty instrument sega-a frail,sega-a,frail,yes")
			.replace("RAC frailty instrument sega-a very-frail,sega-a,very-frail,no", "RAC frailty instrument sega-a very-frail,sega-a,very-frail,yes"));
		switched = new RuleSetLoader(Clock.systemUTC()).load(rules);
	}

	@Test
	void aFrailSegaABandMeetsTheCriterionWhereTheMarkersWouldNot() {
		// 85 and 6 medications are two markers (advanced age, polypharmacy) under RAC-3; SEGA-A 9 is frail.
		Assessment frail = Assess.on(switched).assess(Assess.patient(SEGA_8.replace("\"continent\"", "\"occasional-incontinence\"")));
		assertThat(frail.scores().segaA().value()).isEqualTo(9);
		assertThat(Assess.programme(frail, "rac-reseau")).satisfies(outcome -> {
			assertThat(outcome.status()).isEqualTo(ProgrammeStatus.ELIGIBLE);
			assertThat(outcome.reasons()).extracting(Assessment.Reason::rule).contains("RAC-3-INSTRUMENT").doesNotContain("RAC-3");
			assertThat(outcome.reasons()).extracting(Assessment.Reason::text).contains("sega-a frail (frail or very-frail)");
		});
	}

	@Test
	void littleFrailtyIsNotFrailEvenWithTwoMarkers() {
		Assessment notFrail = Assess.on(switched).assess(Assess.patient(SEGA_8));
		assertThat(notFrail.scores().segaA().value()).isEqualTo(8);
		assertThat(Assess.programme(notFrail, "rac-reseau")).satisfies(outcome -> {
			assertThat(outcome.status()).isEqualTo(ProgrammeStatus.NOT_ELIGIBLE);
			assertThat(outcome.reasons()).extracting(Assessment.Reason::rule).containsExactly("RAC-3-INSTRUMENT");
		});
		// The default rules count the markers for the same patient: eligible by RAC-3.
		assertThat(Assess.programme(Assess.json(SEGA_8), "rac-reseau").status()).isEqualTo(ProgrammeStatus.ELIGIBLE);
	}

	@Test
	void anUnknownItemLeavesTheCriterionMissingWithTheInstrumentsFields() {
		Assessment unknown = Assess.on(switched).assess(Assess.patient(SEGA_8.replace("\"mood\": \"depressed\", ", "")));
		assertThat(Assess.programme(unknown, "rac-reseau")).satisfies(outcome -> {
			assertThat(outcome.status()).isEqualTo(ProgrammeStatus.INSUFFICIENT_DATA);
			assertThat(outcome.missing()).containsExactly("functional.mood");
		});
	}
}
