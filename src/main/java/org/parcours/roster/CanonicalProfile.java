package org.parcours.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.parcours.patient.Enums.AdmissionType;
import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.DeliveryMode;
import org.parcours.patient.Enums.DischargeDestination;
import org.parcours.patient.Enums.MedicationSystem;
import org.parcours.patient.Enums.ResidenceSetting;
import org.parcours.patient.Enums.Sex;
import org.parcours.patient.Enums.StayReason;
import org.parcours.patient.Enums.Surgery;
import org.parcours.patient.Kebab;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.Mappings;

/**
 * The canonical roster: one column per field of the JSON contract, named by its path
 * ({@code history.admissionsLast12Months}), so that a validation error names the column at fault.
 * Columns may come in any order and any may be left out (a left-out column is "not known"), but an
 * unknown column name stops the run: a misspelt header would otherwise silently empty a column.
 * {@code conditions} holds {@code system:code} items separated by {@code ;} ({@code icd-10:I50.9;
 * category:copd}); {@code medications} holds ATC codes separated by {@code ;}; {@code none} in either
 * says the list is known to be empty.
 */
final class CanonicalProfile implements RosterProfile {

	static final String NAME = "canonical";

	static final List<String> COLUMNS = List.of("patientId", "age", "birthDate", "assessmentDate", "sex",
			"residence.setting", "residence.region", "conditions", "medications", "medicationCount",
			"history.admissionsLast12Months", "history.edVisitsLast6Months", "history.unplannedReadmission30Days",
			"history.unplannedAdmissionLast6Months", "stay.admissionType", "stay.reason", "stay.lengthOfStayDays",
			"stay.dischargeService", "stay.procedurePerformed", "stay.dischargeHemoglobinGdl", "stay.dischargeSodiumMmolL",
			"stay.surgery", "stay.dischargeDestination", "functional.livesAlone", "functional.hasCaregiver",
			"functional.adlDependencies", "functional.cognitiveImpairment", "functional.fallsLast12Months",
			"functional.undernutrition", "functional.depression", "functional.adverseDrugEvent", "pregnancy.delivered",
			"pregnancy.gestationalWeeks", "pregnancy.multiple", "pregnancy.deliveryMode", "pregnancy.maternalComplication",
			"pregnancy.newbornComplication");

	static final String NONE = "none";

