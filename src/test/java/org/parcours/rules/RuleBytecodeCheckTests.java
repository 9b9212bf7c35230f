package org.parcours.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.asm.ClassWriter;
import org.springframework.asm.Label;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;

import org.parcours.facts.PatientFacts;
import org.parcours.facts.Setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The check of what rules compile to. Each attack is a rule set that, without the check, runs its
 * code while the candidate is built (a rule without condition fires when the rule set is loaded) or
 * compiles a loop; with the check it is refused, naming file, rule and member, and nothing ran: the
 * marker file the attack would create does not exist.
 */
class RuleBytecodeCheckTests {

	private static final String STAGE = "Safety check of the compiled rules";

	@TempDir
	Path temp;

	/** The vocabularies of the fixture rule set (every rule set needs them) and one rule file. */
	private static List<RuleFile> ruleSetWith(String path, String text) {
		List<RuleFile> files = new ArrayList<>(RuleSetLoader.read(FixtureRules.DIRECTORY).stream().filter(RuleFile::isVocabulary).toList());
		files.add(new RuleFile(path, text.getBytes(StandardCharsets.UTF_8)));
		return files;
	}

	/** A rule without condition: it fires as soon as the rule set is built. */
	private static String firesOnLoad(String consequence) {
		return "package stratification\n\nimport org.parcours.facts.*\n\nrule \"X-ATTACK\"\nwhen\nthen\n    " + consequence + "\nend\n";
	}

