package org.parcours.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * One {@code RuleTable} of a CSV decision table as its author laid it out: its name and line, its
 * columns (kind, code template and heading) and its data rows, each with the CSV line it is on. Read
 * line by line, as the rule engine reads CSV tables, so that every line number is the one a text
 * editor shows.
 */
record DecisionTable(String file, String packageName, String name, int line, int firstColumn, List<Column> columns, List<Row> rows) {

	/** A CONDITION or ACTION column (NAME is {@code kind} "NAME"): where it is, its code template and its heading. */
	record Column(int index, String kind, String template, String heading, int headingLine) {

		boolean takesValues() {
			return kind.equals("CONDITION") || kind.equals("ACTION");
		}

		/** The heading without its type declaration: what a clinician calls the column. */
		String title() {
			int bracket = heading.lastIndexOf('[');
			return (bracket < 0 ? heading : heading.substring(0, bracket)).strip();
		}

		/** The type written at the end of the heading between square brackets, if any. */
		Optional<String> declaredType() {
			String text = heading.strip();
			int bracket = text.lastIndexOf('[');
			return text.endsWith("]") && bracket >= 0 ? Optional.of(text.substring(bracket + 1, text.length() - 1).strip())
					: Optional.empty();
		}
	}

	/** A data row: its CSV line and its cells from the first column of the file. */
	record Row(int line, List<String> cells) {

		String cell(int index) {
			return index < cells.size() ? cells.get(index).strip() : "";
		}
	}

	/** The rule name a row defines (its NAME cell), or empty when the table has no NAME column or the cell is empty. */
	String ruleName(Row row) {
		return columns.stream().filter(column -> column.kind().equals("NAME")).findFirst().map(column -> row.cell(column.index()))
			.orElse("");
	}

	/** A spreadsheet cell reference such as {@code B12}, the way a clinician finds a value in a spreadsheet program. */
	static String cellReference(int index, int line) {
		StringBuilder letters = new StringBuilder();
		for (int n = index + 1; n > 0; n = (n - 1) / 26) {
			letters.insert(0, (char) ('A' + (n - 1) % 26));
		}
		return letters + Integer.toString(line);
	}

	/** Every RuleTable of a {@code .drl.csv} file; lines that cannot be read as CSV are reported in {@code problems}. */
	static List<DecisionTable> read(RuleFile file, List<RuleProblem> problems) {
		ICSVParser parser = new RFC4180ParserBuilder().build();
		List<String[]> lines = new ArrayList<>();
		String[] texts = file.text().split("\\R", -1);
		for (int i = 0; i < texts.length; i++) {
			try {
				lines.add(parser.parseLine(texts[i]));
			}
			catch (IOException ex) {
				problems.add(new RuleProblem(file.path(), i + 1, "a double quote (\") is opened but not closed on this line: "
						+ "a value that contains a comma must be written between double quotes, on one line"));
				lines.add(new String[0]);
			}
		}
		String packageName = lines.stream().filter(cells -> cells.length > 1 && cells[0].strip().equals("RuleSet")).findFirst()
			.map(cells -> cells[1].strip()).orElse("");
		List<DecisionTable> tables = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			int at = firstNonEmpty(lines.get(i));
			if (at >= 0 && lines.get(i)[at].strip().toLowerCase(Locale.ROOT).startsWith("ruletable")) {
				tables.add(table(file, packageName, lines, i, at, problems));
			}
		}
		return tables;
	}

	private static DecisionTable table(RuleFile file, String packageName, List<String[]> lines, int start, int first,
			List<RuleProblem> problems) {
		String name = lines.get(start)[first].strip().substring("RuleTable".length()).strip();
		if (start + 4 >= lines.size()) {
			problems.add(new RuleProblem(file.path(), start + 1, "table '" + name + "' is incomplete: after its RuleTable line come "
					+ "the kinds of its columns, the fact types, the code of each column and the headings, then the rows"));
			return new DecisionTable(file.path(), packageName, name, start + 1, first, List.of(), List.of());
		}
		String[] kinds = lines.get(start + 1);
		String[] templates = lines.get(start + 3);
		String[] headings = lines.get(start + 4);
		List<Column> columns = new ArrayList<>();
		for (int c = first; c < kinds.length && !kinds[c].isBlank(); c++) {
			columns.add(new Column(c, kinds[c].strip().toUpperCase(Locale.ROOT), cell(templates, c), cell(headings, c), start + 5));
		}
		List<Row> rows = new ArrayList<>();
		for (int i = start + 5; i < lines.size() && firstNonEmpty(lines.get(i)) >= 0; i++) {
			rows.add(new Row(i + 1, Arrays.asList(lines.get(i))));
		}
		return new DecisionTable(file.path(), packageName, name, start + 1, first, List.copyOf(columns), List.copyOf(rows));
	}

	private static String cell(String[] cells, int index) {
		return index < cells.length ? cells[index] : "";
	}

	private static int firstNonEmpty(String[] cells) {
		for (int c = 0; c < cells.length; c++) {
			if (!cells[c].isBlank()) {
				return c;
			}
		}
		return -1;
	}
}
