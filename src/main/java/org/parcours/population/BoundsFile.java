package org.parcours.population;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/**
 * Reads a file of share bounds ({@code cases/population-bounds.csv}): {@code #} lines say what the
 * file is for, then the header {@code bound,population,level,at_least_percent,at_most_percent,source}
 * and one bound per row. Every problem is collected with its line, so all mistakes show at once.
 */
public final class BoundsFile {

	static final List<String> HEADER = List.of("bound", "population", "level", "at_least_percent", "at_most_percent", "source");

	/** A problem of the file, at a line (0 for the whole file). */
	public record Problem(int line, String message) {
	}

	/** The bounds read, or the problems that prevented it (then no bound is returned). */
	public record Read(List<ShareBound> bounds, List<Problem> problems) {
	}

	private BoundsFile() {
	}

	public static Read read(String text) {
		List<ShareBound> bounds = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		List<String[]> rows;
		try (CSVReader reader = new CSVReader(new StringReader(text))) {
			rows = reader.readAll();
		}
		catch (IOException | CsvException ex) {
			return new Read(List.of(), List.of(new Problem(0, "not readable as CSV: " + ex.getMessage())));
		}
		boolean header = false;
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			String[] row = rows.get(i);
			int line = i + 1;
			if (row.length == 0 || (row.length == 1 && row[0].isBlank()) || row[0].startsWith("#")) {
				continue;
			}
			if (!header) {
				if (!List.of(row).stream().map(String::strip).toList().equals(HEADER)) {
					problems.add(new Problem(line, "the header must be " + String.join(",", HEADER)));
					break;
				}
				header = true;
				continue;
			}
			bound(row, line, ids, problems).ifPresent(bounds::add);
		}
		if (problems.isEmpty() && bounds.isEmpty()) {
			problems.add(new Problem(0, "declares no bound: give at least one row under the header " + String.join(",", HEADER)));
		}
		return problems.isEmpty() ? new Read(List.copyOf(bounds), List.of()) : new Read(List.of(), List.copyOf(problems));
	}

	private static Optional<ShareBound> bound(String[] row, int line, List<String> ids, List<Problem> problems) {
		if (row.length != HEADER.size()) {
			problems.add(new Problem(line, "has " + row.length + " cell(s); the header has " + HEADER.size()));
			return Optional.empty();
		}
		int before = problems.size();
		String id = row[0].strip();
		if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			problems.add(new Problem(line, "bound '" + id + "': the id must be lower-case words joined by hyphens"));
		}
		else if (ids.contains(id)) {
			problems.add(new Problem(line, "bound '" + id + "' is declared twice; ids must be unique"));
		}
		ids.add(id);
		Population population = Population.of(row[1].strip()).orElse(null);
		if (population == null) {
			problems.add(new Problem(line, "population '" + row[1].strip() + "' is not all or chronic"));
		}
		Integer level = row[2].strip().matches("[1-9]") ? Integer.valueOf(row[2].strip()) : null;
		if (level == null) {
			problems.add(new Problem(line, "level '" + row[2].strip() + "' is not a level number (1, 2, 3)"));
		}
		Double atLeast = percent(row[3], line, "at_least_percent", problems);
		Double atMost = percent(row[4], line, "at_most_percent", problems);
		if (atLeast != null && atMost != null && atLeast > atMost) {
			problems.add(new Problem(line, "at_least_percent " + row[3].strip() + " is above at_most_percent " + row[4].strip()));
		}
		if (row[5].isBlank()) {
			problems.add(new Problem(line, "the source is empty: say where the bound comes from"));
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		return Optional.of(new ShareBound(id, population, level, atLeast, atMost, row[5].strip(), line));
	}

	private static Double percent(String cell, int line, String column, List<Problem> problems) {
		String text = cell.strip();
		if (!text.matches("\\d{1,3}(\\.\\d+)?") || Double.parseDouble(text) > 100) {
			problems.add(new Problem(line, column + " '" + text + "' is not a percentage from 0 to 100 (digits, a dot for decimals)"));
			return null;
		}
		return Double.valueOf(text);
	}
}