	private static final Map<String, Integer> POSITION = position();

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public Mapper bind(String[] header, Mappings mappings) {
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < header.length; i++) {
			String name = header[i].strip();
			if (!COLUMNS.contains(name)) {
				throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "header",
						"column " + (i + 1) + " is not a canonical column (a header cell is never repeated: without a header line it would be patient data); the canonical columns are " + String.join(", ", COLUMNS));
			}
			if (index.putIfAbsent(name, i) != null) {
				throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "header", "column '" + name + "' appears twice");
			}
		}
		if (!index.containsKey("age") && !index.containsKey("birthDate")) {
			throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "header", "an 'age' or 'birthDate' column is required");
		}
		int[] columns = COLUMNS.stream().mapToInt(name -> index.getOrDefault(name, -1)).toArray();
		return new CanonicalMapper(columns);
	}

	private static Map<String, Integer> position() {
		Map<String, Integer> position = new HashMap<>();
		for (int i = 0; i < COLUMNS.size(); i++) {
			position.put(COLUMNS.get(i), i);
		}
		return Map.copyOf(position);
	}

	private record CanonicalMapper(int[] columns) implements Mapper {

		@Override
		public int idColumn() {
			return columns[0];
		}

		@Override
		public Row map(String[] cells) {
			List<RowError> errors = new ArrayList<>();
			Reader r = new Reader(cells, columns, errors);
			Patient.Residence residence = r.any("residence.setting", "residence.region")
					? new Patient.Residence(r.word(ResidenceSetting.class, "residence.setting"), r.text("residence.region")) : null;
			Patient.History history = r.any("history.admissionsLast12Months", "history.edVisitsLast6Months",
					"history.unplannedReadmission30Days", "history.unplannedAdmissionLast6Months")
					? new Patient.History(r.integer("history.admissionsLast12Months"), r.integer("history.edVisitsLast6Months"),
							r.bool("history.unplannedReadmission30Days"), r.bool("history.unplannedAdmissionLast6Months"))
					: null;
			Patient.Stay stay = r.any("stay.admissionType", "stay.reason", "stay.lengthOfStayDays", "stay.dischargeService",
					"stay.procedurePerformed", "stay.dischargeHemoglobinGdl", "stay.dischargeSodiumMmolL", "stay.surgery",
					"stay.dischargeDestination")
					? new Patient.Stay(r.word(AdmissionType.class, "stay.admissionType"), r.word(StayReason.class, "stay.reason"),
							r.integer("stay.lengthOfStayDays"), r.text("stay.dischargeService"), r.bool("stay.procedurePerformed"),
							r.decimal("stay.dischargeHemoglobinGdl"), r.decimal("stay.dischargeSodiumMmolL"),
							r.word(Surgery.class, "stay.surgery"), r.word(DischargeDestination.class, "stay.dischargeDestination"))
					: null;
			Patient.Functional functional = r.any("functional.livesAlone", "functional.hasCaregiver", "functional.adlDependencies",
					"functional.cognitiveImpairment", "functional.fallsLast12Months", "functional.undernutrition",
					"functional.depression", "functional.adverseDrugEvent")
					? new Patient.Functional(r.bool("functional.livesAlone"), r.bool("functional.hasCaregiver"),
							r.integer("functional.adlDependencies"), r.bool("functional.cognitiveImpairment"),
							r.integer("functional.fallsLast12Months"), r.bool("functional.undernutrition"),
							r.bool("functional.depression"), r.bool("functional.adverseDrugEvent"))
					: null;
			Patient.Pregnancy pregnancy = r.any("pregnancy.delivered", "pregnancy.gestationalWeeks", "pregnancy.multiple",
					"pregnancy.deliveryMode", "pregnancy.maternalComplication", "pregnancy.newbornComplication")
					? new Patient.Pregnancy(r.bool("pregnancy.delivered"), r.integer("pregnancy.gestationalWeeks"),
							r.bool("pregnancy.multiple"), r.word(DeliveryMode.class, "pregnancy.deliveryMode"),
							r.bool("pregnancy.maternalComplication"), r.bool("pregnancy.newbornComplication"))
					: null;
			Patient patient = new Patient(r.text("patientId"), r.integer("age"), r.date("birthDate"), r.date("assessmentDate"),
					r.word(Sex.class, "sex"), residence, conditions(r.text("conditions"), errors), medications(r.text("medications")),
					r.integer("medicationCount"), history, stay, functional, pregnancy);
			return new Row(patient, null, errors);
		}

		/** {@code icd-10:I50.9;icd-9:428;snomed:84114007;category:copd}. */
		private static List<Patient.Condition> conditions(String cell, List<RowError> errors) {
			if (cell == null) {
				return null;
			}
			List<Patient.Condition> conditions = new ArrayList<>();
			if (cell.equalsIgnoreCase(NONE)) {
				return conditions;
			}
			for (String item : cell.split(";")) {
				String trimmed = item.strip();
				if (trimmed.isEmpty()) {
					continue;
				}
				int colon = trimmed.indexOf(':');
				String system = colon < 0 ? "" : trimmed.substring(0, colon).strip();
				String code = colon < 0 ? "" : trimmed.substring(colon + 1).strip();
				if (system.equals("category")) {
					conditions.add(new Patient.Condition(null, null, code));
					continue;
				}
				ConditionSystem codeSystem = Arrays.stream(ConditionSystem.values()).filter(s -> Kebab.of(s).equals(system))
					.findFirst().orElse(null);
				if (codeSystem == null) {
					errors.add(new RowError(RowError.BAD_VALUE, "conditions",
							"items must be system:code with system icd-10, icd-9, snomed or category"));
					return null;
				}
				conditions.add(new Patient.Condition(codeSystem, code, null));
			}
			return conditions;
		}

		private static List<Patient.Medication> medications(String cell) {
			if (cell == null) {
				return null;
			}
			if (cell.equalsIgnoreCase(NONE)) {
				return List.of();
			}
			return Arrays.stream(cell.split(";")).map(String::strip).filter(code -> !code.isEmpty())
				.map(code -> new Patient.Medication(MedicationSystem.ATC, code)).toList();
		}
	}

	/** The cells of one row addressed by canonical column name. */
	private record Reader(String[] cells, int[] columns, List<RowError> errors) {

		String cell(String name) {
			int column = columns[POSITION.get(name)];
			return column < 0 || column >= cells.length ? null : cells[column];
		}

		boolean any(String... names) {
			return Arrays.stream(names).anyMatch(name -> !Cells.isEmpty(cell(name)));
		}

		String text(String name) {
			return Cells.text(cell(name));
		}

		Integer integer(String name) {
			return Cells.integer(name, cell(name), errors);
		}

		Double decimal(String name) {
			return Cells.decimal(name, cell(name), errors);
		}

		Boolean bool(String name) {
			return Cells.bool(name, cell(name), errors);
		}

		java.time.LocalDate date(String name) {
			return Cells.date(name, cell(name), errors);
		}

		<E extends Enum<E>> E word(Class<E> type, String name) {
			return Cells.word(type, name, cell(name), errors);
		}
	}
}
