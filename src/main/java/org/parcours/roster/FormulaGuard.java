package org.parcours.roster;

/**
 * Neutralises cells that a spreadsheet would run as a formula (OWASP "CSV injection"): a cell that
 * starts with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which spreadsheets
 * show as text. Applied to every cell we write, echoed input included.
 */
final class FormulaGuard {

	private FormulaGuard() {
	}

	static String neutralise(String cell) {
		if (cell == null || cell.isEmpty()) {
			return cell;
		}
		return switch (cell.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + cell;
			default -> cell;
		};
	}
}
