package org.parcours.assessment;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetLoader;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** LACE's C item reads its own weights table: editing it moves LACE and leaves Charlson as it was. */
class LaceComorbidityWeightsTests {

	private static final String DEMENTIA_STAY = """
			{"age": 60, "conditions": [{"system": "icd-10", "code": "F03"}], "history": {"edVisitsLast6Months": 0},
			 "stay": {"admissionType": "elective", "lengthOfStayDays": 0}}
			""";

	@TempDir
	Path rules;

	@Test
	void theWeightsExplainTheComorbidityItem() {
		Assessment.Score lace = Assess.json(DEMENTIA_STAY).scores().lace();
		assertThat(lace.reasons()).extracting(Assessment.Reason::rule, Assessment.Reason::text)
			.contains(org.assertj.core.groups.Tuple.tuple("LACE-CW", "dementia: comorbidity weight 1"),
					org.assertj.core.groups.Tuple.tuple("LACE-C", "comorbidity weights 1: 1 point(s)"));
	}

	@Test
	void editingALaceWeightChangesLaceNotCharlson() {
		// The LACE scoring form's weight for dementia, as a clinician would switch to it.
		RulesDirectory.copyOfDefault(rules).replace("scores/lace.drl.csv", "LACE-CW dementia,dementia,,dementia,1", "LACE-CW dementia,dementia,,dementia,3");
		RuleSet edited = new RuleSetLoader(Clock.systemUTC()).load(rules);
		Assessment answer = Assess.on(edited).assess(Assess.patient(DEMENTIA_STAY));
		assertThat(answer.scores().lace().value()).isEqualTo(3);
		assertThat(answer.scores().charlson().value()).isEqualTo(1);
	}
}
