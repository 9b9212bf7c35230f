package org.parcours.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules written in the DRL files of a rule set, read from their text: what the golden cases must
 * cover is decided from the files themselves, so a new level rule or programme is covered or reported
 * without any list in Java.
 */
public final class RuleCatalogue {

	/** A rule of a DRL file: where it is, its name and its text from {@code rule} to {@code end}. */
	public record DefinedRule(String file, int line, String name, String text) {
	}

	private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"(.*?)^\\s*end\\b", Pattern.DOTALL);

	private RuleCatalogue() {
	}

	/** The rules whose actions create a fact of the given type, such as {@code LevelFinding} or {@code Programme}. */
	public static List<DefinedRule> rulesCreating(List<RuleFile> files, String factType) {
		Pattern creates = Pattern.compile("\\bnew\\s+" + factType + "\\s*\\(");
		List<DefinedRule> rules = new ArrayList<>();
		for (RuleFile file : files.stream().filter(RuleFile::isDrl).toList()) {
			Matcher rule = RULE.matcher(file.text());
			while (rule.find()) {
				if (creates.matcher(rule.group(2)).find()) {
					rules.add(new DefinedRule(file.path(), DeclaredNames.lineAt(file.text(), rule.start(1)), rule.group(1), rule.group()));
				}
			}
		}
		return rules;
	}
}
