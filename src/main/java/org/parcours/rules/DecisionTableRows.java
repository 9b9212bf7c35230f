package org.parcours.rules;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

/** CSV decision tables as their authors see them: the DRL they expand to, and the CSV line of a row. */
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

	/** The DRL a CSV decision table expands to; empty when the table cannot be read (the compiler reports that, with its row). */
	static String drl(RuleFile table) {
		try {
			return new SpreadsheetCompiler().compile(new ByteArrayInputStream(table.content()), InputType.CSV);
		}
		catch (RuntimeException ex) {
			return "";
		}
	}
}