	private RuleSetException refusedOnLoad(List<RuleFile> files) {
		return assertThatExceptionOfType(RuleSetException.class).isThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).build(files))
			.satisfies(refusal -> assertThat(refusal.stage()).isEqualTo(STAGE)).actual();
	}

	private String marker() {
		return temp.resolve("ran").toString();
	}

	@Test
	void commandExecutionByReflectionThroughAnAllowedTypeIsRefusedBeforeItRuns() {
		String declaring = "java.time.DayOfWeek.MONDAY.getDeclaringClass()";
		String type = declaring + ".getMethod(\"getDeclaringClass\").getReturnType()";
		String string = declaring + ".getMethod(\"name\").getReturnType()";
		String types = type + ".getMethod(\"getInterfaces\").getReturnType()";
		String none = type + ".getSuperclass().getInterfaces()";
		String getMethod = type + ".getMethod(\"getMethod\", " + string + ", " + types + ")";
		String invoke = getMethod + ".getReturnType().getMethod(\"invoke\", " + type + ".getSuperclass(), " + type + ".getSuperclass().arrayType())";
		String consequence = "Object runtime = " + type + ".getMethod(\"forName\", " + string + ").invoke(null, \"java.lang.Runtime\");\n"
				+ "    Object current = " + invoke + ".invoke(" + getMethod + ".invoke(runtime, \"getRuntime\", " + none + "), null, " + none + ");\n"
				+ "    Object command = " + getMethod + ".invoke(runtime, \"exec\", java.util.List.of(" + string + ".getMethod(\"split\", " + string
				+ ").getReturnType()).toArray(" + none + "));\n"
				+ "    " + invoke + ".invoke(command, current, new Object[] { new String[] { \"touch\", \"" + marker() + "\" } });";
		List<RuleFile> files = ruleSetWith("stratification/attack.drl", firesOnLoad(consequence));
		assertThat(RuleSafetyCheck.check(files)).as("the text check does not see it").isEmpty();

		RuleSetException refusal = refusedOnLoad(files);

		assertThat(refusal.problems()).contains(new RuleProblem("stratification/attack.drl", 5,
				"rule \"X-ATTACK\": java.time.DayOfWeek.getDeclaringClass() is not allowed in rules (it reaches reflection)"),
				new RuleProblem("stratification/attack.drl", 5, "rule \"X-ATTACK\": java.lang.reflect.Method.invoke(java.lang.Object, "
						+ "java.lang.Object[]) is not allowed in rules (it reaches reflection)"));
		assertThat(temp.resolve("ran")).doesNotExist();
	}

	@Test
	void commandExecutionByAUnicodeEscapeThatEndsAStringLiteralIsRefusedBeforeItRuns() {
		String consequence = "insert(new Setting(\"note\", \"x\\u0022)); new java.lang.ProcessBuilder(\\u0022touch\\u0022, \\u0022" + marker()
				+ "\\u0022).start(); drools.insert(new Setting(\\u0022y\\u0022, \\u0022y\"));";
		List<RuleFile> files = ruleSetWith("stratification/attack.drl", firesOnLoad(consequence));
		assertThat(RuleSafetyCheck.check(files)).as("the text check sees one string").isEmpty();

		RuleSetException refusal = refusedOnLoad(files);

		assertThat(refusal.problems()).containsExactly(new RuleProblem("stratification/attack.drl", 5,
				"rule \"X-ATTACK\": new java.lang.ProcessBuilder(java.lang.String[]) is not allowed in rules (it reaches processes)"),
				new RuleProblem("stratification/attack.drl", 5,
						"rule \"X-ATTACK\": java.lang.ProcessBuilder.start() is not allowed in rules (it reaches processes)"));
		assertThat(temp.resolve("ran")).doesNotExist();
	}

	@Test
	void theCandidateGateRefusesWhatTheTextCheckLetThroughAtTheCompiledStage() {
		String consequence = "insert(new Setting(\"note\", \"x\\u0022)); new java.lang.ProcessBuilder(\\u0022touch\\u0022, \\u0022" + marker()
				+ "\\u0022).start(); drools.insert(new Setting(\\u0022y\\u0022, \\u0022y\"));";
		CandidatePipeline gate = new CandidatePipeline(new RuleSetLoader(Clock.systemUTC()), List.of(), EvaluationLimits.DEFAULT);

		assertThatExceptionOfType(RuleSetException.class)
			.isThrownBy(() -> gate.build(ruleSetWith("stratification/attack.drl", firesOnLoad(consequence))))
			.satisfies(refusal -> assertThat(refusal.stage()).isEqualTo(STAGE));
		assertThat(temp.resolve("ran")).doesNotExist();
	}

	/**
	 * Code in a value cell of a free-text column (a note, as next steps are): whatever a table
	 * validation says about the cell, the compiled table cannot run a process, and the refusal names
	 * the table and the row.
	 */
	@Test
	void commandExecutionFromADecisionTableCellIsRefusedOnItsRow() {
		String cell = "x\\u0022)); new java.lang.ProcessBuilder(\\u0022touch\\u0022, \\u0022" + marker()
				+ "\\u0022).start(); drools.insert(new Setting(\\u0022y\\u0022, \\u0022y";
		String csv = "RuleSet,stratification\nImport,org.parcours.facts.*\n,\nRuleTable Notes\nNAME,ACTION\n,\n,\"insert(new Setting(\"\"note\"\", \"\"$param\"\"));\"\n"
				+ "name,note\nNOTE 1,plain words\nNOTE 2,\"" + cell + "\"\n";
		List<RuleFile> files = ruleSetWith("stratification/notes.drl.csv", csv);
		assertThat(RuleSafetyCheck.check(files)).as("the text check sees one string").isEmpty();

		// The table check refuses this cell before compiling; compiled directly, the bytecode check alone must refuse it too.
		assertThatExceptionOfType(RuleSetException.class).isThrownBy(() -> new RuleSetLoader(Clock.systemUTC()).build(files))
			.satisfies(refusal -> assertThat(refusal.stage()).isEqualTo("Tables and names"));
		RuleSetException refusal = assertThatExceptionOfType(RuleSetException.class).isThrownBy(() -> DrlCompiler.compile(files, RuleSetLoader.contentHashOf(files), CompiledRulesCache.NONE))
			.satisfies(problem -> assertThat(problem.stage()).isEqualTo(STAGE)).actual();

		assertThat(refusal.problems()).contains(new RuleProblem("stratification/notes.drl.csv", 10,
				"rule \"NOTE 2\": java.lang.ProcessBuilder.start() is not allowed in rules (it reaches processes)"));
		assertThat(refusal.problems()).extracting(RuleProblem::message).noneMatch(message -> message.contains("NOTE 1"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Formatter on a file name | new java.util.Formatter("MARKER").format("x").close();                               | new java.util.Formatter(java.lang.String) is not allowed in rules (it reaches files (a Formatter writes to files and streams))
			Formatter on a File      | new java.util.Formatter(new java.io.File("MARKER")).close();                       | new java.util.Formatter(java.io.File) is not allowed in rules (it reaches files (a Formatter writes to files and streams))
			Properties.store         | new java.util.Properties().store(new java.io.FileWriter("MARKER"), "x");          | java.util.Properties.store(java.io.Writer, java.lang.String) is not allowed in rules (it reaches files (Properties load and store streams))
			PrintStream              | new java.io.PrintStream("MARKER").close();                                        | new java.io.PrintStream(java.lang.String) is not allowed in rules (it reaches files and streams)
			""")
	void fileAccessThroughLibraryTypesIsRefusedBeforeItRuns(String name, String consequence, String problem) {
		List<RuleFile> files = ruleSetWith("stratification/attack.drl", firesOnLoad(consequence.replace("MARKER", marker())));

		RuleSetException refusal = refusedOnLoad(files);

		assertThat(refusal.problems()).contains(new RuleProblem("stratification/attack.drl", 5, "rule \"X-ATTACK\": " + problem));
		assertThat(temp.resolve("ran")).doesNotExist();
	}

	@Test
	void readingAFileThroughAScannerIsRefused() {
		List<RuleFile> files = ruleSetWith("stratification/attack.drl",
				firesOnLoad("insert(new Setting(\"x\", new java.util.Scanner(java.nio.file.Path.of(\"/etc/hostname\")).next()));"));

		assertThat(refusedOnLoad(files).problems()).contains(new RuleProblem("stratification/attack.drl", 5, "rule \"X-ATTACK\": "
				+ "new java.util.Scanner(java.nio.file.Path) is not allowed in rules (it reaches files (a Scanner reads files and streams))"));
	}

	@Test
	void aLoopInAConsequenceIsRefusedAtLoadBeforeAnyPatientIsEvaluated() {
		String drl = "package stratification\n\nimport org.parcours.facts.*\n\nrule \"X-SPIN\"\nwhen\n    PatientFacts()\nthen\n"
				+ "    while (true) {\n    }\nend\n";

		RuleSetException refusal = refusedOnLoad(ruleSetWith("stratification/spin.drl", drl));

		assertThat(refusal.problems()).containsExactly(new RuleProblem("stratification/spin.drl", 5,
				"rule \"X-SPIN\": a loop (while, for or do) is not allowed in rule code: a rule must end on every patient; "
						+ "repetition belongs in a tested Java helper of the fact model"));
	}

	@Test
	void aLoopInAFunctionIsRefusedEvenABoundedOne() {
		String drl = "package stratification\n\nimport org.parcours.facts.*\n\nfunction int spin(int n) {\n    int sum = 0;\n"
				+ "    for (int i = 0; i < n; i++) {\n        sum += i;\n    }\n    return sum;\n}\n\n"
				+ "rule \"X-SPIN\"\nwhen\n    PatientFacts($age : age)\nthen\n    insert(new Threshold(\"x\", spin($age)));\nend\n";

		RuleSetException refusal = refusedOnLoad(ruleSetWith("stratification/spin.drl", drl));

		assertThat(refusal.problems()).extracting(RuleProblem::toString).containsExactly("stratification/spin.drl:5: function \"spin\": "
				+ "a loop (while, for or do) is not allowed in rule code: a rule must end on every patient; "
				+ "repetition belongs in a tested Java helper of the fact model");
	}

	@Test
	void aFunctionThatCallsItselfIsRefused() {
		String drl = "package stratification\n\nimport org.parcours.facts.*\n\nfunction int grow(int n) {\n    return grow(n + 1) + grow(n + 2);\n}\n\n"
				+ "rule \"X-GROW\"\nwhen\n    PatientFacts($age : age)\nthen\n    insert(new Threshold(\"x\", grow($age)));\nend\n";

		RuleSetException refusal = refusedOnLoad(ruleSetWith("stratification/grow.drl", drl));

		assertThat(refusal.problems()).extracting(RuleProblem::toString).containsExactly("stratification/grow.drl:5: function \"grow\": "
				+ "code that calls itself (directly or through other functions) is not allowed in rules: it could run without end");
	}

	@Test
	void whatRulesLegitimatelyWriteCompilesAndRuns() {
		String drl = "package stratification\n\nimport org.parcours.facts.*\n\nfunction String band(int n) {\n"
				+ "    return n >= 75 ? \"older\" : \"younger\";\n}\n\nrule \"X-OK\"\nwhen\n    $p : PatientFacts($age : age > 0)\n"
				+ "    $l : java.util.List() from collect(Flag())\nthen\n    java.util.List<String> words = new java.util.ArrayList<>();\n"
				+ "    words.add(band($age));\n    insert(new Setting(drools.getRule().getName(), String.join(\",\", words) + Math.max(1, $l.size())"
				+ " + java.time.LocalDate.of(2024, 1, 1).plusDays(1) + java.math.BigDecimal.ONE.add(java.math.BigDecimal.TEN)));\nend\n";

		RuleSet ruleSet = new RuleSetLoader(Clock.systemUTC()).build(ruleSetWith("stratification/ok.drl", drl));

		assertThat(ruleSet.evaluate(PatientFacts.builder().age(80).chronicCategories(java.util.Set.of()).charlsonCategories(java.util.Set.of())
				.build(), null)).filteredOn(Setting.class::isInstance).map(Setting.class::cast).filteredOn(setting -> setting.name().equals("X-OK"))
			.singleElement().extracting(Setting::value).asString().startsWith("older").endsWith("2024-01-0211");
	}

	/**
	 * The engine's own plumbing (here a rule-definition class) may contain a backward jump; the same
	 * jump in a generated lambda (the class a consequence compiles to) is a loop in rule code.
	 */
	@Test
	void onlyCodeWrittenInRuleFilesIsHeldToTheLoopRule() {
		List<RuleFile> files = List.of(new RuleFile("stratification/x.drl",
				"package stratification\n\nrule \"X-1\"\nwhen\nthen\nend\n".getBytes(StandardCharsets.UTF_8)));
		byte[] definition = generated("stratification/RulesABCRuleMethods0", "rule_X_1", true, true);
		String lambda = "stratification/P0A/LambdaConsequenceABC";

		assertThat(RuleBytecodeCheck.check(Map.of("stratification/RulesABCRuleMethods0", definition, lambda,
				generated(lambda, "execute", false, false)), files)).isEmpty();
		assertThat(RuleBytecodeCheck.check(Map.of("stratification/RulesABCRuleMethods0", definition, lambda,
				generated(lambda, "execute", false, true)), files)).extracting(RuleProblem::toString).singleElement().asString()
			.startsWith("stratification/x.drl:3: rule \"X-1\": a loop (while, for or do) is not allowed in rule code");
	}

	/** A class with one static method, counting down in a loop or not; a rule-definition method also names its rule and its lambda. */
	private static byte[] generated(String name, String method, boolean definesRule, boolean loops) {
		ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
		writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name, null, "java/lang/Object", null);
		MethodVisitor code = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, method, "(I)V", null, null);
		code.visitCode();
		if (definesRule) {
			code.visitLdcInsn("stratification");
			code.visitLdcInsn("X-1");
			code.visitMethodInsn(Opcodes.INVOKESTATIC, "org/drools/modelcompiler/dsl/pattern/D", "rule",
					"(Ljava/lang/String;Ljava/lang/String;)Lorg/drools/model/impl/RuleBuilder;", false);
			code.visitInsn(Opcodes.POP);
			code.visitInsn(Opcodes.ICONST_0);
			code.visitMethodInsn(Opcodes.INVOKESTATIC, "stratification/P0A/LambdaConsequenceABC", "execute", "(I)V", false);
		}
		Label top = new Label();
		Label end = new Label();
		code.visitLabel(top);
		code.visitVarInsn(Opcodes.ILOAD, 0);
		code.visitJumpInsn(Opcodes.IFLE, end);
		code.visitIincInsn(0, -1);
		code.visitJumpInsn(Opcodes.GOTO, loops ? top : end);
		code.visitLabel(end);
		code.visitInsn(Opcodes.RETURN);
		code.visitMaxs(0, 0);
		code.visitEnd();
		writer.visitEnd();
		return writer.toByteArray();
	}
}
