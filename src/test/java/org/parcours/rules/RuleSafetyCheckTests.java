package org.parcours.rules;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The static check that keeps rule code inside the fact model. */
class RuleSafetyCheckTests {

	private static RuleFile drl(String text) {
		return new RuleFile("stratification/extra.drl", text.getBytes(StandardCharsets.UTF_8));
	}

	private static String rule(String imports, String when, String then) {
		return "package stratification\n" + "import org.parcours.facts.*\n" + imports + "\n" + "rule \"X-1\"\n" + "when\n    " + when
				+ "\nthen\n    " + then + "\nend\n";
	}

	@Test
	void theDefaultRulesPass() {
		assertThat(RuleSafetyCheck.check(RuleSetLoader.read(DefaultRules.DIRECTORY))).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			file import          | import java.io.File                 | PatientFacts()                 | insert(1);                                            | import java.io.File
			network import       | import java.net.*                   | PatientFacts()                 | insert(1);                                            | import java.net.*
			reflection import    | import static java.lang.reflect.Array.get | PatientFacts()           | insert(1);                                            | import java.lang.reflect.Array.get
			qualified file use   |                                     | PatientFacts()                 | java.nio.file.Files.delete(null);                     | java.nio.file.Files
			process              |                                     | PatientFacts()                 | Runtime.getRuntime().exec(new String[] {});           | 'Runtime'
			process builder      |                                     | PatientFacts()                 | new ProcessBuilder().start();                         | 'ProcessBuilder'
			exit                 |                                     | PatientFacts()                 | System.exit(1);                                       | 'System'
			class loading        |                                     | PatientFacts()                 | Class.forName(drools.getRule().getName());            | 'Class'
			reflection           |                                     | $p : PatientFacts()            | $p.getClass().getDeclaredMethods();                   | 'getClass'
			class literal        |                                     | PatientFacts()                 | insert(PatientFacts.class);                           | a class literal
			thread               |                                     | PatientFacts()                 | new Thread(() -> {}).start();                         | 'Thread'
			concurrency          |                                     | PatientFacts()                 | java.util.concurrent.Executors.newFixedThreadPool(1); | java.util.concurrent.Executors
			in a condition       |                                     | PatientFacts(System.nanoTime() > 0) | insert(1);                                       | 'System'
			""")
	void forbiddenCodeIsRefusedWithFileLineAndRule(String name, String imports, String when, String then, String what) {
		String text = rule(imports == null ? "" : imports, when, then);
		List<RuleProblem> problems = RuleSafetyCheck.check(List.of(drl(text)));
		assertThat(problems).isNotEmpty().first().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("stratification/extra.drl");
			assertThat(text.lines().toList().get(problem.line() - 1)).contains(what.replaceAll("^'|'$", "").replace("a class literal", ".class")
				.replace("import ", ""));
			assertThat(problem.message()).contains(what).contains("is not allowed in rules");
		});
		if (imports == null) {
			assertThat(problems.get(0).message()).startsWith("rule \"X-1\": ");
		}
	}

	@Test
	void explanationTextsAndCommentsMayNameAnything() {
		String text = rule("// System.exit is never called from here", "PatientFacts()",
				"insert(new LevelFinding(1, \"X-1\", \"System, Runtime and java.io.File are words here\")); /* Thread */");
		assertThat(RuleSafetyCheck.check(List.of(drl(text)))).isEmpty();
	}

	@Test
	void valueTypesOfTheJavaLibraryAreAllowed() {
		String text = rule("import java.util.List\nimport java.time.LocalDate", "$l : java.util.List() from collect(Flag())",
				"insert(new java.util.TreeSet<String>()); java.math.BigDecimal.ONE.add(null); String.join(\",\", $l); Math.max(1, 2);");
		assertThat(RuleSafetyCheck.check(List.of(drl(text)))).isEmpty();
	}

	@Test
	void aDecisionTableActionIsCheckedAndReportedOnItsCsvRow() {
		RuleFile table = RuleSetLoader.read(DefaultRules.DIRECTORY).stream().filter(f -> f.path().equals("stratification/thresholds.drl.csv"))
			.findFirst().orElseThrow();
		String csv = table.text().replace("polypharmacy.min-medications,5", "\"polypharmacy.min-medications\",\"5); System.exit(0\"");
		List<RuleProblem> problems = RuleSafetyCheck.check(List.of(new RuleFile(table.path(), csv.getBytes(StandardCharsets.UTF_8))));
		int row = csv.lines().toList().indexOf(csv.lines().filter(l -> l.contains("System.exit")).findFirst().orElseThrow()) + 1;
		assertThat(problems).isNotEmpty().allSatisfy(problem -> {
			assertThat(problem.file()).isEqualTo("stratification/thresholds.drl.csv");
			assertThat(problem.line()).isEqualTo(row);
		});
		assertThat(problems).extracting(RuleProblem::message)
			.contains("rule \"polypharmacy.min-medications\": 'System' is not allowed in rules (it reaches the JVM and its environment)");
	}

	@Test
	void aDecisionTableImportIsCheckedOnItsCsvLine() {
		String csv = "RuleSet,stratification\nImport,\"org.parcours.facts.*, java.io.File\"\n,\nRuleTable T\nNAME,ACTION\n,\n,\"insert(new Threshold(\"\"x\"\", $param));\"\nname,value\nx,1\n";
		List<RuleProblem> problems = RuleSafetyCheck.check(List.of(new RuleFile("stratification/t.drl.csv", csv.getBytes(StandardCharsets.UTF_8))));
		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.line()).isEqualTo(2);
			assertThat(problem.message()).contains("import java.io.File");
		});
	}
}
