package org.parcours.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names through which rules and tables meet, read from the rule files: the thresholds, settings,
 * derived facts (flags) and scores that some table row or rule creates, and every place where a DRL
 * condition reads one by name. A name that is read but never created is a typo that would silently
 * switch a rule off, so {@link RuleReferenceCheck} refuses it.
 */
final class DeclaredNames {

	/** What a name stands for, in the words of a refusal. */
	enum Kind {
		THRESHOLD("threshold"), SETTING("setting"), FLAG("derived fact"), SCORE("score");

		final String words;

		Kind(String words) {
			this.words = words;
		}
	}

	/** A DRL condition reading a name: the file and line where it does. */
	record Read(Kind kind, String name, String file, int line) {
	}

	private static final String LITERAL = "\"([^\"\\\\]+)\"";

	private static final Pattern THRESHOLD_READ = Pattern.compile("\\bThreshold\\s*\\(\\s*name\\s*==\\s*" + LITERAL);

	private static final Pattern SETTING_READ = Pattern.compile("\\bSetting\\s*\\(\\s*name\\s*==\\s*" + LITERAL);

	private static final Pattern FLAG_READ = Pattern.compile("\\bFlag\\s*\\(\\s*name\\s*==\\s*" + LITERAL);

	private static final Pattern FLAG_READ_IN = Pattern.compile("\\bFlag\\s*\\(\\s*name\\s+in\\s*\\(([^)]*)\\)");

	private static final Pattern SCORE_READ = Pattern.compile("\\bScore(?:Value|Points|Missing|Band)\\s*\\(\\s*score\\s*==\\s*" + LITERAL);

	private static final Pattern THRESHOLD_NEW = Pattern.compile("\\bnew\\s+Threshold\\s*\\(\\s*" + LITERAL);

	private static final Pattern SETTING_NEW = Pattern.compile("\\bnew\\s+Setting\\s*\\(\\s*" + LITERAL);

	private static final Pattern SCORE_NEW = Pattern.compile("\\bnew\\s+Score(?:Value|Points|Missing)\\s*\\(\\s*" + LITERAL);

	/** A flag made by a factory of the fact model ({@code Flag.yes("polypharmacy", ...)}) or of a helper class named after it. */
	private static final Pattern FLAG_NEW = Pattern.compile("\\bFlags?\\w*\\.\\w+\\s*\\(\\s*" + LITERAL);

	/** A DRL function that returns a flag; its first argument is the flag's name. */
	private static final Pattern FLAG_FUNCTION = Pattern.compile("\\bfunction\\s+Flag\\s+(\\w+)\\s*\\(");

	private static final Pattern TABLE_ROW_THRESHOLD = Pattern.compile("\\bnew\\s+Threshold\\s*\\(\\s*drools\\.getRule\\(\\)\\.getName\\(\\)");

	private final Set<String> thresholds = new LinkedHashSet<>();

	private final Set<String> settings = new LinkedHashSet<>();

	private final Set<String> flags = new LinkedHashSet<>();

	private final Set<String> scores = new LinkedHashSet<>();

	private final List<Read> reads = new ArrayList<>();

	private DeclaredNames() {
	}

	static DeclaredNames of(List<RuleFile> files, List<DecisionTable> tables) {
		DeclaredNames names = new DeclaredNames();
		List<RuleFile> drl = files.stream().filter(RuleFile::isDrl).toList();
		List<String> flagFunctions = new ArrayList<>();
		for (RuleFile file : drl) {
			String text = file.text();
			all(THRESHOLD_NEW, text, names.thresholds);
			all(SETTING_NEW, text, names.settings);
			all(SCORE_NEW, text, names.scores);
			all(FLAG_NEW, text, names.flags);
			Matcher function = FLAG_FUNCTION.matcher(text);
			while (function.find()) {
				flagFunctions.add(function.group(1));
			}
		}
		for (String function : flagFunctions) {
			Pattern call = Pattern.compile("(?<![\\w.])" + function + "\\s*\\(\\s*" + LITERAL);
			drl.forEach(file -> all(call, file.text(), names.flags));
		}
		for (DecisionTable table : tables) {
			for (DecisionTable.Column column : table.columns()) {
				boolean used = table.rows().stream().anyMatch(row -> !row.cell(column.index()).isEmpty());
				if (!column.takesValues() || !used) {
					continue;
				}
				all(SETTING_NEW, column.template(), names.settings);
				all(SCORE_NEW, column.template(), names.scores);
				if (TABLE_ROW_THRESHOLD.matcher(column.template()).find()) {
					table.rows().stream().filter(row -> !row.cell(column.index()).isEmpty()).map(table::ruleName)
						.filter(name -> !name.isEmpty()).forEach(names.thresholds::add);
				}
			}
		}
		for (RuleFile file : drl) {
			names.reads(file, THRESHOLD_READ, Kind.THRESHOLD);
			names.reads(file, SETTING_READ, Kind.SETTING);
			names.reads(file, FLAG_READ, Kind.FLAG);
			names.reads(file, SCORE_READ, Kind.SCORE);
			Matcher in = FLAG_READ_IN.matcher(file.text());
			while (in.find()) {
				Matcher literal = Pattern.compile(LITERAL).matcher(in.group(1));
				while (literal.find()) {
					names.reads.add(new Read(Kind.FLAG, literal.group(1), file.path(), lineAt(file.text(), in.start(1) + literal.start())));
				}
			}
		}
		return names;
	}

	Set<String> declared(Kind kind) {
		return switch (kind) {
			case THRESHOLD -> thresholds;
			case SETTING -> settings;
			case FLAG -> flags;
			case SCORE -> scores;
		};
	}

	List<Read> reads() {
		return reads;
	}

	private void reads(RuleFile file, Pattern pattern, Kind kind) {
		Matcher matcher = pattern.matcher(file.text());
		while (matcher.find()) {
			reads.add(new Read(kind, matcher.group(1), file.path(), lineAt(file.text(), matcher.start(1))));
		}
	}

	private static void all(Pattern pattern, String text, Set<String> into) {
		Matcher matcher = pattern.matcher(text);
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

	static int lineAt(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}
}
