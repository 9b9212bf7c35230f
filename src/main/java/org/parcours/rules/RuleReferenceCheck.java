package org.parcours.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that rules and tables meet: every threshold, setting, derived fact and score a DRL condition
 * reads by name is created by some table row or rule (a misspelt name would otherwise never match,
 * silently switching the rule off), and no two rules of a package share a name, across files.
 */
final class RuleReferenceCheck {

	private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)");

	private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

	private RuleReferenceCheck() {
	}

	/** One problem per name read but never created, at the file and line of the read. */
	static List<RuleProblem> unknownNames(DeclaredNames names) {
		List<RuleProblem> problems = new ArrayList<>();
		for (DeclaredNames.Read read : names.reads()) {
			var declared = names.declared(read.kind());
			if (!declared.contains(read.name())) {
				problems.add(new RuleProblem(read.file(), read.line(), read.kind().words + " '" + read.name()
						+ "' is created by no table row or rule, so this condition can never match"
						+ Suggestion.closest(read.name(), declared).map(name -> ": did you mean '" + name + "'?").orElse("")));
			}
		}
		return problems;
	}

	/** Where a rule is defined: its package, name, file and line ("line 12" in DRL, "row 12" in a table). */
	private record Definition(String packageName, String rule, String file, int line, String where) {
	}

	/** A rule defined a second time: where, and where it was first. */
	private record Duplicate(Definition here, Definition first) {
	}

	/** Rule names defined twice in one package: one problem per pair of files, naming both files and rows. */
	static List<RuleProblem> duplicateRules(List<RuleFile> files, List<DecisionTable> tables) {
		List<Definition> definitions = new ArrayList<>();
		for (RuleFile file : files.stream().filter(RuleFile::isDrl).toList()) {
			Matcher pkg = PACKAGE.matcher(file.text());
			String packageName = pkg.find() ? pkg.group(1) : "";
			Matcher rule = RULE.matcher(file.text());
			while (rule.find()) {
				int line = DeclaredNames.lineAt(file.text(), rule.start(1));
				definitions.add(new Definition(packageName, rule.group(1), file.path(), line, "line " + line));
			}
		}
		for (DecisionTable table : tables) {
			for (DecisionTable.Row row : table.rows()) {
				String name = table.ruleName(row);
				if (!name.isEmpty()) {
					definitions.add(new Definition(table.packageName(), name, table.file(), row.line(), "row " + row.line()));
				}
			}
		}
		Map<String, Definition> first = new LinkedHashMap<>();
		Map<String, List<Duplicate>> byFiles = new LinkedHashMap<>();
		for (Definition definition : definitions) {
			Definition earlier = first.putIfAbsent(definition.packageName() + '\n' + definition.rule(), definition);
			if (earlier != null) {
				byFiles.computeIfAbsent(earlier.file() + '\n' + definition.file(), pair -> new ArrayList<>())
					.add(new Duplicate(definition, earlier));
			}
		}
		List<RuleProblem> problems = new ArrayList<>();
		for (List<Duplicate> duplicates : byFiles.values()) {
			Definition here = duplicates.get(0).here();
			String earlierFile = duplicates.get(0).first().file();
			boolean sameFile = earlierFile.equals(here.file());
			List<String> listed = duplicates.stream().limit(3)
				.map(d -> "'" + d.here().rule() + "' (" + d.here().where() + " here, " + d.first().where() + (sameFile ? " above" : " there") + ")")
				.toList();
			String more = duplicates.size() > 3 ? " and " + (duplicates.size() - 3) + " more" : "";
			problems.add(new RuleProblem(here.file(), here.line(), duplicates.size() + " rule name(s) defined "
					+ (sameFile ? "twice in this file" : "both here and in " + earlierFile) + ": " + String.join(", ", listed) + more
					+ ". Rule names must be unique in rules package '" + here.packageName() + "': rename the rows in one of the "
					+ (sameFile ? "two places" : "two files, or remove the copy")));
		}
		return problems;
	}
}
