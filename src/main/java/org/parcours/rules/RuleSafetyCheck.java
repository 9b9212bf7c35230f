package org.parcours.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Refuses rule code that could reach beyond the facts: files, network, processes, reflection, class
 * loading, threads, the JVM itself. Runs on every DRL file and on the DRL each decision table expands
 * to (so condition and action cells are checked too), before anything is compiled.
 * <p>
 * Types are checked against an allow-list: imports and fully qualified names must come from the fact
 * model or from {@code java.util}, {@code java.time} and {@code java.math} value types. What an
 * allow-list cannot see is {@code java.lang}, which every rule reaches without an import, so its
 * dangerous members are named in a deny-list. Comments and string literals are ignored: explanation
 * texts may say anything.
 * <p>
 * This check reads text, and text can hide code (a Unicode escape that ends a string literal,
 * reflection reached through an allowed type), so it only gives an early, friendlier message for the
 * obvious cases. What decides is {@link RuleBytecodeCheck}, which reads the compiled code.
 */
final class RuleSafetyCheck {

	private static final List<String> ALLOWED_PACKAGES = List.of("org.parcours.facts.", "java.util.", "java.time.", "java.math.");

	private static final List<String> FORBIDDEN_IN_ALLOWED = List.of("java.util.concurrent", "java.util.logging", "java.util.jar",
			"java.util.zip", "java.util.prefs", "java.util.spi", "java.util.ServiceLoader", "java.util.Timer", "java.util.Scanner",
			"java.util.Formatter", "java.util.Properties");

	/** java.lang (and friends reachable without import) that a rule never needs, with why. */
	private static final Map<String, String> FORBIDDEN_NAMES = Map.ofEntries(Map.entry("System", "the JVM and its environment"),
			Map.entry("Runtime", "processes and the JVM"), Map.entry("Process", "processes"),
			Map.entry("ProcessBuilder", "processes"), Map.entry("ProcessHandle", "processes"), Map.entry("Thread", "threads"),
			Map.entry("ThreadGroup", "threads"), Map.entry("ThreadLocal", "threads"), Map.entry("ClassLoader", "class loading"),
			Map.entry("Class", "reflection"), Map.entry("Module", "reflection"), Map.entry("ModuleLayer", "reflection"),
			Map.entry("StackWalker", "reflection"), Map.entry("SecurityManager", "the JVM"), Map.entry("Compiler", "the JVM"),
			Map.entry("getClass", "reflection"), Map.entry("forName", "class loading"), Map.entry("loadClass", "class loading"),
			Map.entry("getDeclaredMethod", "reflection"), Map.entry("getDeclaredField", "reflection"),
			Map.entry("setAccessible", "reflection"), Map.entry("newInstance", "reflection"), Map.entry("exec", "processes"),
			Map.entry("exit", "the JVM"), Map.entry("halt", "the JVM"), Map.entry("loadLibrary", "native code"),
			Map.entry("wait", "threads"), Map.entry("notify", "threads"), Map.entry("notifyAll", "threads"),
			Map.entry("synchronized", "threads"), Map.entry("global", "services outside the rules (none is provided)"));

	private static final Pattern WORD = Pattern.compile("\\b[A-Za-z_][A-Za-z0-9_]*\\b");

