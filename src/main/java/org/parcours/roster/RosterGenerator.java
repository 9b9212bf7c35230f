package org.parcours.roster;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

/**
 * A seeded synthetic roster in the canonical format: the same seed gives the same file. Ages mix
 * children, working-age adults and older people; chronic conditions follow adult prevalences
 * (hypertension about 30 %, osteoarthritis 12 %, diabetes 10 %, ...) that rise with age; codes come
 * in ICD-10, ICD-9-CM and SNOMED CT, with a few codes no vocabulary knows; about one in six members
 * has a recent stay; functional data is known for some older members; every optional input is
 * sometimes missing. With a bad-row fraction, that share of rows is deliberately broken (a word for
 * a number, an unknown enum, a column too many or too few, an impossible age, a formula in the id).
 */
final class RosterGenerator {

	/** chronic category, base prevalence, ICD-10, ICD-9-CM, SNOMED CT. */
	private record Disease(String category, double prevalence, String icd10, String icd9, String snomed) {
	}

	private static final List<Disease> DISEASES = List.of(new Disease("hypertension", 0.30, "I10", "401.9", "38341003"),
			new Disease("osteoarthritis", 0.12, "M17.9", "715.90", "396275006"),
			new Disease("diabetes", 0.10, "E11.9", "250.00", "44054006"),
			new Disease("depression", 0.08, "F32.9", "311", "35489007"),
			new Disease("coronary-artery-disease", 0.07, "I25.1", "414.01", "53741008"),
			new Disease("copd", 0.06, "J44.9", "496", "13645005"), new Disease("asthma", 0.06, "J45.9", "493.90", "195967001"),
			new Disease("chronic-kidney-disease", 0.06, "N18.3", "585.3", "433144002"),
			new Disease("atrial-fibrillation", 0.04, "I48.9", "427.31", "49436004"),
			new Disease("cancer", 0.04, "C50.9", "174.9", "363346000"),
			new Disease("heart-failure", 0.03, "I50.9", "428.0", "84114007"),
			new Disease("cerebrovascular-disease", 0.03, "I63.9", "434.91", "230690007"),
			new Disease("dementia", 0.02, "F03", "290.0", "52448006"));

	private static final String[] UNKNOWN_CODES = { "icd-10:Z00.0", "icd-10:R69", "icd-9:V70.0" };

	private static final String[] REASONS = { "heart-failure", "copd", "stroke", "tia", "surgery", "other", "other", "other" };

	private static final String[] SURGERIES = { "colorectal", "lung", "hip", "knee", "liver", "pancreas", "oesophagus", "other" };

	private static final String[] DESTINATIONS = { "home", "home", "home", "home", "home", "home", "rehabilitation", "nursing-home",
			"hospice", "other" };

	private static final String[] REGIONS = { "CH-GE", "CH-GE", "CH-VD", "FR-74", "FR-01" };

	private static final Map<String, Integer> COLUMN = new HashMap<>();

	static {
		for (int i = 0; i < CanonicalProfile.COLUMNS.size(); i++) {
			COLUMN.put(CanonicalProfile.COLUMNS.get(i), i);
		}
	}

	private final SplittableRandom random;

	private final long seed;

	private final double badRows;

	RosterGenerator(long seed, double badRows) {
		this.random = new SplittableRandom(seed);
		this.seed = seed;
		this.badRows = badRows;
	}

	void write(long rows, Writer out) throws IOException {
		ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd("\n").build();
		csv.writeNext(CanonicalProfile.COLUMNS.toArray(String[]::new), false);
		for (long n = 1; n <= rows; n++) {
			String[] row = row(n);
			csv.writeNext(badRows > 0 && random.nextDouble() < badRows ? spoil(row) : row, false);
		}
		csv.flush();
		if (csv.checkError()) {
			throw csv.getException() == null ? new IOException("the output could not be written") : csv.getException();
		}
	}

