package org.parcours.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the CSV line of a decision-table row from the rule name a build message quotes. */
final class DecisionTableRows {

	private static final Pattern RULE_NAME = Pattern.compile("rule \"([^\"]+)\"");

	private DecisionTableRows() {
	}

	/** The 1-based line whose first non-empty cell is the quoted rule name, or 0 when the message names none. */
	static int lineOf(RuleFile table, String message) {
		Matcher matcher = RULE_NAME.matcher(message);
		if (!matcher.find()) {
			return 0;
		}
		String name = matcher.group(1);
		String[] lines = table.text().split("\\R", -1);
		for (int i = 0; i < lines.length; i++) {
			String first = lines[i].replaceFirst("^,*", "");
			if (first.startsWith(name + ",") || first.startsWith("\"" + name + "\"")) {
				return i + 1;
			}
		}
		return 0;
	}
}
