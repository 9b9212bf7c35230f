package org.parcours.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.Sex;
import org.parcours.patient.Enums.StayReason;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.Mappings;

/**
 * The layout of the UCI "Diabetes 130-US hospitals 1999-2008" extract ({@code diabetic_data.csv}):
 * one inpatient encounter per row, {@code ?} for missing, codes of {@code IDs_mapping.csv} (mapped by
 * {@code vocabulary/uci-admission-type.csv} and {@code uci-discharge-disposition.csv}). What each
 * column becomes, and what it cannot tell us, is documented in docs/rosters.md (its profile). In
 * short: the age is a 10-year band (evaluated at both ends, see {@link RowScorer}); visits are
 * counted over the preceding year; only three ICD-9-CM diagnoses are given; there are no laboratory
 * values, so HOSPITAL is never computable. {@code readmitted} is the outcome and is never an input.
 */
final class UciDiabetesProfile implements RosterProfile {

	static final String NAME = "uci-diabetes-130";

	/** The same layout, with the stay reason derived from diag_1 through {@code vocabulary/stay-reason.csv}. */
	static final String WITH_STAY_REASON = NAME + "-stay-reason";

	private final boolean stayReasonFromDiag1;

	/** @param stayReasonFromDiag1 whether diag_1, the principal diagnosis of the encounter, gives {@code stay.reason} */
	UciDiabetesProfile(boolean stayReasonFromDiag1) {
		this.stayReasonFromDiag1 = stayReasonFromDiag1;
	}

	static final List<String> REQUIRED = List.of("encounter_id", "age", "gender", "admission_type_id",
			"discharge_disposition_id", "time_in_hospital", "num_procedures", "num_medications", "number_emergency",
			"number_inpatient", "diag_1", "diag_2", "diag_3");

	private static final Pattern AGE_BAND = Pattern.compile("\\[(\\d{1,3})-(\\d{1,3})\\)");

	@Override
	public String name() {
		return stayReasonFromDiag1 ? WITH_STAY_REASON : NAME;
	}

	@Override
	public Mapper bind(String[] header, Mappings mappings) {
		List<String> names = Arrays.stream(header).map(String::strip).toList();
		List<String> absent = REQUIRED.stream().filter(name -> !names.contains(name)).toList();
		if (!absent.isEmpty()) {
			throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "header",
					"the " + NAME + " profile needs the column(s) " + String.join(", ", absent));
		}
		return new UciMapper(REQUIRED.stream().mapToInt(names::indexOf).toArray(), mappings, stayReasonFromDiag1);
	}

	private record UciMapper(int[] columns, Mappings mappings, boolean stayReasonFromDiag1) implements Mapper {

		@Override
		public int idColumn() {
			return columns[0];
		}

		@Override
		public Row map(String[] cells) {
			List<RowError> errors = new ArrayList<>();
			Integer[] band = ageBand(cell(cells, "age"), errors);
			Integer admissionType = Cells.integer("admission_type_id", cell(cells, "admission_type_id"), errors);
			Integer discharge = Cells.integer("discharge_disposition_id", cell(cells, "discharge_disposition_id"), errors);
			Integer procedures = Cells.integer("num_procedures", cell(cells, "num_procedures"), errors);
			String principal = stayReasonFromDiag1 ? Cells.text(cell(cells, "diag_1")) : null;
			Patient patient = Patient.builder()
				.patientId(Cells.text(cell(cells, "encounter_id")))
				.age(band[0])
				.sex(sex(cell(cells, "gender"), errors))
				.conditions(diagnoses(cells))
				.medicationCount(Cells.integer("num_medications", cell(cells, "num_medications"), errors))
				.history(Patient.History.builder()
					.admissionsLast12Months(Cells.integer("number_inpatient", cell(cells, "number_inpatient"), errors))
					.edVisitsLast6Months(Cells.integer("number_emergency", cell(cells, "number_emergency"), errors))
					.build())
				.stay(Patient.Stay.builder()
					.reason(principal == null ? null : mappings.stayReason(ConditionSystem.ICD_9, principal).orElse(StayReason.OTHER))
					.reasonDerivedFrom(principal == null ? null : "icd-9 " + principal.strip() + " (diag_1)")
					.admissionType(code(mappings::uciListsAdmissionType, mappings::uciAdmissionType, "admission_type_id", admissionType, errors))
					.lengthOfStayDays(Cells.integer("time_in_hospital", cell(cells, "time_in_hospital"), errors))
					.procedurePerformed(procedures == null ? null : procedures > 0)
					.dischargeDestination(code(mappings::uciListsDischarge, mappings::uciDischargeDestination, "discharge_disposition_id", discharge, errors))
					.build())
				.build();
			return new Row(patient, band[1], errors);
		}

		/** The cell, with UCI's {@code ?} read as empty. */
		private String cell(String[] cells, String name) {
			int column = columns[REQUIRED.indexOf(name)];
			String cell = column < cells.length ? cells[column] : null;
			return cell == null || cell.strip().equals("?") ? null : cell;
		}

		/** diag_1..3 as ICD-9-CM (the vocabulary restores UCI's dropped dots and zeros); none given = not known. */
		private List<Patient.Condition> diagnoses(String[] cells) {
			List<Patient.Condition> conditions = new ArrayList<>(3);
			for (String column : List.of("diag_1", "diag_2", "diag_3")) {
				String code = Cells.text(cell(cells, column));
				if (code != null) {
					conditions.add(Patient.Condition.coded(ConditionSystem.ICD_9, code));
				}
			}
			return conditions.isEmpty() ? null : conditions;
		}

		/** {@code [70-80)} gives 70 and 79. */
		private static Integer[] ageBand(String cell, List<RowError> errors) {
			if (Cells.isEmpty(cell)) {
				return new Integer[2];
			}
			Matcher band = AGE_BAND.matcher(cell.strip());
			if (!band.matches() || Integer.parseInt(band.group(2)) <= Integer.parseInt(band.group(1))) {
				errors.add(new RowError(RowError.BAD_VALUE, "age", "must be an age band such as [70-80)"));
				return new Integer[2];
			}
			return new Integer[] { Integer.parseInt(band.group(1)), Integer.parseInt(band.group(2)) - 1 };
		}

		private static Sex sex(String cell, List<RowError> errors) {
			if (Cells.isEmpty(cell)) {
				return null;
			}
			return switch (cell.strip()) {
				case "Female" -> Sex.FEMALE;
				case "Male" -> Sex.MALE;
				case "Unknown/Invalid" -> Sex.UNKNOWN;
				default -> {
					errors.add(new RowError(RowError.BAD_VALUE, "gender", "must be Female, Male or Unknown/Invalid"));
					yield null;
				}
			};
		}

		/** The value the mapping table gives a code; a code the table does not list is a row error. */
		private static <T> T code(IntPredicate listed, IntFunction<Optional<T>> mapped, String field, Integer code,
				List<RowError> errors) {
			if (code == null) {
				return null;
			}
			if (!listed.test(code)) {
				errors.add(new RowError(RowError.BAD_VALUE, field, "must be a code of IDs_mapping.csv"));
				return null;
			}
			return mapped.apply(code).orElse(null);
		}
	}
}
