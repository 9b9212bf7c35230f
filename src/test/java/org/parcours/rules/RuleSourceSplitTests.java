package org.parcours.rules;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.model.Consequence;
import org.drools.model.functions.IntrospectableLambda;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import org.parcours.facts.ProgrammeFinding;
import org.parcours.facts.Setting;
import org.parcours.facts.Threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rule files cut into a parameter part (rules without any condition) and a rules part before they
 * are compiled: each part holds what it should, every line stays where the clinician wrote it, both
 * parts compile, and a compile error in either is reported at the clinician's file and line or row.
 */
class RuleSourceSplitTests {

	static final String DRL_PATH = "stratification/split.drl";

	static final String DRL = """
			package stratification

			import org.parcours.facts.*

			function String label(String name) {
			    return "split " + name;
			}

			rule "SPLIT-PROGRAMME"
			when
			then
			    insert(new Setting("split.label", label("programme")));
			end

			rule "SPLIT-L2"
			when
			    $p : PatientFacts(medicationCount != null, medicationCount >= 5)
			then
			    insert(new LevelFinding(2, "SPLIT-L2", label("level")));
			end
			""";

	static final String TABLE_PATH = "stratification/split.drl.csv";

	static final String TABLE = """
			RuleSet,stratification
			Import,org.parcours.facts.*
			,
			RuleTable Split thresholds
			NAME,ACTION
			,
			,"insert(new Threshold(drools.getRule().getName(), $param));"
			threshold,value [whole number]
			split.min-medications,5
			,
			RuleTable Split levels
			NAME,CONDITION,ACTION
			,$p : PatientFacts,
			,medicationCount >= $param,"insert(new LevelFinding($param, drools.getRule().getName(), ""many medications""));"
			rule,from [whole number],level [whole number]
			SPLIT-L3,10,3
			,
			RuleTable Split next steps
			NAME,CONDITION,ACTION
			,PatientFacts,
			,"hasChronic(""$param"")","insert(ProgrammeFinding.nextStep(""split"", drools.getRule().getName(), ""$param""));"
			rule,when the patient has [chronic category],next step [text]
			SPLIT-NEXT 1,copd,see a pulmonologist
			SPLIT-NEXT 2,,review at 6 months
			""";

	static List<RuleFile> files(String drl, String table) {
		return List.of(new RuleFile(DRL_PATH, drl.getBytes(StandardCharsets.UTF_8)),
				new RuleFile(TABLE_PATH, table.getBytes(StandardCharsets.UTF_8)));
	}

	static String text(List<RuleFile> part, String path) {
		return part.stream().filter(file -> file.path().equals(path)).findFirst().orElseThrow().text();
	}

	static List<String> lines(String text) {
		return List.of(text.split("\n", -1));
	}

