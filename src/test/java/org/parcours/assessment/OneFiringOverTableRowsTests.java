package org.parcours.assessment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import org.parcours.rules.DefaultRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HFRS codes, the STOPP/START criteria and the programmes' jurisdictions are each gone through by
 * one rule firing per patient, over table rows collected before the patient: in a working memory kept
 * from one patient to the next, each patient still gets its own points, flags and exclusions, and the
 * same patient again the same answer.
 */
class OneFiringOverTableRowsTests {

	/** F00 (7.1) and R29 (3.6), two NSAIDs (STOPP-A3), living in Germany (outside PRADO's France). */
	static final String FRAIL_IN_GERMANY = """
			{"age": 80, "assessmentDate": "2026-06-01", "residence": {"setting": "home", "region": "DE"},
			 "conditions": [{"system": "icd-10", "code": "F00.1"}, {"system": "icd-10", "code": "R29.6"}],
			 "medications": [{"system": "atc", "code": "M01AE01"}, {"system": "atc", "code": "M01AB05"}]}""";

	/** W19 (3.2) only, no medication, living in France. */
	static final String FALL_IN_FRANCE = """
			{"age": 70, "assessmentDate": "2026-06-01", "residence": {"setting": "home", "region": "FR"},
			 "conditions": [{"system": "icd-10", "code": "W19"}], "medications": []}""";

	@Test
	void eachTableIsGoneThroughOncePerPatientAndEachPatientGetsItsOwnFindings() {
		Evaluation evaluation = Assess.on(DefaultRules.get());
		List<String> firstFired = new ArrayList<>();
		Assessment first = evaluation.assess(Assess.patient(FRAIL_IN_GERMANY), counting(firstFired));
		List<String> secondFired = new ArrayList<>();
		Assessment second = evaluation.assess(Assess.patient(FALL_IN_FRANCE), counting(secondFired));
		Assessment third = evaluation.assess(Assess.patient(FRAIL_IN_GERMANY));

		assertThat(firstFired).containsOnlyOnce("HFRS", "MR-CRITERIA", "JURISDICTION");
		assertThat(first.scores().hfrs().value()).isEqualTo(new BigDecimal("10.7"));
		assertThat(first.scores().hfrs().reasons()).extracting(Assessment.Reason::text).containsExactly(
				"F00 Dementia in Alzheimer's disease: 7.1 point(s)",
				"R29 Other symptoms and signs involving the nervous and musculoskeletal systems (R29.6 tendency to fall): 3.6 point(s)");
		assertThat(first.medicationReview().flags()).extracting(Assessment.Reason::rule).contains("STOPP-A3");
		assertThat(Assess.programme(first, "prado-heart-failure").reasons()).extracting(Assessment.Reason::text)
			.contains("lives in DE, outside the jurisdictions the programme serves (FR)");

		assertThat(secondFired).containsOnlyOnce("HFRS", "MR-CRITERIA", "JURISDICTION");
		assertThat(second.scores().hfrs().value()).isEqualTo(new BigDecimal("3.2"));
		assertThat(second.scores().hfrs().reasons()).extracting(Assessment.Reason::text).containsExactly("W19 Unspecified fall: 3.2 point(s)");
		assertThat(second.medicationReview().flags()).isEmpty();
		assertThat(Assess.programme(second, "prado-heart-failure").reasons()).extracting(Assessment.Reason::rule).doesNotContain("JURISDICTION");

		assertThat(third).isEqualTo(first);
	}

	private static DefaultAgendaEventListener counting(List<String> fired) {
		return new DefaultAgendaEventListener() {
			@Override
			public void afterMatchFired(AfterMatchFiredEvent event) {
				fired.add(event.getMatch().getRule().getName());
			}
		};
	}
}
