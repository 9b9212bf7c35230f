package org.parcours.vocabulary;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import org.parcours.vocabulary.InvalidVocabularyException.Problem;

/**
 * Reads one mapping table of {@code vocabulary/}: lines starting with {@code #} (the table's notes and
 * sources) and blank lines are skipped, the first other line is the header and must name exactly the
 * table's columns, in order. Problems are collected with file and line, never thrown.
 */
final class TableFile {

	/** One data row: its line in the file and its cells by column name (stripped). */
	record Row(String file, int line, Map<String, String> cells) {

		String cell(String column) {
			return cells.get(column);
		}

		Problem problem(String message) {
			return new Problem(file, line, message);
		}
	}

	private TableFile() {
	}

	static List<Row> read(String path, String text, List<String> columns, List<Problem> problems) {
		List<Row> rows = new ArrayList<>();
		try (CSVReader reader = new CSVReader(new StringReader(text))) {
			List<String> header = null;
			String[] cells;
			long lineBefore = 0;
			while ((cells = reader.readNext()) != null) {
				int line = (int) lineBefore + 1;
				lineBefore = reader.getLinesRead();
				if (cells[0].strip().startsWith("#") || Arrays.stream(cells).allMatch(String::isBlank)) {
					continue;
				}
				if (header == null) {
					header = Arrays.stream(cells).map(String::strip).toList();
					if (!header.equals(columns)) {
						problems.add(new Problem(path, line, headerProblem(header, columns)));
						return List.of();
					}
					continue;
				}
				if (cells.length != columns.size()) {
					problems.add(new Problem(path, line,
							"has " + cells.length + " cells; the columns are " + String.join(",", columns)));
					continue;
				}
				String[] row = cells;
				rows.add(new Row(path, line, IntStream.range(0, columns.size()).boxed()
					.collect(Collectors.toMap(columns::get, i -> row[i].strip()))));
			}
			if (header == null) {
				problems.add(new Problem(path, 0, "has no header; the columns are " + String.join(",", columns)));
			}
		}
		catch (IOException | CsvException ex) {
			problems.add(new Problem(path, 0, "not readable as CSV: " + ex.getMessage()));
		}
		return rows;
	}

	private static String headerProblem(List<String> header, List<String> columns) {
		List<String> unknown = header.stream().filter(column -> !columns.contains(column)).toList();
		List<String> absent = columns.stream().filter(column -> !header.contains(column)).toList();
		String found = unknown.isEmpty() ? "" : "unknown column(s) " + String.join(", ", unknown) + "; ";
		String lacking = absent.isEmpty() ? "" : "missing column(s) " + String.join(", ", absent) + "; ";
		return found + lacking + "the header must be " + String.join(",", columns);
	}

	/**
	 * The value a closed-list cell names, or a problem listing the words allowed; {@code null} then.
	 */
	static <T> T word(Row row, String column, Map<String, T> allowed, List<Problem> problems) {
		String text = row.cell(column);
		if (allowed.containsKey(text)) {
			return allowed.get(text);
		}
		problems.add(row.problem("unknown " + column + " '" + text + "' (" + String.join(", ", allowed.keySet()) + ")"));
		return null;
	}

	/** The words of an enum's constants, in declaration order, for {@link #word}. */
	static <E extends Enum<E>> Map<String, E> words(Class<E> type, Function<E, String> word) {
		return Arrays.stream(type.getEnumConstants())
			.collect(Collectors.toMap(word, constant -> constant, (a, b) -> a, java.util.LinkedHashMap::new));
	}
}