	private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+|function\\s+|accumulate\\s+)?([\\w.*]+)", Pattern.MULTILINE);

	/** A package-qualified name: lower-case segments then a type ({@code java.util.List}, {@code java.io.File}). */
	private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$.])((?:[a-z_][a-z0-9_]*\\.)+)([A-Z]\\w*)");

	private static final Pattern CLASS_LITERAL = Pattern.compile("\\.\\s*class\\b");

	private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"");

	private static final Pattern TABLE_ROW = Pattern.compile("^// rule values at [A-Z]+(\\d+)");

	private RuleSafetyCheck() {
	}

	static List<RuleProblem> check(List<RuleFile> files) {
		List<RuleProblem> problems = new ArrayList<>();
		for (RuleFile file : files) {
			if (file.isDrl() || file.isDecisionTable()) {
				problems.addAll(CHECKED.of(file));
			}
		}
		return problems;
	}

	/** A file's findings depend on nothing else: an unchanged file is not checked again. */
	private static final ByFileContent<List<RuleProblem>> CHECKED = new ByFileContent<>(RuleSafetyCheck::check);

	private static List<RuleProblem> check(RuleFile file) {
		List<RuleProblem> problems = new ArrayList<>();
		if (file.isDrl()) {
			for (Finding finding : scan(file.text())) {
				problems.add(new RuleProblem(file.path(), finding.line(), finding.describe()));
			}
		}
		else {
			String drl = DecisionTableRows.drl(file);
			for (Finding finding : scan(drl)) {
				problems.add(new RuleProblem(file.path(), tableLine(file, drl, finding), finding.describe()));
			}
		}
		return List.copyOf(problems);
	}

	record Finding(int line, String rule, String what, String reaches) {

		String describe() {
			return (rule.isEmpty() ? "" : "rule \"" + rule + "\": ") + what + " is not allowed in rules (it reaches " + reaches + ")";
		}
	}

	static List<Finding> scan(String drl) {
		String code = blankCommentsAndStrings(drl);
		String[] lines = code.split("\n", -1);
		String[] raw = drl.split("\n", -1);
		List<Finding> findings = new ArrayList<>();
		String rule = "";
		for (int i = 0; i < lines.length; i++) {
			Matcher ruleStart = RULE.matcher(raw[i]);
			if (ruleStart.find()) {
				rule = ruleStart.group(1);
			}
			String line = lines[i];
			if (line.strip().startsWith("package ")) {
				continue;
			}
			Matcher imported = IMPORT.matcher(line);
			if (imported.find()) {
				String name = imported.group(1);
				if (!allowed(name)) {
					findings.add(new Finding(i + 1, rule, "import " + name, "code outside the fact model and java.util/time/math"));
				}
				continue;
			}
			Matcher qualified = QUALIFIED.matcher(line);
			while (qualified.find()) {
				String name = qualified.group(1) + qualified.group(2);
				if (!allowed(name)) {
					findings.add(new Finding(i + 1, rule, name, "code outside the fact model and java.util/time/math"));
				}
			}
			if (CLASS_LITERAL.matcher(line).find()) {
				findings.add(new Finding(i + 1, rule, "a class literal (.class)", "reflection"));
			}
			Matcher word = WORD.matcher(line);
			while (word.find()) {
				String reaches = FORBIDDEN_NAMES.get(word.group());
				if (reaches != null) {
					findings.add(new Finding(i + 1, rule, "'" + word.group() + "'", reaches));
				}
			}
			if (raw[i].strip().equals("end")) {
				rule = "";
			}
		}
		return findings;
	}

	private static boolean allowed(String name) {
		return ALLOWED_PACKAGES.stream().anyMatch(name::startsWith) && FORBIDDEN_IN_ALLOWED.stream().noneMatch(name::startsWith);
	}

	/** The text with comments and string/character literals replaced by spaces; line breaks kept. */
	static String blankCommentsAndStrings(String text) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
				while (i < text.length() && text.charAt(i) != '\n') {
					out.append(' ');
					i++;
				}
			}
			else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
				int end = text.indexOf("*/", i + 2);
				end = end < 0 ? text.length() : end + 2;
				blank(text, i, end, out);
				i = end;
			}
			else if (c == '"' || c == '\'') {
				int end = i + 1;
				while (end < text.length() && text.charAt(end) != c && text.charAt(end) != '\n') {
					end += text.charAt(end) == '\\' ? 2 : 1;
				}
				end = Math.min(end + 1, text.length());
				blank(text, i, end, out);
				i = end;
			}
			else {
				out.append(c);
				i++;
			}
		}
		return out.toString();
	}

	private static void blank(String text, int from, int to, StringBuilder out) {
		for (int j = from; j < to; j++) {
			out.append(text.charAt(j) == '\n' ? '\n' : ' ');
		}
	}

	/**
	 * The CSV line behind a finding in a table's generated DRL: the row the generator names above a
	 * rule, or for header code (imports, functions) the first line of the table that mentions it.
	 */
	private static int tableLine(RuleFile table, String drl, Finding finding) {
		String[] lines = drl.split("\n", -1);
		if (!finding.rule().isEmpty()) {
			for (int i = finding.line() - 1; i >= 0; i--) {
				Matcher row = TABLE_ROW.matcher(lines[i]);
				if (row.find()) {
					return Integer.parseInt(row.group(1));
				}
			}
		}
		String[] csv = table.text().split("\\R", -1);
		String token = finding.what().replaceFirst("^import ", "").replace("'", "");
		for (int i = 0; i < csv.length; i++) {
			if (csv[i].contains(token)) {
				return i + 1;
			}
		}
		return 0;
	}
}