	private String[] row(long n) {
		Row row = new Row();
		row.set("patientId", "G" + seed + "-" + n);
		double band = random.nextDouble();
		int age = band < 0.18 ? random.nextInt(18) : band < 0.68 ? 18 + random.nextInt(47) : 65 + (int) Math.min(40, exponential(10));
		if (random.nextDouble() < 0.2) {
			row.set("birthDate", java.time.LocalDate.of(2026, 1, 1).minusYears(age).minusDays(random.nextInt(365)).toString());
		}
		else {
			row.set("age", Integer.toString(age));
		}
		String sex = random.nextDouble() < 0.51 ? "female" : random.nextDouble() < 0.98 ? "male" : "other";
		row.maybe("sex", sex, 0.05);
		row.maybe("residence.setting", age >= 80 && random.nextDouble() < 0.12 ? "nursing-home" : "home", 0.3);
		row.maybe("residence.region", REGIONS[random.nextInt(REGIONS.length)], 0.3);
		double risk = age < 18 ? 0.2 : age < 45 ? 0.5 : age < 65 ? 1.0 : age < 75 ? 1.8 : 2.5;
		List<String> conditions = new ArrayList<>();
		for (Disease disease : DISEASES) {
			if (random.nextDouble() < Math.min(0.8, disease.prevalence() * risk)) {
				double system = random.nextDouble();
				conditions.add(system < 0.6 ? "icd-10:" + disease.icd10() : system < 0.8 ? "icd-9:" + disease.icd9()
						: system < 0.95 ? "snomed:" + disease.snomed() : "category:" + disease.category());
			}
		}
		if (random.nextDouble() < 0.05) {
			conditions.add(UNKNOWN_CODES[random.nextInt(UNKNOWN_CODES.length)]);
		}
		if (random.nextDouble() >= 0.08) {
			row.set("conditions", conditions.isEmpty() ? CanonicalProfile.NONE : String.join(";", conditions));
		}
		int chronic = conditions.size();
		int medications = (int) Math.min(25, Math.round(chronic * 1.6 + exponential(1.2) + (age >= 75 ? 1 : 0)));
		row.maybe("medicationCount", Integer.toString(medications), 0.15);
		double admissionRisk = 0.06 + 0.05 * chronic + (age >= 75 ? 0.08 : 0);
		int admissions = random.nextDouble() < admissionRisk ? 1 + (int) exponential(0.8) : 0;
		row.maybe("history.admissionsLast12Months", Integer.toString(admissions), 0.1);
		row.maybe("history.edVisitsLast6Months", Integer.toString(random.nextDouble() < admissionRisk ? 1 + (int) exponential(0.7) : 0), 0.2);
		row.maybe("history.unplannedReadmission30Days", Boolean.toString(admissions > 0 && random.nextDouble() < 0.12), 0.3);
		row.maybe("history.unplannedAdmissionLast6Months", Boolean.toString(admissions > 0 && random.nextDouble() < 0.5), 0.3);
		boolean stay = admissions > 0 && random.nextDouble() < 0.7 || random.nextDouble() < 0.04;
		if (stay) {
			stay(row, age, sex);
		}
		if (age >= 65 && random.nextDouble() < 0.6) {
			functional(row, age);
		}
		return row.cells;
	}

