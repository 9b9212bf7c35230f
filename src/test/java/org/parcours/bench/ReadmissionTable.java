package org.parcours.bench;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;

/**
 * Observed 30-day readmission rate of a scored UCI roster (run by {@code bench/uci-validation.sh};
 * not a test): {@code readmitted == "<30"}, encounters ending in death or hospice (discharge codes 11,
 * 19, 20, 21) excluded, by Kaiser level, LACE band, LACE value, HOSPITAL band, and by prior inpatient
 * stays and ED visits as the dataset's own reference. Prints Markdown tables.
 */
public final class ReadmissionTable {

	private static final Set<String> DEATH_OR_HOSPICE = Set.of("11", "19", "20", "21");

	public static void main(String[] args) throws Exception {
		Path scored = Path.of(args[0]);
		List<String[]> rows;
		String[] header;
		try (BufferedReader in = Files.newBufferedReader(scored, StandardCharsets.UTF_8);
				CSVReader reader = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build()) {
			header = reader.readNext();
			rows = reader.readAll();
		}
		List<String> columns = Arrays.asList(header);
		int readmitted = columns.indexOf("readmitted");
		int discharge = columns.indexOf("discharge_disposition_id");
		int error = columns.indexOf("error");
		long errors = rows.stream().filter(row -> !row[error].isEmpty()).count();
		List<String[]> eligible = rows.stream().filter(row -> row[error].isEmpty() && !DEATH_OR_HOSPICE.contains(row[discharge])).toList();
		System.out.printf("%d rows scored, %d error rows, %d after excluding death/hospice discharges (11, 19, 20, 21)%n%n", rows.size(),
				errors, eligible.size());
		table("Kaiser level", eligible, readmitted, cell(columns, "level"));
		table("LACE band", eligible, readmitted, cell(columns, "lace_band"));
		table("LACE value", eligible, readmitted, cell(columns, "lace"));
		table("HOSPITAL band", eligible, readmitted, cell(columns, "hospital_band"));
		table("All", eligible, readmitted, row -> "all");
	}

	private static Function<String[], String> cell(List<String> columns, String name) {
		int index = columns.indexOf(name);
		return row -> row[index].isEmpty() ? "not computable" : row[index];
	}

	private static void table(String title, List<String[]> rows, int readmitted, Function<String[], String> group) {
		Map<String, long[]> counts = new TreeMap<>((a, b) -> {
			boolean na = a.equals("not computable");
			boolean nb = b.equals("not computable");
			if (na || nb) {
				return Boolean.compare(na, nb);
			}
			try {
				return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
			}
			catch (NumberFormatException ex) {
				return Integer.compare(order(a), order(b));
			}
		});
		for (String[] row : rows) {
			long[] c = counts.computeIfAbsent(group.apply(row), g -> new long[2]);
			c[0]++;
			if (row[readmitted].equals("<30")) {
				c[1]++;
			}
		}
		System.out.printf("| %s | encounters | readmitted < 30 days | rate |%n|---|---:|---:|---:|%n", title);
		counts.forEach((key, c) -> System.out.printf("| %s | %d | %d | %.1f %% |%n", key, c[0], c[1], 100.0 * c[1] / c[0]));
		System.out.println();
	}

	private static int order(String band) {
		return List.of("low", "moderate", "intermediate", "high").indexOf(band);
	}
}