	@Test
	void eachPartHoldsItsRulesWithTheHeaderAndEveryLineInItsPlace() {
		RuleSourceSplit split = RuleSourceSplit.of(files(DRL, TABLE));
		List<String> original = lines(DRL);
		List<String> parameters = lines(text(split.parameters(), DRL_PATH));
		List<String> rules = lines(text(split.rules(), DRL_PATH));

		assertThat(parameters).hasSameSizeAs(original);
		assertThat(rules).hasSameSizeAs(original);
		for (int line : List.of(1, 3, 5, 6, 7)) {
			// the header (package, import, function) is in both parts, where it was
			assertThat(parameters.get(line - 1)).isEqualTo(original.get(line - 1));
			assertThat(rules.get(line - 1)).isEqualTo(original.get(line - 1));
		}
		for (int line = 9; line <= 13; line++) {
			assertThat(parameters.get(line - 1)).isEqualTo(original.get(line - 1));
			assertThat(rules.get(line - 1)).isBlank();
		}
		for (int line = 15; line <= 20; line++) {
			assertThat(parameters.get(line - 1)).isBlank();
			assertThat(rules.get(line - 1)).isEqualTo(original.get(line - 1));
		}

		List<String> table = lines(TABLE);
		List<String> parameterTable = lines(text(split.parameters(), TABLE_PATH));
		List<String> rulesTable = lines(text(split.rules(), TABLE_PATH));
		assertThat(parameterTable).hasSameSizeAs(table);
		assertThat(rulesTable).hasSameSizeAs(table);
		assertThat(parameterTable.subList(0, 2)).isEqualTo(table.subList(0, 2));
		assertThat(rulesTable.subList(0, 2)).isEqualTo(table.subList(0, 2));
		// the parameter table (lines 4-9) only in the parameter part, the condition table (11-16) only in the rules part
		assertThat(parameterTable.subList(3, 9)).isEqualTo(table.subList(3, 9));
		assertThat(rulesTable.subList(3, 9)).allSatisfy(line -> assertThat(line).isEmpty());
		assertThat(parameterTable.subList(10, 16)).allSatisfy(line -> assertThat(line).isEmpty());
		assertThat(rulesTable.subList(10, 16)).isEqualTo(table.subList(10, 16));
		// a table with a row without condition (SPLIT-NEXT 2) is in both
		assertThat(parameterTable.subList(17, 24)).isEqualTo(table.subList(17, 24));
		assertThat(rulesTable.subList(17, 24)).isEqualTo(table.subList(17, 24));
	}

	@Test
	void bothPartsCompileTheRulesWithoutConditionFireOnceAndThePatientsRulesPartHoldsNone() {
		KnowledgeBases.Halves halves = new KnowledgeBases(CompiledRulesCache.NONE).compile(files(DRL, TABLE));

		// each file's parameters are a knowledge base of their own, in the order of the files
		assertThat(halves.parameters()).hasSize(2);
		assertThat(ruleNames(halves.parameters().get(0))).containsExactly("SPLIT-PROGRAMME");
		assertThat(ruleNames(halves.parameters().get(1))).contains("split.min-medications", "SPLIT-NEXT 2")
			.doesNotContain("SPLIT-L2", "SPLIT-L3", "SPLIT-PROGRAMME");
		assertThat(ruleNames(halves.rules())).containsExactlyInAnyOrder("SPLIT-L2", "SPLIT-L3", "SPLIT-NEXT 1");

		PatientSessions evaluations = new PatientSessions(halves.parameters(), halves.rules());
		// the facts of each file's parameters in the order of the files
		assertThat(evaluations.constantFacts()).hasSize(3).first().isEqualTo(new Setting("split.label", "split programme"));
		assertThat(evaluations.constantFacts())
			.anySatisfy(fact -> assertThat(fact).isInstanceOfSatisfying(Threshold.class, threshold -> assertThat(threshold.name()).isEqualTo("split.min-medications")))
			.anySatisfy(fact -> assertThat(fact).isInstanceOfSatisfying(ProgrammeFinding.class,
					step -> assertThat(step.rule()).isEqualTo("SPLIT-NEXT 2")));
		assertThat(ruleNames(halves.rules())).as("the rules part is not changed by the evaluations' set-up")
			.containsExactlyInAnyOrder("SPLIT-L2", "SPLIT-L3", "SPLIT-NEXT 1");
		KieSession empty = halves.rules().newKieSession();
		try {
			assertThat(empty.fireAllRules()).as("no rule of the rules part fires without a patient").isZero();
		}
		finally {
			empty.dispose();
		}
	}

