package org.parcours.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * The rule files cut in two before they are compiled: the <em>parameter part</em>, every rule without
 * any condition (thresholds, settings, next steps, programme declarations: what a clinician edits
 * most), and the <em>rules part</em>, everything else. Both are compiled file by file, each file's
 * share on its own with the functions of its package ({@link #shares} and {@link #ruleUnits}: the shares
 * with a rule; one with functions only adds nothing), so an edit compiles only the edited file's shares
 * (an edit of a function, its package's), and the other shares, unchanged, keep their compiled classes
 * (see {@link KnowledgeBases}). {@link #parameters} and {@link #rules} are the whole parts, every file's
 * share, for when a share does not compile without the others.
 *
 * <p>Both parts keep every file's path and header (package, imports, functions, RuleSet and Import
 * rows) so that each compiles alone, and keep every line where it was: what is taken out of a part is
 * blanked, never deleted, so a compile message of either part points at the clinician's own line or
 * row. DRL rules are found, and their conditions read, by the rule engine's own parser. A decision
 * table without a CONDITION column goes to the parameter part whole; a table with one goes to the
 * rules part, and also to the parameter part when one of its rows has every condition cell empty (such
 * a row is a rule without condition, and a row cannot be taken out of a table without ending it). The
 * rules part's copy of such a row is taken out of its knowledge base when that is built. A DRL file
 * without parameters or functions is in the rules part only.
 */
record RuleSourceSplit(List<RuleFile> parameters, List<RuleFile> rules, List<List<RuleFile>> shares, List<List<RuleFile>> ruleUnits) {

	static RuleSourceSplit of(List<RuleFile> files) {
		List<Cut> cuts = files.stream().filter(file -> file.isDrl() || file.isDecisionTable()).map(CUTS::of).toList();
		if (cuts.stream().anyMatch(Cut::declaresTypes)) {
			return new RuleSourceSplit(List.of(), files.stream().filter(file -> file.isDrl() || file.isDecisionTable()).toList(), List.of(),
					List.of());
		}
		return new RuleSourceSplit(cuts.stream().map(Cut::parameters).filter(Objects::nonNull).toList(),
				cuts.stream().map(Cut::rules).filter(Objects::nonNull).toList(),
				cuts.stream().filter(Cut::parameterRules).map(cut -> unit(cut.parameters(), cut, cuts)).toList(),
				cuts.stream().filter(Cut::conditionRules).map(cut -> unit(cut.rules(), cut, cuts)).toList());
	}

	/**
	 * What a file's share of a part compiles with: the share, then the functions of the other files of
	 * its package (a rule or function may call those; the engine reads a package's files as one).
	 */
	private static List<RuleFile> unit(RuleFile share, Cut cut, List<Cut> cuts) {
		List<RuleFile> unit = new ArrayList<>();
		unit.add(share);
		cuts.stream().filter(other -> other != cut && other.functions() != null && other.packageName().equals(cut.packageName()))
			.map(Cut::functions).forEach(unit::add);
		return List.copyOf(unit);
	}

	/**
	 * One file's share of each part (null: none), whether its share of the parameter part has a rule
	 * (not only functions), whether its share of the rules part has one, its package, its functions alone
	 * (null: none), and whether it declares a type.
	 */
	private record Cut(RuleFile parameters, RuleFile rules, boolean parameterRules, boolean conditionRules, String packageName,
			RuleFile functions, boolean declaresTypes) {
	}

	/** A file's cut depends on nothing else: a reload cuts only the files that changed. */
	private static final ByFileContent<Cut> CUTS = new ByFileContent<>(file -> file.isDrl() ? cutDrl(file) : cutTable(file));


	/**
	 * Whether the rules were cut in two. Not when a DRL file declares a type (each part would have a
	 * class of its own for it, and the rules part would not match the parameters' facts of that type),
	 * nor when no rule is without condition: such a rule set is compiled whole, as the rules part.
	 */
	boolean cut() {
		return !parameters.isEmpty();
	}

	/** The content hash of the whole parameter part: the key of its compiled module, when it is compiled whole. */
	String parametersHash() {
		return RuleSetLoader.contentHashOf(prefixed("parameters/", parameters));
	}

	/**
	 * The content hash of one file's share of the parameter part, with what it compiles with (an element
	 * of {@link #shares}): the key of its compiled module and of its shared knowledge base.
	 */
	static String shareHash(List<RuleFile> share) {
		return RuleSetLoader.contentHashOf(prefixed("parameters/", share));
	}

	/**
	 * The content hash of one file's share of the rules part, with what it compiles with (an element of
	 * {@link #ruleUnits}): the key of its compiled module and of its shared models.
	 */
	static String ruleUnitHash(List<RuleFile> unit) {
		return RuleSetLoader.contentHashOf(prefixed("rules/", unit));
	}

	/** The content hash of the rules part: the key of its compiled module and of its shared knowledge base. */
	String rulesHash() {
		return RuleSetLoader.contentHashOf(prefixed("rules/", rules));
	}

	/** The files under a prefix, so that the two parts never share a key even when their texts are equal. */
	private static List<RuleFile> prefixed(String prefix, List<RuleFile> files) {
		return files.stream().map(file -> new RuleFile(prefix + file.path(), file.content())).toList();
	}

	/**
	 * Rules with an empty condition to the parameter part, the others to the rules part, both with the
	 * file's header. A file the parser cannot read goes whole to the rules part, whose compilation then
	 * reports the error once, at its line.
	 */
	private static Cut cutDrl(RuleFile file) {
		String text = file.text();
		DrlParser parser = new DrlParser();
		PackageDescr parsed;
		try {
			parsed = parser.parse(false, text);
		}
		catch (DroolsParserException ex) {
			parsed = null;
		}
		boolean declaresTypes = parsed != null && (!parsed.getTypeDeclarations().isEmpty() || !parsed.getEnumDeclarations().isEmpty());
		if (parsed == null || parser.hasErrors()) {
			return new Cut(null, file, false, true, "", null, declaresTypes);
		}
		char[] parameterText = text.toCharArray();
		char[] rulesText = text.toCharArray();
		char[] functionsText = text.toCharArray();
		boolean anyConditionFree = false;
		boolean anyConditions = false;
		for (RuleDescr rule : parsed.getRules()) {
			boolean conditionFree = rule.getLhs() == null || rule.getLhs().getDescrs().isEmpty();
			blank(conditionFree ? rulesText : parameterText, rule.getStartCharacter(), rule.getEndCharacter());
			blank(functionsText, rule.getStartCharacter(), rule.getEndCharacter());
			anyConditionFree |= conditionFree;
			anyConditions |= !conditionFree;
		}
		RuleFile functions = parsed.getFunctions().isEmpty() ? null : withText(file, functionsText);
		// a file without parameters is left out of the parameter part, unless it has functions (a
		// parameter rule may call those of its package): an edit of its rules then leaves that part as it is
		boolean parameters = anyConditionFree || !parsed.getFunctions().isEmpty();
		return new Cut(parameters ? withText(file, parameterText) : null, withText(file, rulesText), anyConditionFree, anyConditions,
				parsed.getNamespace(), functions, declaresTypes);
	}

	/** Blanks characters {@code from} to {@code to} (both included), keeping line breaks: every line stays where it was. */
	private static void blank(char[] text, int from, int to) {
		for (int i = Math.max(from, 0); i <= to && i < text.length; i++) {
			if (text[i] != '\n' && text[i] != '\r') {
				text[i] = ' ';
			}
		}
	}

	private static RuleFile withText(RuleFile file, char[] text) {
		return new RuleFile(file.path(), new String(text).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Each table to the part it belongs to, its lines blanked in the other. A part with no table left
	 * does not get the file (the engine refuses a decision table file without any table); a table that
	 * cannot be read goes to the rules part, whose compilation reports it.
	 */
	private static Cut cutTable(RuleFile file) {
		List<RuleProblem> unreadable = new ArrayList<>();
		List<DecisionTable> tables = DecisionTable.read(file, unreadable);
		if (!unreadable.isEmpty() || tables.isEmpty()) {
			return new Cut(null, file, false, true, "", null, false);
		}
		String[] lines = file.text().split("(?<=\\n)|(?<=\\r)(?!\\n)", -1);
		String[] parameterLines = lines.clone();
		String[] rulesLines = lines.clone();
		boolean anyParameters = false;
		boolean anyRules = false;
		for (DecisionTable table : tables) {
			boolean conditions = table.columns().stream().anyMatch(column -> column.kind().equals("CONDITION"));
			boolean conditionFreeRows = !conditions || table.rows().stream().anyMatch(row -> everyConditionEmpty(table, row));
			if (!conditions) {
				blank(rulesLines, table);
			}
			else if (!conditionFreeRows) {
				blank(parameterLines, table);
			}
			anyParameters |= conditionFreeRows;
			anyRules |= conditions;
		}
		return new Cut(anyParameters ? new RuleFile(file.path(), String.join("", parameterLines).getBytes(StandardCharsets.UTF_8)) : null,
				anyRules ? new RuleFile(file.path(), String.join("", rulesLines).getBytes(StandardCharsets.UTF_8)) : null, anyParameters, anyRules,
				tables.get(0).packageName(), null, false);
	}

	/** A row whose rule has no condition: the engine leaves out a condition whose cell is empty. */
	private static boolean everyConditionEmpty(DecisionTable table, DecisionTable.Row row) {
		return table.columns().stream().filter(column -> column.kind().equals("CONDITION")).allMatch(column -> row.cell(column.index()).isEmpty());
	}

	/** Empties the lines of a table, from its RuleTable line to its last row, keeping their line breaks. */
	private static void blank(String[] lines, DecisionTable table) {
		int last = table.rows().isEmpty() ? table.line() + 4 : table.rows().get(table.rows().size() - 1).line();
		for (int line = table.line(); line <= last && line <= lines.length; line++) {
			String text = lines[line - 1];
			lines[line - 1] = text.endsWith("\r\n") ? "\r\n" : text.endsWith("\n") ? "\n" : text.endsWith("\r") ? "\r" : "";
		}
	}
}
