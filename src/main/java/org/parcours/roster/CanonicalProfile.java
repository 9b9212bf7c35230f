package org.parcours.roster;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.MedicationSystem;
import org.parcours.patient.Enums.ObservationSystem;
import org.parcours.patient.Kebab;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.Mappings;

/**
 * The canonical roster: one column per field of the JSON contract, named by its path
 * ({@code history.admissionsLast12Months}), so that a validation error names the column at fault.
 * The columns and how a row becomes a {@link Patient} follow from the record itself: a field added
 * to {@code Patient} or one of its blocks is a canonical column without any change here.
 * Columns may come in any order and any may be left out (a left-out column is "not known"), but an
 * unknown column name stops the run: a misspelt header would otherwise silently empty a column.
 * {@code conditions} holds {@code system:code} items separated by {@code ;} ({@code icd-10:I50.9;
 * category:copd}); {@code medications} holds ATC codes separated by {@code ;}, each optionally with its start
 * date ({@code N05BA01@2025-01-10}); {@code observations} holds {@code loinc:code=value unit@date} items
 * separated by {@code ;} ({@code loinc:33914-3=42 mL/min/{1.73_m2}@2026-10-01}); {@code none} in any of
 * them says the list is known to be empty.
 */
final class CanonicalProfile implements RosterProfile {

	static final String NAME = "canonical";

	/** The fields of {@link Patient}, a block's fields named {@code block.field}, in the record's order. */
	private static final List<Field> FIELDS = fields();

	static final List<String> COLUMNS = FIELDS.stream().map(Field::column).toList();

	static final String NONE = "none";

	private static final RecordComponent[] TOP = Patient.class.getRecordComponents();

	/** The canonical constructors of the patient and its blocks, looked up once rather than per row. */
	private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = constructors();

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

	/**
	 * One value of the record: a top-level field ({@code block} is {@code null}) or a field of a block.
	 * {@code position} is its index in {@link #FIELDS}, hence in the mapper's column array.
	 */
	private record Field(RecordComponent block, RecordComponent component, int position) {

		String column() {
			return block == null ? component.getName() : block.getName() + "." + component.getName();
		}
	}

	private static List<Field> fields() {
		List<Field> fields = new ArrayList<>();
		for (RecordComponent component : Patient.class.getRecordComponents()) {
			if (component.getType().isRecord()) {
				for (RecordComponent inner : component.getType().getRecordComponents()) {
					fields.add(checked(new Field(component, inner, fields.size())));
				}
			}
			else {
				fields.add(checked(new Field(null, component, fields.size())));
			}
		}
		return List.copyOf(fields);
	}

	/** Fails at start-up, not on the first row, when the record gains a type no cell reader knows. */
	private static Field checked(Field field) {
		Class<?> type = field.component().getType();
		boolean readable = type == String.class || type == Integer.class || type == Double.class || type == Boolean.class
				|| type == LocalDate.class || type.isEnum() || field.column().equals("conditions") || field.column().equals("medications")
				|| field.column().equals("observations");
		if (!readable) {
			throw new IllegalStateException("no canonical cell reader for " + field.column() + " of type " + type.getSimpleName());
		}
		return field;
	}

	private record CanonicalMapper(int[] columns) implements Mapper {

		@Override
		public int idColumn() {
			return columns[COLUMNS.indexOf("patientId")];
		}

