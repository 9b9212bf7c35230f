package org.parcours.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.rules.DefaultRules;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleProblem;
import org.parcours.rules.RuleSetLoader;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden-case runner itself: what it reports when a case fails or a case file is wrong. */
class GoldenCaseCheckTests {

	private final GoldenCaseCheck check = Cases.check();

	private static RuleFile caseFile(String path, String text) {
		return new RuleFile(path, text.getBytes(StandardCharsets.UTF_8));
	}

	private List<RuleProblem> problems(String text) {
		return check.caseProblems(DefaultRules.get(), List.of(caseFile("cases/under-test.json", text)));
	}

	@Test
	void failingCaseIsReportedWithFileLineIdAndExpectedVersusActual() {
		List<RuleProblem> problems = problems("""
				{"cases": [
				  {"id": "passes", "description": "d", "patient": {"age": 45}, "expect": {"level": 1}},
				  {"id": "wrong-level",
				   "description": "d", "patient": {"age": 45, "conditions": [], "medicationCount": 5},
				   "expect": {"level": 3, "levelRules": ["L3-A"], "derived": {"polypharmacy": false}}}
				]}
				""");
		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("cases/under-test.json");
			assertThat(problem.line()).isEqualTo(3);
			assertThat(problem.message()).isEqualTo("case 'wrong-level': level: expected 3, got 2; "
					+ "level rules: expected to include [L3-A], got [L2-B]; derived polypharmacy: expected false, got true");
		});
	}

	@Test
	void missingScoreAndWarningsAreComparedAsSets() {
		List<RuleProblem> problems = problems("""
				{"cases": [{"id": "scores", "description": "d", "patient": {"age": 45, "conditions": [{"system": "icd-10", "code": "Q99.9"}]},
				  "expect": {"scores": {"charlson": {"value": 0}, "hospital": {"value": null, "missing": ["stay.lengthOfStayDays"]}},
				             "warnings": []}}]}
				""");
		assertThat(problems).singleElement().extracting(RuleProblem::message).asString()
			.contains("score hospital missing: expected [stay.lengthOfStayDays], got [history.admissionsLast12Months, ")
			.contains("warnings: expected [], got [unknown-code]")
			.doesNotContain("charlson");
	}

	@Test
	void unreadableJsonIsAProblemOfTheFile() {
		assertThat(problems("{\"cases\": [\n  {\"id\": \"x\",, }\n]}")).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("cases/under-test.json");
			assertThat(problem.line()).isEqualTo(2);
			assertThat(problem.message()).startsWith("not valid JSON: ");
		});
	}

	@Test
	void caseWithoutExpectationOrDescriptionIsMalformed() {
		assertThat(problems("{\"cases\": [{\"id\": \"x\", \"description\": \"d\", \"patient\": {\"age\": 1}, \"expect\": {}}]}"))
			.extracting(RuleProblem::toString).containsExactly("cases/under-test.json:1: case 'x' needs a non-empty \"expect\" object");
		assertThat(problems("{\"cases\": [{\"id\": \"x\", \"patient\": {\"age\": 1}, \"expect\": {\"level\": 1}}]}"))
			.extracting(RuleProblem::message).containsExactly("case 'x' needs a \"description\" (text) saying what it protects");
		assertThat(problems("{\"cases\": []}")).extracting(RuleProblem::message)
			.containsExactly("\"cases\" must be a non-empty list of cases");
	}

	@Test
	void misspeltKeysAreErrorsNotSilentlyIgnored() {
		assertThat(problems("{\"cases\": [{\"id\": \"x\", \"description\": \"d\", \"patient\": {\"age\": 1}, \"expected\": {\"level\": 1}}]}"))
			.extracting(RuleProblem::message).singleElement().asString().startsWith("case 'x': unknown key \"expected\"");
		assertThat(problems("{\"cases\": [{\"id\": \"x\", \"description\": \"d\", \"patient\": {\"age\": 1}, \"expect\": {\"levle\": 1}}]}"))
			.extracting(RuleProblem::message).singleElement().asString()
			.startsWith("case 'x': expect: unknown key(s) [levle]");
	}

	@Test
	void invalidPatientIsReportedByFieldLikeTheApiDoes() {
		assertThat(problems("{\"cases\": [{\"id\": \"x\", \"description\": \"d\", \"patient\": {\"age\": -1}, \"expect\": {\"level\": 1}}]}"))
			.extracting(RuleProblem::message).containsExactly("case 'x': patient is not a valid request: age must be greater than or equal to 0");
		assertThat(problems("{\"cases\": [{\"id\": \"x\", \"description\": \"d\", \"patient\": {\"age\": 1, \"gender\": \"f\"}, \"expect\": {\"level\": 1}}]}"))
			.extracting(RuleProblem::message).singleElement().asString().startsWith("case 'x': patient is not a valid request body: ")
			.contains("gender");
	}

	@Test
	void aBirthDateNeedsAnAssessmentDateSoThatCasesDoNotAge() {
		assertThat(problems("{\"cases\": [{\"id\": \"x\", \"description\": \"d\", \"patient\": {\"birthDate\": \"1950-01-01\"}, \"expect\": {\"level\": 1}}]}"))
			.extracting(RuleProblem::message).containsExactly("case 'x': patient has a birthDate but no assessmentDate: "
					+ "add one (or give age) so that the case answers the same every day");
		assertThat(problems("{\"cases\": [{\"id\": \"x\", \"description\": \"d\", "
				+ "\"patient\": {\"birthDate\": \"1951-06-30\", \"assessmentDate\": \"2026-06-29\", \"residence\": {\"setting\": \"home\"}}, "
				+ "\"expect\": {\"programmes\": {\"paerpa\": {\"status\": \"not-eligible\", \"rules\": [\"PAERPA-1\"]}}}}]}")).isEmpty();
	}

	@Test
	void caseIdsAreUniqueAcrossFiles() {
		String text = "{\"cases\": [{\"id\": \"same\", \"description\": \"d\", \"patient\": {\"age\": 45}, \"expect\": {\"level\": 1}}]}";
		assertThat(check.caseProblems(DefaultRules.get(), List.of(caseFile("cases/a.json", text), caseFile("cases/b.json", text))))
			.extracting(RuleProblem::toString)
			.containsExactly("cases/b.json:1: case 'same': the id is already used by a case in cases/a.json; case ids must be unique");
	}

	@Test
	void aCaseFileEditedUnderTheSamePathIsReadAgain() {
		String levelOne = "{\"cases\": [{\"id\": \"edited\", \"description\": \"d\", \"patient\": {\"age\": 45}, \"expect\": {\"level\": 1}}]}";
		assertThat(problems(levelOne)).isEmpty();

		assertThat(problems(levelOne.replace("\"level\": 1", "\"level\": 3"))).extracting(RuleProblem::toString)
			.singleElement().asString().startsWith("cases/under-test.json:1: case 'edited': ").contains("level");
		assertThat(problems(levelOne)).isEmpty();
	}

	@Test
	void onlyCaseFilesAreRead() {
		assertThat(check.caseProblems(DefaultRules.get(), List.of(caseFile("programmes/notes.json", "not json"), caseFile("cases/readme.md", "x"))))
			.isEmpty();
	}

	@Test
	void programmeMismatchShowsTheActualReasons() {
		assertThat(problems("""
				{"cases": [{"id": "x", "description": "d", "patient": {"age": 40, "residence": {"setting": "home"}},
				  "expect": {"programmes": {"prado-maternity": "eligible", "paerpa": {"status": "not-eligible", "rules": ["PAERPA-2"]},
				                            "no-such-programme": "eligible"}}}]}
				""")).extracting(RuleProblem::message).containsExactly("case 'x': "
				+ "programme prado-maternity: expected eligible, got not-eligible (PRADO-MAT-1: no pregnancy data: the maternity programme does not apply); "
				+ "programme paerpa rules: expected to include [PAERPA-2], got [PAERPA-1]; "
				+ "programme no-such-programme: expected in the answer, but the rule set has no such programme (it has [be-care-pathway-ckd, "
				+ "be-care-pathway-diabetes-2, be-target-population, dac, dmp-asthma, dmp-copd, dmp-coronary-heart-disease, dmp-diabetes-1, "
				+ "dmp-diabetes-2, dmp-heart-failure, paerpa, prado-copd, prado-elderly, prado-heart-failure, prado-maternity, prado-stroke, "
				+ "prado-surgery, rac-reseau, telemonitoring-heart-failure])");
	}

	@Test
	void aCandidateThatBreaksACaseIsReportedWithTheCase(@TempDir Path rules) throws IOException {
		RulesDirectory.copyOfDefault(rules).replace("programmes/prado-maternity.drl.csv", "prado-maternity.min-gestational-weeks,37",
				"prado-maternity.min-gestational-weeks,38");
		List<RuleProblem> problems = check.check(new RuleSetLoader(Clock.systemUTC()).load(rules), RuleSetLoader.read(rules));
		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("cases/prado-maternity.json");
			assertThat(problem.line()).isPositive();
			assertThat(problem.message()).isEqualTo("case 'maternity-week-37': programme prado-maternity: expected eligible, got not-eligible "
					+ "(PRADO-MAT-4: born at gestational week 37 (38 to 42))");
		});
	}
}