	@Test
	void aRuleSetThatDeclaresATypeIsCompiledWholeSoThatItsParametersAndRulesShareTheClass() {
		String declaring = DRL.replace("rule \"SPLIT-PROGRAMME\"", "declare SplitLimit\n    value : int\nend\n\nrule \"SPLIT-LIMIT\"\nwhen\nthen\n"
				+ "    insert(new SplitLimit(5));\nend\n\nrule \"SPLIT-PROGRAMME\"");
		assertThat(RuleSourceSplit.of(files(declaring, TABLE)).parameters()).isEmpty();
		assertThat(RuleSourceSplit.of(files(declaring, TABLE)).shares()).isEmpty();

		KnowledgeBases.Halves halves = new KnowledgeBases(CompiledRulesCache.NONE).compile(files(declaring, TABLE));
		assertThat(halves.parameters()).singleElement().isSameAs(halves.rules());
		PatientSessions evaluations = new PatientSessions(halves.parameters(), halves.rules());

		Class<?> declared = halves.rules().getFactType("stratification", "SplitLimit").getFactClass();
		assertThat(evaluations.constantFacts()).anySatisfy(fact -> assertThat(fact).isExactlyInstanceOf(declared));
		assertThat(ruleNames(halves.rules())).containsExactlyInAnyOrder("SPLIT-L2", "SPLIT-L3", "SPLIT-NEXT 1");
	}

	@Test
	void aDrlFileWithoutParametersOrFunctionsIsInTheRulesPartOnly() {
		List<RuleFile> files = List.of(new RuleFile("stratification/only-rules.drl", DRL.substring(0, DRL.indexOf("function"))
			.concat(DRL.substring(DRL.indexOf("rule \"SPLIT-L2\""))).replace("label(\"level\")", "\"level\"").getBytes(StandardCharsets.UTF_8)));

		RuleSourceSplit split = RuleSourceSplit.of(files);

		assertThat(split.parameters()).isEmpty();
		assertThat(split.rules()).extracting(RuleFile::path).containsExactly("stratification/only-rules.drl");
	}

	@Test
	void anEditOfOneFilesParametersCompilesThatFileAloneAndTheOtherFilesKeepTheirKnowledgeBases() {
		KnowledgeBases knowledgeBases = new KnowledgeBases(CompiledRulesCache.NONE);
		KnowledgeBases.Halves before = knowledgeBases.compile(files(DRL, TABLE));

		KnowledgeBases.Halves after = knowledgeBases.compile(files(DRL, TABLE.replace("split.min-medications,5", "split.min-medications,6")));

		assertThat(after.parameters().get(0)).isSameAs(before.parameters().get(0));
		assertThat(after.parameters().get(1)).isNotSameAs(before.parameters().get(1));
		assertThat(after.rules()).isSameAs(before.rules());
		assertThat(new PatientSessions(after.parameters(), after.rules()).constantFacts())
			.contains(new Setting("split.label", "split programme"))
			.anySatisfy(fact -> assertThat(fact).isInstanceOfSatisfying(Threshold.class, threshold -> assertThat(threshold.value()).isEqualTo(6)));
	}

	@Test
	void aRuleEditCompilesThatFileAloneAndTheOtherFilesKeepTheirLoadedClasses() {
		KnowledgeBases knowledgeBases = new KnowledgeBases(CompiledRulesCache.NONE);
		KnowledgeBases.Halves before = knowledgeBases.compile(files(DRL, TABLE));

		KnowledgeBases.Halves after = knowledgeBases.compile(files(DRL.replace("medicationCount >= 5", "medicationCount >= 6"), TABLE));

		assertThat(after.rules()).isNotSameAs(before.rules());
		assertThat(consequenceClass(before.rules(), "SPLIT-L2").getClassLoader()).as("each file compiled on its own, in a module of its own")
			.isNotSameAs(consequenceClass(before.rules(), "SPLIT-L3").getClassLoader());
		assertThat(consequenceClass(after.rules(), "SPLIT-L3")).as("the unchanged table's rule runs its same class")
			.isSameAs(consequenceClass(before.rules(), "SPLIT-L3"));
		assertThat(consequenceClass(after.rules(), "SPLIT-L2")).as("the edited file's rule is compiled again")
			.isNotSameAs(consequenceClass(before.rules(), "SPLIT-L2"));
		assertThat(ruleNames(after.rules())).containsExactlyInAnyOrderElementsOf(ruleNames(before.rules()));
		assertThat(before.code()).isEqualTo(new KnowledgeBases.RulesPartCode(2, 2));
		assertThat(after.code()).as("one file of two with classes of its own").isEqualTo(new KnowledgeBases.RulesPartCode(1, 2));
		assertThat(knowledgeBases.compile(files(DRL.replace("medicationCount >= 5", "medicationCount >= 6"), TABLE)).code())
			.as("the same files again: the knowledge base in use").isEqualTo(new KnowledgeBases.RulesPartCode(0, 2));
	}

