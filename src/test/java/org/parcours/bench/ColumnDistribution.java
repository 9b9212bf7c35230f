package org.parcours.bench;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

/**
 * How the rows of a scored roster spread over the values of some output columns (run by
 * {@code bench/frailty-distribution.sh}; not a test): one Markdown table per column, rows with a
 * row error counted apart, an empty cell shown as "not computable". Arguments: the scored CSV, then
 * the column names.
 */
public final class ColumnDistribution {

	public static void main(String[] args) throws Exception {
		List<String[]> rows;
		List<String> columns;
		try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
				CSVReader reader = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
			columns = Arrays.asList(reader.readNext());
			rows = reader.readAll();
		}
		int error = columns.indexOf("error");
		List<String[]> scored = rows.stream().filter(row -> row[error].isEmpty()).toList();
		System.out.printf("%d rows, %d with a row error (left out below)%n%n", rows.size(), rows.size() - scored.size());
		for (String column : Arrays.asList(args).subList(1, args.length)) {
			int index = columns.indexOf(column);
			if (index < 0) {
				throw new IllegalArgumentException("no column '" + column + "' in " + args[0]);
			}
			Map<String, Long> counts = new TreeMap<>();
			for (String[] row : scored) {
				counts.merge(row[index].isEmpty() ? "not computable" : row[index], 1L, Long::sum);
			}
			System.out.printf("| %s | rows | share |%n|---|---:|---:|%n", column);
			counts.forEach((value, n) -> System.out.printf("| %s | %d | %.1f %% |%n", value, n, 100.0 * n / scored.size()));
			System.out.println();
		}
	}
}
