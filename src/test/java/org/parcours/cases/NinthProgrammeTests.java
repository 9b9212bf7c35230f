package org.parcours.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.assessment.Assess;
import org.parcours.assessment.Assessment;
import org.parcours.assessment.ProgrammeStatus;
import org.parcours.rules.RuleProblem;
import org.parcours.rules.RuleSet;
import org.parcours.rules.DefaultRules;
import org.parcours.rules.RuleSetLoader;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A ninth programme is files under rules/ only: a DRL file using the shared criteria, a decision
 * table for its parameters and next steps, and golden cases. No Java changes, and the exclusions
 * that apply everywhere and the reminder come with it.
 */
class NinthProgrammeTests {

	private static final String DRL = """
			package programmes

			import org.parcours.facts.*

			rule "ETAPES-HF programme"
			when
			then
			    insert(new Programme("etapes-heart-failure", "ETAPES (FR): telemonitoring after a heart-failure admission"));
			end

			rule "ETAPES-HF-1"
			salience -10
			when
			    Programme(id == "etapes-heart-failure")
			    $p : PatientFacts()
			    $reasons : java.util.List() from accumulate(Setting(name == "etapes-heart-failure.admission-reason", $r : value), collectList($r))
			then
			    insert(admittedFor("etapes-heart-failure", "ETAPES-HF-1", $p, $reasons));
			end
			""";

	private static final String TABLE = """
			RuleSet,programmes
			Import,org.parcours.facts.*
			,
			RuleTable ETAPES-HF admission reasons
			NAME,ACTION
			,
			,"insert(new Setting(""etapes-heart-failure.admission-reason"", ""$param""));"
			rule,admission reason [stay.reason]
			ETAPES-HF reason heart-failure,heart-failure
			,
			RuleTable ETAPES-HF next steps
			NAME,ACTION
			,
			,"insert(ProgrammeFinding.nextStep(""etapes-heart-failure"", drools.getRule().getName(), ""$param""));"
			rule,next step [text]
			ETAPES-HF-NEXT 1,telemonitoring set up before discharge
			""";

	private static final String CASES = """
			{"cases": [
			  {"id": "etapes-eligible", "description": "Heart-failure admission, home: eligible.",
			   "patient": {"age": 70, "residence": {"setting": "home"}, "stay": {"reason": "heart-failure"}},
			   "expect": {"programmes": {"etapes-heart-failure": {"status": "eligible", "rules": ["ETAPES-HF-1"],
			              "nextSteps": ["telemonitoring set up before discharge"]}}}},
			  {"id": "etapes-nursing-home", "description": "The shared nursing-home exclusion applies without being written again.",
			   "patient": {"age": 70, "residence": {"setting": "nursing-home"}, "stay": {"reason": "heart-failure"}},
			   "expect": {"programmes": {"etapes-heart-failure": {"status": "not-eligible", "rules": ["EXCL-NURSING-HOME"]}}}}
			]}
			""";

	@TempDir
	Path rules;

	@Test
	void aNinthProgrammeIsAddedWithFilesOnly() throws IOException {
		RulesDirectory.copyOfDefault(rules);
		Files.writeString(rules.resolve("programmes/etapes-heart-failure.drl"), DRL);
		Files.writeString(rules.resolve("programmes/etapes-heart-failure.drl.csv"), TABLE);
		Files.writeString(rules.resolve("cases/etapes-heart-failure.json"), CASES);

		RuleSet withNinth = new RuleSetLoader(Clock.systemUTC()).load(rules);
		Assessment answer = Assess.on(withNinth).assess(Assess.patient("""
				{"age": 70, "residence": {"setting": "home"}, "stay": {"reason": "heart-failure", "dischargeDestination": "hospice"}}
				"""));
		assertThat(answer.programmes()).hasSize(DefaultRules.get().programmes().size() + 1);
		// The rule set knows its programmes without assessing anyone (roster columns come from this), in the answer's order.
		assertThat(withNinth.programmes()).contains("etapes-heart-failure")
			.containsExactlyElementsOf(answer.programmes().stream().map(Assessment.ProgrammeOutcome::id).toList());
		assertThat(Assess.programme(answer, "etapes-heart-failure")).satisfies(outcome -> {
			assertThat(outcome.title()).isEqualTo("ETAPES (FR): telemonitoring after a heart-failure admission");
			assertThat(outcome.status()).isEqualTo(ProgrammeStatus.NOT_ELIGIBLE);
			assertThat(outcome.reasons()).extracting(Assessment.Reason::rule).containsExactly("EXCL-HOSPICE");
		});
		assertThat(Cases.check().check(withNinth, RuleSetLoader.read(rules))).isEmpty();

		Files.writeString(rules.resolve("cases/etapes-heart-failure.json"), CASES.replace("\"status\": \"eligible\"", "\"status\": \"insufficient-data\""));
		assertThat(Cases.check().check(withNinth, RuleSetLoader.read(rules))).extracting(RuleProblem::toString)
			.containsExactly("cases/etapes-heart-failure.json:2: case 'etapes-eligible': programme etapes-heart-failure: "
					+ "expected insufficient-data, got eligible (ETAPES-HF-1: admission reason: heart-failure)");
	}
}
