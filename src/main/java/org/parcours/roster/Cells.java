package org.parcours.roster;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.parcours.patient.Kebab;

/**
 * Reads typed values out of CSV cells for the profiles. An empty cell is "not known" ({@code null}),
 * never "no" or zero. A cell that cannot be read adds a {@link RowError} naming the column and what it
 * expects, and reads as {@code null} so that every problem of the row is reported at once.
 */
final class Cells {

	private Cells() {
	}

	static boolean isEmpty(String cell) {
		return cell == null || cell.isBlank();
	}

	static String text(String cell) {
		return isEmpty(cell) ? null : cell.strip();
	}

	static Integer integer(String field, String cell, List<RowError> errors) {
		if (isEmpty(cell)) {
			return null;
		}
		try {
			return Integer.valueOf(cell.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(new RowError(RowError.BAD_NUMBER, field, "must be a whole number"));
			return null;
		}
	}

	static Double decimal(String field, String cell, List<RowError> errors) {
		if (isEmpty(cell)) {
			return null;
		}
		try {
			double value = Double.parseDouble(cell.strip());
			if (Double.isFinite(value)) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		errors.add(new RowError(RowError.BAD_NUMBER, field, "must be a number"));
		return null;
	}

	static Boolean bool(String field, String cell, List<RowError> errors) {
		if (isEmpty(cell)) {
			return null;
		}
		return switch (cell.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> {
				errors.add(new RowError(RowError.BAD_VALUE, field, "must be true or false"));
				yield null;
			}
		};
	}

	static LocalDate date(String field, String cell, List<RowError> errors) {
		if (isEmpty(cell)) {
			return null;
		}
		try {
			return LocalDate.parse(cell.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(new RowError(RowError.BAD_VALUE, field, "must be a date as YYYY-MM-DD"));
			return null;
		}
	}

	/** An enum constant from its kebab-case word ({@code nursing-home}), as the JSON API reads it. */
	static <E extends Enum<E>> E word(Class<E> type, String field, String cell, List<RowError> errors) {
		if (isEmpty(cell)) {
			return null;
		}
		String word = cell.strip().toLowerCase(Locale.ROOT);
		for (E constant : type.getEnumConstants()) {
			if (Kebab.of(constant).equals(word)) {
				return constant;
			}
		}
		errors.add(new RowError(RowError.BAD_VALUE, field, "must be one of " + String.join(", ", Kebab.allowed(type))));
		return null;
	}
}
