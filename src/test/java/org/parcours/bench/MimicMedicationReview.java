package org.parcours.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.opencsv.CSVReaderHeaderAware;
import com.opencsv.exceptions.CsvValidationException;

import org.parcours.assessment.Assess;
import org.parcours.assessment.Assessment;
import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.MedicationSystem;
import org.parcours.patient.Patient;

/**
 * STOPP/START flags on the MIMIC-III demo (run by {@code bench/mimic-medication-review.sh}; not a
 * test). One assessment per hospital admission: age at admission (ages shown as about 300, i.e. over
 * 89, are read as 90), the admission's ICD-9-CM diagnoses, and its prescriptions mapped to ATC through
 * {@code bench/mimic/drug-atc.csv} (the longest name fragment contained in the drug name wins; each
 * ATC code once, started on its earliest order), assessed on the discharge day. Prints the mapping
 * coverage, flags per admission and per patient, and the most frequent criteria.
 */
public final class MimicMedicationReview {

	private record Mapping(String fragment, String atc) {
	}

	public static void main(String[] args) throws Exception {
		Path mimic = Path.of(args.length > 0 ? args[0] : "datasets/mimic-iii-demo");
		Path table = Path.of(args.length > 1 ? args[1] : "bench/mimic/drug-atc.csv");
		List<Mapping> mappings = read(table).stream().map(row -> new Mapping(row.get("name"), row.get("atc")))
			.sorted(Comparator.comparingInt((Mapping m) -> m.fragment().length()).reversed()).toList();
		Map<String, LocalDate> births = new HashMap<>();
		read(mimic.resolve("PATIENTS.csv")).forEach(row -> births.put(row.get("subject_id"), day(row.get("dob"))));
		Map<String, List<Patient.Condition>> diagnoses = new HashMap<>();
		read(mimic.resolve("DIAGNOSES_ICD.csv")).stream().filter(row -> !row.get("icd9_code").isBlank()).forEach(row -> diagnoses
			.computeIfAbsent(row.get("hadm_id"), id -> new ArrayList<>()).add(Patient.Condition.coded(ConditionSystem.ICD_9, row.get("icd9_code"))));
		Map<String, Map<String, LocalDate>> medications = new HashMap<>();
		int orders = 0;
		int mapped = 0;
		Set<String> unmappedNames = new TreeSet<>();
		Set<String> names = new TreeSet<>();
		for (Map<String, String> row : read(mimic.resolve("PRESCRIPTIONS.csv"))) {
			orders++;
			String name = row.get("drug").strip().toLowerCase(Locale.ROOT);
			names.add(name);
			String atc = mappings.stream().filter(m -> name.contains(m.fragment())).map(Mapping::atc).findFirst().orElse(null);
			if (atc == null) {
				unmappedNames.add(name);
				continue;
			}
			mapped++;
			LocalDate start = row.get("startdate").isBlank() ? null : day(row.get("startdate"));
			medications.computeIfAbsent(row.get("hadm_id"), id -> new TreeMap<>()).merge(atc, start,
					(a, b) -> a == null ? b : b == null ? a : a.isBefore(b) ? a : b);
		}
		System.out.printf("prescription orders: %d, mapped to ATC: %d (%.1f%%); distinct drug names: %d, mapped: %d%n", orders, mapped,
				100.0 * mapped / orders, names.size(), names.size() - unmappedNames.size());
		Map<String, Integer> byCriterion = new TreeMap<>();
		Map<String, Set<String>> byPatient = new LinkedHashMap<>();
		List<Integer> perAdmission = new ArrayList<>();
		int assessed = 0;
		for (Map<String, String> admission : read(mimic.resolve("ADMISSIONS.csv"))) {
			String subject = admission.get("subject_id");
			LocalDate admitted = day(admission.get("admittime"));
			LocalDate discharged = day(admission.get("dischtime"));
			int age = Math.min(90, Period.between(births.get(subject), admitted).getYears());
			List<Patient.Medication> list = medications.getOrDefault(admission.get("hadm_id"), Map.of()).entrySet().stream()
				.map(e -> new Patient.Medication(MedicationSystem.ATC, e.getKey(),
						e.getValue() == null || e.getValue().isAfter(discharged) ? null : e.getValue()))
				.toList();
			Patient patient = Patient.builder().patientId(subject).age(age).assessmentDate(discharged)
				.conditions(diagnoses.getOrDefault(admission.get("hadm_id"), List.of())).medications(list).build();
			Assessment assessment = Assess.patient(patient);
			assessed++;
			if (assessment.medicationReview() == null) {
				continue;
			}
			List<String> ids = assessment.medicationReview().flags().stream().map(Assessment.Reason::rule).distinct().toList();
			perAdmission.add(ids.size());
			ids.forEach(id -> byCriterion.merge(id, 1, Integer::sum));
			byPatient.computeIfAbsent(subject, s -> new TreeSet<>()).addAll(ids);
		}
		System.out.printf("admissions assessed: %d, in scope (65 and over): %d, of %d patients%n", assessed, perAdmission.size(),
				byPatient.size());
		summary("flags per admission in scope", perAdmission);
		summary("distinct criteria per patient in scope", byPatient.values().stream().map(Set::size).toList());
		System.out.println("most frequent criteria (admissions flagged):");
		byCriterion.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
			.forEach(e -> System.out.printf("  %-10s %d%n", e.getKey(), e.getValue()));
	}

	private static void summary(String what, List<Integer> counts) {
		List<Integer> sorted = counts.stream().sorted().toList();
		double mean = sorted.stream().mapToInt(Integer::intValue).average().orElse(0);
		long flagged = sorted.stream().filter(n -> n > 0).count();
		System.out.printf("%s: mean %.1f, median %d, max %d, with at least one flag %d of %d%n", what, mean,
				sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1), flagged, sorted.size());
	}

	private static LocalDate day(String timestamp) {
		return LocalDate.parse(timestamp.strip().substring(0, 10));
	}

	private static List<Map<String, String>> read(Path file) throws IOException, CsvValidationException {
		List<Map<String, String>> rows = new ArrayList<>();
		String text = String.join("\n", Files.readAllLines(file).stream().filter(line -> !line.startsWith("#")).toList());
		try (CSVReaderHeaderAware reader = new CSVReaderHeaderAware(new StringReader(text))) {
			Map<String, String> row;
			while ((row = reader.readMap()) != null) {
				rows.add(row);
			}
		}
		return rows;
	}
}