		@Override
		public Row map(String[] cells) {
			List<RowError> errors = new ArrayList<>();
			Reader r = new Reader(cells, columns, errors);
			Object[] values = new Object[TOP.length];
			int at = 0;
			for (int i = 0; i < TOP.length; i++) {
				if (TOP[i].getType().isRecord()) {
					int size = TOP[i].getType().getRecordComponents().length;
					values[i] = r.block(TOP[i].getType(), FIELDS.subList(at, at + size));
					at += size;
				}
				else {
					values[i] = r.value(FIELDS.get(at++));
				}
			}
			return new Row(construct(Patient.class, values), null, errors);
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
					conditions.add(Patient.Condition.category(code));
					continue;
				}
				ConditionSystem codeSystem = Arrays.stream(ConditionSystem.values()).filter(s -> Kebab.of(s).equals(system))
					.findFirst().orElse(null);
				if (codeSystem == null) {
					errors.add(new RowError(RowError.BAD_VALUE, "conditions",
							"items must be system:code with system icd-10, icd-9, snomed or category"));
					return null;
				}
				conditions.add(Patient.Condition.coded(codeSystem, code));
			}
			return conditions;
		}

		/** {@code code} or {@code code@start-date} items, e.g. {@code N05BA01@2025-01-10;C07AB02}. */
		private static List<Patient.Medication> medications(String cell, List<RowError> errors) {
			if (cell == null) {
				return null;
			}
			if (cell.equalsIgnoreCase(NONE)) {
				return List.of();
			}
			List<Patient.Medication> medications = new ArrayList<>();
			for (String item : cell.split(";")) {
				if (item.isBlank()) {
					continue;
				}
				int at = item.indexOf('@');
				String code = (at < 0 ? item : item.substring(0, at)).strip();
				String date = at < 0 ? null : item.substring(at + 1).strip();
				if (date != null && date.isEmpty()) {
					errors.add(new RowError(RowError.BAD_VALUE, "medications", "a start date after @ must be a date as YYYY-MM-DD"));
					return null;
				}
				LocalDate since = Cells.date("medications", date, errors);
				if (date != null && since == null) {
					return null;
				}
				medications.add(new Patient.Medication(MedicationSystem.ATC, code, since));
			}
			return medications;
		}
	}

	/** {@code loinc:33914-3=42 mL/min/{1.73_m2}@2026-10-01;loinc:4548-4=7.1 %@2026-09-01}. */
	private static List<Patient.Observation> observations(String cell, List<RowError> errors) {
		if (cell == null) {
			return null;
		}
		List<Patient.Observation> observations = new ArrayList<>();
		if (cell.equalsIgnoreCase(NONE)) {
			return observations;
		}
		for (String item : cell.split(";")) {
			String trimmed = item.strip();
			if (trimmed.isEmpty()) {
				continue;
			}
			Matcher parts = OBSERVATION.matcher(trimmed);
			LocalDate date = parts.matches() ? parseDate(parts.group(4)) : null;
			if (date == null) {
				errors.add(new RowError(RowError.BAD_VALUE, "observations",
						"items must be loinc:code=value unit@date, such as loinc:33914-3=42 mL/min/{1.73_m2}@2026-10-01"));
				return null;
			}
			observations.add(new Patient.Observation(ObservationSystem.LOINC, parts.group(1), Double.valueOf(parts.group(2)), parts.group(3).strip(), date));
		}
		return observations;
	}

	private static final Pattern OBSERVATION = Pattern
		.compile("loinc:\\s*([0-9]+-[0-9])\\s*=\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s+([^@]+)@\\s*([0-9]{4}-[0-9]{2}-[0-9]{2})");

	private static LocalDate parseDate(String text) {
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The cells of one row, read as the record field of each column says. */
	private record Reader(String[] cells, int[] columns, List<RowError> errors) {

		String cell(Field field) {
			int column = columns[field.position()];
			return column < 0 || column >= cells.length ? null : cells[column];
		}

		/** A block none of whose columns holds a value was not sent. */
		Object block(Class<?> type, List<Field> fields) {
			if (fields.stream().allMatch(field -> Cells.isEmpty(cell(field)))) {
				return null;
			}
			return construct(type, fields.stream().map(this::value).toArray());
		}

		@SuppressWarnings({ "unchecked", "rawtypes" })
		Object value(Field field) {
			String name = field.column();
			String cell = cell(field);
			Class<?> type = field.component().getType();
			if (name.equals("conditions")) {
				return CanonicalMapper.conditions(Cells.text(cell), errors);
			}
			if (name.equals("medications")) {
				return CanonicalMapper.medications(Cells.text(cell), errors);
			}
			if (name.equals("observations")) {
				return observations(Cells.text(cell), errors);
			}
			if (type == Integer.class) {
				return Cells.integer(name, cell, errors);
			}
			if (type == Double.class) {
				return Cells.decimal(name, cell, errors);
			}
			if (type == Boolean.class) {
				return Cells.bool(name, cell, errors);
			}
			if (type == LocalDate.class) {
				return Cells.date(name, cell, errors);
			}
			if (type.isEnum()) {
				return Cells.word((Class) type, name, cell, errors);
			}
			return Cells.text(cell);
		}
	}

	private static Map<Class<?>, Constructor<?>> constructors() {
		Map<Class<?>, Constructor<?>> constructors = new HashMap<>();
		constructors.put(Patient.class, canonical(Patient.class));
		Arrays.stream(TOP).map(RecordComponent::getType).filter(Class::isRecord)
			.forEach(block -> constructors.put(block, canonical(block)));
		return Map.copyOf(constructors);
	}

	private static Constructor<?> canonical(Class<?> type) {
		Class<?>[] parameters = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
		try {
			return type.getDeclaredConstructor(parameters);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("a record always has a canonical constructor", ex);
		}
	}

	/** A record from its values in component order. */
	private static <T> T construct(Class<T> type, Object[] values) {
		try {
			return type.cast(CONSTRUCTORS.get(type).newInstance(values));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot construct " + type.getSimpleName(), ex);
		}
	}
}
