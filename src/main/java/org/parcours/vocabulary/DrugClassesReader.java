package org.parcours.vocabulary;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import org.parcours.vocabulary.InvalidVocabularyException.Problem;

/**
 * Reads {@code vocabulary/atc-class.csv}: {@code class,atc,excluded,label}, one ATC prefix a row,
 * {@code excluded} {@code yes} for a prefix the class leaves out. The first row of a class gives its label.
 */
final class DrugClassesReader {

	private static final List<String> HEADER = List.of("class", "atc", "excluded", "label");

	private static final Pattern CLASS = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	/** An ATC prefix: anatomical group letter, then up to six letters or digits (a full code has 7 characters). */
	private static final Pattern ATC = Pattern.compile("[A-Z][A-Z0-9]{0,6}");

	private DrugClassesReader() {
	}

	static void read(String path, String text, List<DrugClasses.Row> rows, Map<String, String> labels, List<Problem> problems) {
		try (CSVReader reader = new CSVReader(new StringReader(text))) {
			List<String[]> lines = reader.readAll();
			int first = 0;
			while (first < lines.size() && lines.get(first).length > 0 && lines.get(first)[0].startsWith("#")) {
				first++;
			}
			if (first >= lines.size() || !Arrays.asList(lines.get(first)).subList(0, Math.min(lines.get(first).length, 4)).equals(HEADER)) {
				problems.add(new Problem(path, first + 1, "header must be " + String.join(",", HEADER)));
				return;
			}
			Set<String> seen = new HashSet<>();
			for (int i = first + 1; i < lines.size(); i++) {
				String[] row = lines.get(i);
				int line = i + 1;
				if (row.length == 1 && row[0].isBlank()) {
					continue;
				}
				String drugClass = row[0].strip();
				String prefix = row.length > 1 ? row[1].strip().toUpperCase(Locale.ROOT) : "";
				String excluded = row.length > 2 ? row[2].strip() : "";
				if (!CLASS.matcher(drugClass).matches()) {
					problems.add(new Problem(path, line, "class '" + drugClass + "' must be one lower-case word, words joined by hyphens"));
				}
				else if (!ATC.matcher(prefix).matches()) {
					problems.add(new Problem(path, line, "'" + prefix + "' is not an ATC code or prefix (a letter, then up to 6 letters or digits)"));
				}
				else if (!excluded.isEmpty() && !excluded.equals("yes")) {
					problems.add(new Problem(path, line, "excluded must be yes or empty, not '" + excluded + "'"));
				}
				else if (!seen.add(drugClass + '|' + prefix)) {
					problems.add(new Problem(path, line, "duplicate row: class " + drugClass + " already lists " + prefix));
				}
				else {
					rows.add(new DrugClasses.Row(drugClass, prefix, excluded.equals("yes")));
					labels.putIfAbsent(drugClass, row.length > 3 && !row[3].isBlank() ? row[3].strip() : drugClass);
				}
			}
		}
		catch (IOException | CsvException ex) {
			problems.add(new Problem(path, 0, "not readable as CSV: " + ex.getMessage()));
		}
	}
}