	private void stay(Row row, int age, String sex) {
		boolean delivery = "female".equals(sex) && age >= 18 && age <= 44 && random.nextDouble() < 0.4;
		String reason = delivery ? "delivery" : REASONS[random.nextInt(REASONS.length)];
		row.maybe("stay.admissionType", reason.equals("surgery") && random.nextDouble() < 0.7 || delivery ? "elective" : "urgent", 0.05);
		row.set("stay.reason", reason);
		row.maybe("stay.lengthOfStayDays", Integer.toString(1 + (int) exponential(5)), 0.05);
		row.maybe("stay.dischargeService", reason.equals("surgery") ? "surgery" : random.nextDouble() < 0.06 ? "oncology" : "medicine", 0.3);
		row.maybe("stay.procedurePerformed", Boolean.toString(reason.equals("surgery") || random.nextDouble() < 0.3), 0.3);
		row.maybe("stay.dischargeHemoglobinGdl", String.format(java.util.Locale.ROOT, "%.1f", 13.5 + random.nextGaussian() * 1.8), 0.4);
		row.maybe("stay.dischargeSodiumMmolL", Integer.toString((int) Math.round(139 + random.nextGaussian() * 3.5)), 0.4);
		if (reason.equals("surgery")) {
			row.maybe("stay.surgery", SURGERIES[random.nextInt(SURGERIES.length)], 0.1);
		}
		row.maybe("stay.dischargeDestination", DESTINATIONS[random.nextInt(DESTINATIONS.length)], 0.2);
		if (delivery) {
			boolean caesarean = random.nextDouble() < 0.2;
			row.set("pregnancy.delivered", "true");
			row.maybe("pregnancy.gestationalWeeks", Integer.toString(Math.max(24, Math.min(43, (int) Math.round(39 + random.nextGaussian() * 1.8)))), 0.1);
			row.maybe("pregnancy.multiple", Boolean.toString(random.nextDouble() < 0.015), 0.1);
			row.maybe("pregnancy.deliveryMode", caesarean ? "caesarean" : "vaginal", 0.05);
			row.maybe("pregnancy.maternalComplication", Boolean.toString(random.nextDouble() < 0.08), 0.15);
			row.maybe("pregnancy.newbornComplication", Boolean.toString(random.nextDouble() < 0.06), 0.15);
		}
	}

	private void functional(Row row, int age) {
		boolean alone = random.nextDouble() < (age >= 80 ? 0.4 : 0.3);
		row.maybe("functional.livesAlone", Boolean.toString(alone), 0.2);
		row.maybe("functional.hasCaregiver", Boolean.toString(!alone || random.nextDouble() < 0.4), 0.3);
		row.maybe("functional.adlDependencies", Integer.toString(random.nextDouble() < (age >= 80 ? 0.35 : 0.15) ? 1 + random.nextInt(5) : 0), 0.3);
		row.maybe("functional.cognitiveImpairment", Boolean.toString(random.nextDouble() < (age >= 80 ? 0.2 : 0.07)), 0.3);
		row.maybe("functional.fallsLast12Months", Integer.toString(random.nextDouble() < 0.3 ? 1 + random.nextInt(3) : 0), 0.3);
		row.maybe("functional.undernutrition", Boolean.toString(random.nextDouble() < 0.1), 0.4);
		row.maybe("functional.depression", Boolean.toString(random.nextDouble() < 0.12), 0.4);
		row.maybe("functional.adverseDrugEvent", Boolean.toString(random.nextDouble() < 0.05), 0.4);
	}

	/** One of the deliberate defects, cycling through the kinds a roster really shows. */
	private String[] spoil(String[] row) {
		String[] bad = row.clone();
		switch (random.nextInt(6)) {
			case 0 -> bad[COLUMN.get("history.admissionsLast12Months")] = "two";
			case 1 -> bad[COLUMN.get("sex")] = "robot";
			case 2 -> {
				bad = java.util.Arrays.copyOf(row, row.length + 1);
				bad[row.length] = "extra";
			}
			case 3 -> bad = java.util.Arrays.copyOf(row, row.length - 3);
			case 4 -> {
				bad[COLUMN.get("age")] = "-4";
				bad[COLUMN.get("birthDate")] = "";
			}
			default -> bad[0] = "=HYPERLINK(\"http://example.invalid\",\"" + row[0] + "\")";
		}
		return bad;
	}

	private double exponential(double mean) {
		return -mean * Math.log(1 - random.nextDouble());
	}

	/** A row of the canonical columns, filled by name. */
	private final class Row {

		final String[] cells = new String[CanonicalProfile.COLUMNS.size()];

		void set(String column, String value) {
			cells[COLUMN.get(column)] = value;
		}

		/** Sets the value, except for the given share of rows where the input is left unknown. */
		void maybe(String column, String value, double missing) {
			if (random.nextDouble() >= missing) {
				set(column, value);
			}
		}
	}
}