	@Test
	void aRuleThatExtendsOneOfAnotherFileMakesTheRulesPartCompileWhole() {
		String extending = """
				package stratification

				import org.parcours.facts.*

				rule "SPLIT-L2 older" extends "SPLIT-L2"
				when
				    PatientFacts(medicationCount >= 8)
				then
				    insert(new LevelFinding(3, "SPLIT-L2 older", "older"));
				end
				""";
		List<RuleFile> files = new ArrayList<>(files(DRL, TABLE));
		files.add(new RuleFile("stratification/extending.drl", extending.getBytes(StandardCharsets.UTF_8)));

		KnowledgeBases.Halves halves = new KnowledgeBases(CompiledRulesCache.NONE).compile(files);

		assertThat(ruleNames(halves.rules())).contains("SPLIT-L2", "SPLIT-L2 older", "SPLIT-L3");
		// compiled whole: one module, so one class loader for the rules of every file (file by file, one each)
		assertThat(consequenceClass(halves.rules(), "SPLIT-L2 older").getClassLoader())
			.isSameAs(consequenceClass(halves.rules(), "SPLIT-L2").getClassLoader())
			.isSameAs(consequenceClass(halves.rules(), "SPLIT-L3").getClassLoader());
		assertThat(halves.code()).isEqualTo(KnowledgeBases.RulesPartCode.WHOLE);
	}

	/** The class of the code the rule's consequence runs: the executable model's lambda, behind the engine's wrapper. */
	private static Class<?> consequenceClass(KieBase kieBase, String rule) {
		Object consequence = ((RuleImpl) kieBase.getRule("stratification", rule)).getConsequence();
		try {
			Field wrapped = consequence.getClass().getDeclaredField("consequence");
			wrapped.setAccessible(true);
			return ((IntrospectableLambda) ((Consequence) wrapped.get(consequence)).getBlock()).getLambda().getClass();
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError(ex);
		}
	}

	/** The DRL without its function, which {@link #LABELS} declares. */
	static final String USES_LABEL = DRL.replace(DRL.substring(DRL.indexOf("function"), DRL.indexOf("rule \"SPLIT-PROGRAMME\"")), "");

	/** The DRL's function alone, in a file of its own. */
	static final String LABELS = DRL.substring(0, DRL.indexOf("rule \"SPLIT-PROGRAMME\""));

	@Test
	void aFilesParametersCompileAloneWithTheFunctionsOfItsPackage() {
		// a rule without condition calling a function another file of its package declares
		List<RuleFile> files = List.of(new RuleFile("stratification/labels.drl", LABELS.getBytes(StandardCharsets.UTF_8)),
				new RuleFile("stratification/uses.drl", USES_LABEL.getBytes(StandardCharsets.UTF_8)),
				new RuleFile(TABLE_PATH, TABLE.getBytes(StandardCharsets.UTF_8)));
		RuleSourceSplit split = RuleSourceSplit.of(files);
		assertThat(split.parameters()).hasSize(3);
		assertThat(split.shares()).as("a file with functions only inserts nothing: not compiled alone").hasSize(2);
		assertThat(split.shares().get(0)).extracting(RuleFile::path).containsExactly("stratification/uses.drl", "stratification/labels.drl");

		KnowledgeBases.Halves halves = new KnowledgeBases(CompiledRulesCache.NONE).compile(files);

		assertThat(halves.parameters()).hasSize(2);
		assertThat(ruleNames(halves.parameters().get(0))).containsExactly("SPLIT-PROGRAMME");
		assertThat(new PatientSessions(halves.parameters(), halves.rules()).constantFacts()).hasSize(3)
			.first().isEqualTo(new Setting("split.label", "split programme"));
	}

