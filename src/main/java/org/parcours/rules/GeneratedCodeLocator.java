package org.parcours.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.builder.Message;

/**
 * Places errors found in the Java that the executable model generates back in the clinician's file.
 * The compiler reports such errors against generated classes, with the generated source attached;
 * the statements in it are the rule's own code with whitespace and a {@code drools.} prefix changed,
 * so matching them against each rule file (decision tables through the DRL they expand to) finds the
 * file, the line and, for tables, the row.
 */
final class GeneratedCodeLocator {

	private static final Pattern SOURCE = Pattern.compile("Java source of .*? in error:\\s*(.*)", Pattern.DOTALL);

	private static final Pattern TABLE_RULE = Pattern.compile("rule \"([^\"]+)\"");

	private GeneratedCodeLocator() {
	}

	static List<RuleProblem> locate(List<Message> generatedErrors, List<RuleFile> files) {
		Map<String, List<Message>> byClass = new LinkedHashMap<>();
		generatedErrors.forEach(message -> byClass.computeIfAbsent(message.getPath(), path -> new ArrayList<>()).add(message));
		List<RuleProblem> problems = new ArrayList<>();
		byClass.forEach((path, messages) -> {
			String source = messages.stream().map(m -> SOURCE.matcher(m.getText())).filter(Matcher::find)
				.map(m -> m.group(1)).findFirst().orElse("");
			String what = messages.stream().map(m -> m.getText().strip()).filter(text -> !text.startsWith("Java source of"))
				.distinct().reduce((a, b) -> a + "; " + b).orElse("does not compile");
			problems.add(find(source, files).map(place -> new RuleProblem(place.file(), place.line(), place.prefix() + what))
				.orElseGet(() -> new RuleProblem(packageOf(path), 0, "a condition or action does not compile: " + what)));
		});
		return problems.stream().distinct().toList();
	}

	private record Place(String file, int line, String prefix) {
	}

	private static Optional<Place> find(String generatedSource, List<RuleFile> files) {
		for (String statement : statements(generatedSource)) {
			for (RuleFile file : files) {
				if (file.isDrl()) {
					int line = lineContaining(file.text(), statement);
					if (line > 0) {
						return Optional.of(new Place(file.path(), line, ""));
					}
				}
				else if (file.isDecisionTable()) {
					String drl = DecisionTableRows.drl(file);
					int line = lineContaining(drl, statement);
					if (line > 0) {
						String rule = ruleAbove(drl, line);
						return Optional.of(new Place(file.path(), DecisionTableRows.lineOf(file, "rule \"" + rule + "\""),
								"row '" + rule + "': "));
					}
				}
			}
		}
		return Optional.empty();
	}

	/** The statements of a generated lambda: its lines that are not scaffolding. */
	private static List<String> statements(String source) {
		return source.lines().map(String::strip)
			.filter(line -> !line.isEmpty() && !line.startsWith("package ") && !line.startsWith("import ") && !line.startsWith("@")
					&& !line.startsWith("public ") && !line.startsWith("INSTANCE") && !line.startsWith("return EXPRESSION_HASH")
					&& !line.equals("}") && !line.equals("}]") && !line.equals("{"))
			.map(line -> line.replace("drools.", ""))
			.map(GeneratedCodeLocator::squash)
			.filter(line -> line.length() > 8)
			.toList();
	}

	private static int lineContaining(String text, String squashedStatement) {
		String[] lines = text.split("\\R", -1);
		StringBuilder squashed = new StringBuilder();
		List<Integer> lineOfChar = new ArrayList<>();
		for (int i = 0; i < lines.length; i++) {
			String part = squash(lines[i]);
			squashed.append(part);
			for (int c = 0; c < part.length(); c++) {
				lineOfChar.add(i + 1);
			}
		}
		int at = squashed.indexOf(squashedStatement.endsWith(";") ? squashedStatement.substring(0, squashedStatement.length() - 1) : squashedStatement);
		return at < 0 ? 0 : lineOfChar.get(at);
	}

	private static String squash(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static String ruleAbove(String drl, int line) {
		String[] lines = drl.split("\\R", -1);
		for (int i = line - 1; i >= 0; i--) {
			Matcher matcher = TABLE_RULE.matcher(lines[i]);
			if (lines[i].startsWith("rule ") && matcher.find()) {
				return matcher.group(1);
			}
		}
		return "";
	}

	private static String packageOf(String generatedPath) {
		String relative = generatedPath.substring("src/main/java/".length());
		return "rules package '" + (relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative) + "'";
	}
}
