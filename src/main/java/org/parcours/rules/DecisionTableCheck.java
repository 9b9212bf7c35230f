package org.parcours.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every value cell of every decision table against the type its column declares, before
 * anything is generated from the table: a cell that is not a plain value of that type is refused
 * with file, table, row, column, cell and what was expected. A column whose code takes values must
 * declare its type; a row may not spill into a column the table does not have (a decimal comma).
 */
final class DecisionTableCheck {

	private DecisionTableCheck() {
	}

	static List<RuleProblem> check(List<DecisionTable> tables, KnownValues known) {
		List<RuleProblem> problems = new ArrayList<>();
		for (DecisionTable table : tables) {
			Map<DecisionTable.Column, CellType> types = types(table, known, problems);
			int lastColumn = table.columns().isEmpty() ? table.firstColumn() : table.columns().get(table.columns().size() - 1).index();
			for (DecisionTable.Row row : table.rows()) {
				name(table, row, problems);
				types.forEach((column, type) -> type.refuse(row.cell(column.index()))
					.ifPresent(refusal -> problems.add(cellProblem(table, row, column, refusal))));
				for (int c = lastColumn + 1; c < row.cells().size(); c++) {
					if (!row.cell(c).isEmpty()) {
						problems.add(new RuleProblem(table.file(), row.line(), where(table, row) + ": there is a value in column "
								+ (c + 1) + " (cell " + DecisionTable.cellReference(c, row.line()) + ", '" + row.cell(c)
								+ "') but the table has " + (lastColumn + 1) + " columns. A comma splits a value in two: write decimals "
								+ "with a dot (5.5), and put text that contains a comma between double quotes"));
						break;
					}
				}
			}
		}
		return problems;
	}

	private static Map<DecisionTable.Column, CellType> types(DecisionTable table, KnownValues known, List<RuleProblem> problems) {
		Map<DecisionTable.Column, CellType> types = new LinkedHashMap<>();
		for (DecisionTable.Column column : table.columns()) {
			if (!column.takesValues()) {
				continue;
			}
			Optional<String> declared = column.declaredType();
			Optional<CellType> type = declared.flatMap(declaration -> CellType.of(declaration, known));
			if (type.isPresent()) {
				types.put(column, type.get());
				continue;
			}
			String heading = "table '" + table.name() + "', column " + (column.index() + 1) + " '" + column.title() + "': ";
			problems.add(new RuleProblem(table.file(), column.headingLine(), heading + declared
				.map(declaration -> "the heading declares [" + declaration + "], which is not a type of value; ")
				.orElse("the heading does not say what the column holds; ") + "end it with one of " + CellType.DECLARABLE));
		}
		return types;
	}

	/** The rule name of a row becomes a quoted name in the generated rules: a plain line of text only. */
	private static void name(DecisionTable table, DecisionTable.Row row, List<RuleProblem> problems) {
		String name = table.ruleName(row);
		if (name.indexOf('"') >= 0 || name.indexOf('\\') >= 0 || name.chars().anyMatch(Character::isISOControl)) {
			problems.add(new RuleProblem(table.file(), row.line(), "table '" + table.name() + "', line " + row.line()
					+ ": a rule name cannot contain double quotes, backslashes or control characters"));
		}
	}

	private static RuleProblem cellProblem(DecisionTable table, DecisionTable.Row row, DecisionTable.Column column, String refusal) {
		return new RuleProblem(table.file(), row.line(), where(table, row) + ", column " + (column.index() + 1) + " '" + column.title()
				+ "' (cell " + DecisionTable.cellReference(column.index(), row.line()) + "): " + refusal);
	}

	private static String where(DecisionTable table, DecisionTable.Row row) {
		String name = table.ruleName(row);
		return "table '" + table.name() + "', row " + (name.isEmpty() ? "at line " + row.line() : "'" + name + "'");
	}
}