	@Test
	void parametersThatDoNotCompileWithoutOtherFilesMakeTheParameterPartCompileWhole() {
		// a rule without condition extending one of another file: its file's share does not compile alone
		String child = """
				package stratification

				import org.parcours.facts.*

				rule "SPLIT-CHILD" extends "SPLIT-PROGRAMME"
				when
				then
				    insert(new Setting("split.child", "child"));
				end
				""";
		List<RuleFile> files = List.of(new RuleFile(DRL_PATH, DRL.getBytes(StandardCharsets.UTF_8)),
				new RuleFile("stratification/child.drl", child.getBytes(StandardCharsets.UTF_8)),
				new RuleFile(TABLE_PATH, TABLE.getBytes(StandardCharsets.UTF_8)));
		assertThat(RuleSourceSplit.of(files).shares()).hasSize(3);

		KnowledgeBases.Halves halves = new KnowledgeBases(CompiledRulesCache.NONE).compile(files);

		assertThat(halves.parameters()).singleElement()
			.satisfies(whole -> assertThat(ruleNames(whole)).contains("SPLIT-PROGRAMME", "SPLIT-CHILD", "split.min-medications"));
		assertThat(new PatientSessions(halves.parameters(), halves.rules()).constantFacts())
			.contains(new Setting("split.label", "split programme"), new Setting("split.child", "child"));
	}

	@ParameterizedTest(name = "{0}: line {2}")
	@CsvSource(delimiter = '|', value = { "parameter part|label(\"programme\")|12", "rules part|label(\"level\")|19" })
	void aCompileErrorInEitherPartIsReportedAtTheClinicianLine(String part, String call, int line) {
		String broken = DRL.replace(call, "labelled" + call.substring("label".length()));

		assertThat(refusal(broken, TABLE)).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo(DRL_PATH);
			assertThat(problem.line()).isEqualTo(line);
		});
	}

	@Test
	void compileErrorsInATableOfEachPartAreReportedTogetherAsByOneCompilationOfTheWhole() {
		// an unknown type in the parameter table's action, an unknown field in the condition table's condition
		String broken = TABLE.replace("new Threshold(", "new Thresholdx(").replace("medicationCount >= $param", "medicationCounts >= $param");
		List<RuleFile> files = files(DRL, broken);
		List<RuleProblem> whole = catchThrowableOfType(RuleSetException.class,
				() -> DrlCompiler.compile(files, RuleSetLoader.contentHashOf(files), CompiledRulesCache.NONE)).problems();

		// every problem one compilation of the whole reports (there, the condition's error hides the action's)
		assertThat(refusal(DRL, broken)).hasSize(2).containsAll(whole)
			.anySatisfy(problem -> assertThat(problem.message()).contains("Thresholdx"))
			.anySatisfy(problem -> {
				assertThat(problem.file()).isEqualTo(TABLE_PATH);
				assertThat(problem.message()).contains("medicationCounts >= 10");
			});
	}

	static List<RuleProblem> refusal(String drl, String table) {
		try {
			new KnowledgeBases(CompiledRulesCache.NONE).compile(files(drl, table));
		}
		catch (RuleSetException ex) {
			assertThat(ex.stage()).isEqualTo("Compilation");
			return ex.problems();
		}
		throw new AssertionError("the rules compiled");
	}

	static Collection<String> ruleNames(KieBase kieBase) {
		return kieBase.getKiePackages().stream().flatMap(kiePackage -> kiePackage.getRules().stream()).map(rule -> rule.getName()).toList();
	}
}
