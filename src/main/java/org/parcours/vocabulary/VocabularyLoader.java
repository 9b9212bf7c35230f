package org.parcours.vocabulary;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import org.parcours.vocabulary.InvalidVocabularyException.Problem;

/**
 * Reads the vocabulary CSV files of a rule set ({@code vocabulary/chronic-*.csv},
 * {@code vocabulary/charlson-*.csv}, {@code vocabulary/functional-*.csv} and {@code vocabulary/medication-*.csv},
 * columns {@code system,code,category,label}, after optional {@code #} lines naming the source), the drug
 * classes of {@code vocabulary/atc-class.csv} ({@link DrugClassesReader}) and its mapping tables ({@link MappingsLoader}). Every problem is collected with its file and line, so a
 * clinician sees all mistakes of an edit at once.
 */
public final class VocabularyLoader {

	private static final List<String> HEADER = List.of("system", "code", "category", "label");

	/** The table of drug classes as lists of ATC prefixes. */
	static final String DRUG_CLASSES = "atc-class.csv";

	/** A functional finding feeds one input of the patient model, so only the findings the model has are accepted. */
	private static final String FINDINGS = String.join(", ",
			Arrays.stream(FunctionalFinding.values()).map(FunctionalFinding::id).toList());

	private VocabularyLoader() {
	}

	/** Reads the vocabulary from its files, given as text by path relative to the rules directory. */
	public static Vocabulary load(Map<String, String> textByPath) {
		List<Vocabulary.Entry> chronic = new ArrayList<>();
		List<Vocabulary.Entry> charlson = new ArrayList<>();
		List<Vocabulary.Entry> functional = new ArrayList<>();
		List<Vocabulary.Entry> medication = new ArrayList<>();
		Map<String, String> medicationLabels = new TreeMap<>();
		List<DrugClasses.Row> drugClassRows = new ArrayList<>();
		Map<String, String> drugClassLabels = new TreeMap<>();
		List<Vocabulary.Entry> diagnoses = new ArrayList<>();
		List<Problem> problems = new ArrayList<>();
		Mappings mappings = MappingsLoader.load(textByPath, problems);
		for (Map.Entry<String, String> file : textByPath.entrySet().stream().filter(file -> !MappingsLoader.isTable(file.getKey())).toList()) {
			String name = file.getKey().substring(file.getKey().lastIndexOf('/') + 1);
			if (name.startsWith("chronic-")) {
				read(file, chronic, problems);
			}
			else if (name.startsWith("charlson-")) {
				read(file, charlson, problems);
			}
			else if (name.startsWith("functional-")) {
				read(file, functional, problems);
			}
			else if (name.startsWith("medication-")) {
				read(file, medication, medicationLabels, problems);
			}
			else if (name.equals(DRUG_CLASSES)) {
				DrugClassesReader.read(file.getKey(), file.getValue(), drugClassRows, drugClassLabels, problems);
			}
			else if (name.startsWith("diagnosis-")) {
				read(file, diagnoses, problems);
			}
			else {
				problems.add(new Problem(file.getKey(), 0,
						"vocabulary files are named chronic-*.csv, charlson-*.csv, functional-*.csv, medication-*.csv or diagnosis-*.csv, or are "
								+ DRUG_CLASSES + " or one of the mapping tables "
								+ String.join(", ", MappingsLoader.TABLES.keySet().stream().sorted().toList())
								+ ", so the mapping they feed is clear"));
			}
		}
		if (chronic.stream().noneMatch(entry -> entry.system() != CodeSystem.CATEGORY)) {
			problems.add(new Problem("vocabulary/", 0, "no chronic category codes: vocabulary/chronic-*.csv is missing or empty"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidVocabularyException(problems);
		}
		return new Vocabulary(chronic, charlson, functional, medication, medicationLabels,
				new DrugClasses(drugClassRows, drugClassLabels), diagnoses, mappings);
	}

	private static void read(Map.Entry<String, String> file, List<Vocabulary.Entry> into, List<Problem> problems) {
		read(file, into, new TreeMap<>(), problems);
	}

	/** Reads one code list; {@code labels} keeps the first label given to each category. */
	private static void read(Map.Entry<String, String> file, List<Vocabulary.Entry> into, Map<String, String> labels,
			List<Problem> problems) {
		String path = file.getKey();
		try (CSVReader reader = new CSVReader(new StringReader(file.getValue()))) {
			List<String[]> rows = reader.readAll();
			int header = 0;
			while (header < rows.size() && rows.get(header).length > 0 && rows.get(header)[0].startsWith("#")) {
				header++;
			}
			if (header >= rows.size() || !Arrays.asList(rows.get(header)).subList(0, Math.min(rows.get(header).length, 4)).equals(HEADER)) {
				problems.add(new Problem(path, header + 1, "header must be " + String.join(",", HEADER)));
				return;
			}
			for (int i = header + 1; i < rows.size(); i++) {
				String[] row = rows.get(i);
				entry(row, path, i + 1, problems).ifPresent(entry -> {
					into.add(entry);
					labels.putIfAbsent(entry.category(), row.length > 3 && !row[3].isBlank() ? row[3].strip() : entry.category());
				});
			}
		}
		catch (IOException | CsvException ex) {
			problems.add(new Problem(path, 0, "not readable as CSV: " + ex.getMessage()));
		}
	}

	private static Optional<Vocabulary.Entry> entry(String[] row, String path, int line, List<Problem> problems) {
		if (row.length == 1 && row[0].isBlank()) {
			return Optional.empty();
		}
		if (row.length < 3 || row[1].isBlank() || row[2].isBlank()) {
			problems.add(new Problem(path, line, "expected system,code,category[,label]"));
			return Optional.empty();
		}
		var system = CodeSystem.fromId(row[0].strip());
		if (system.isEmpty()) {
			problems.add(new Problem(path, line, "unknown code system '" + row[0].strip() + "' (icd-10, icd-9, snomed, category)"));
			return Optional.empty();
		}
		try {
			if (path.substring(path.lastIndexOf('/') + 1).startsWith("functional-") && FunctionalFinding.fromId(row[2].strip()).isEmpty()) {
				problems.add(new Problem(path, line, "unknown functional finding '" + row[2].strip() + "' (" + FINDINGS + ")"));
				return Optional.empty();
			}
			return Optional.of(new Vocabulary.Entry(system.get(), CodePattern.parse(system.get(), row[1].strip()), row[2].strip()));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem(path, line, ex.getMessage()));
			return Optional.empty();
		}
	}
}
