package org.parcours.vocabulary;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.parcours.patient.Enums.AdmissionType;
import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.DischargeDestination;
import org.parcours.patient.Enums.StayReason;
import org.parcours.patient.Kebab;
import org.parcours.vocabulary.InvalidVocabularyException.Problem;

/**
 * Reads and checks the mapping tables of {@code vocabulary/} into {@link Mappings}. Every table must
 * be there; a row with an unknown word, a duplicate code or a value out of range is a problem naming
 * file and line, and the rule set is refused, so a typo never silently changes what a code means.
 */
final class MappingsLoader {

	static final String CONDITION_SYSTEM = "vocabulary/fhir-condition-system.csv";

	static final String ENCOUNTER_CLASS = "vocabulary/fhir-encounter-class.csv";

	static final String ADMISSION_TYPE = "vocabulary/fhir-admission-type.csv";

	static final String DISCHARGE = "vocabulary/fhir-discharge-disposition.csv";

	static final String OBSERVATION_QUANTITY = "vocabulary/observation-quantity.csv";

	static final String OBSERVATION_CODE = "vocabulary/observation-code.csv";

	static final String OBSERVATION_UNIT = "vocabulary/observation-unit.csv";

	static final String STAY_REASON = "vocabulary/stay-reason.csv";

	/** The stay-reason table's word for the rows that read a Procedure's category rather than a diagnosis. */
	static final String SURGICAL_CATEGORY = "surgical-procedure-category";

	static final String HISTORY_WINDOW = "vocabulary/fhir-history-window.csv";

	static final String UCI_ADMISSION_TYPE = "vocabulary/uci-admission-type.csv";

	static final String UCI_DISCHARGE = "vocabulary/uci-discharge-disposition.csv";

	static final String LEVEL = "vocabulary/kaiser-level.csv";

	static final String BAND_RISK = "vocabulary/score-band-risk.csv";

	/** The tables, each with what it maps (for the problem when it is missing). */
	static final Map<String, String> TABLES = tables();

	/** HL7 risk-probability codes (http://terminology.hl7.org/CodeSystem/risk-probability): the target system's own list. */
	private static final Set<String> RISK_PROBABILITIES = Set.of("negligible", "low", "moderate", "high", "certain");

	/** CDS Hooks card indicators: the specification's own list. */
	private static final Set<String> CDS_INDICATORS = Set.of("info", "warning", "critical");

	/** The word a UCI table uses for a code that says nothing usable: not an error, the input stays unknown. */
	private static final String UNKNOWN = "unknown";

	private final Map<String, String> files;

	private final List<Problem> problems;

	private MappingsLoader(Map<String, String> files, List<Problem> problems) {
		this.files = files;
		this.problems = problems;
	}

	private static Map<String, String> tables() {
		Map<String, String> tables = new LinkedHashMap<>();
		tables.put(CONDITION_SYSTEM, "the FHIR Condition coding systems read, onto the vocabularies' code systems");
		tables.put(ENCOUNTER_CLASS, "which FHIR encounter classes are admissions or emergency visits");
		tables.put(ADMISSION_TYPE, "FHIR encounter priority, class and admission source onto the admission type");
		tables.put(DISCHARGE, "FHIR discharge dispositions onto the discharge destination");
		tables.put(OBSERVATION_QUANTITY, "the laboratory results and measurements the rules read, their unit and how long a result counts");
		tables.put(OBSERVATION_CODE, "the LOINC codes of the observation quantities");
		tables.put(OBSERVATION_UNIT, "the units accepted for each observation quantity and their conversion");
		tables.put(STAY_REASON, "coded principal diagnoses (and surgical procedure categories) onto the stay reason");
		tables.put(HISTORY_WINDOW, "how far back FHIR encounters are counted");
		tables.put(UCI_ADMISSION_TYPE, "UCI admission_type_id onto the admission type");
		tables.put(UCI_DISCHARGE, "UCI discharge_disposition_id onto the discharge destination");
		tables.put(LEVEL, "each Kaiser level's label, HL7 risk and CDS card indicator");
		tables.put(BAND_RISK, "score bands onto HL7 risk");
		return Map.copyOf(tables);
	}

	/** Whether a file of {@code vocabulary/} is one of the mapping tables (rather than a code -> category list). */
	static boolean isTable(String path) {
		return TABLES.containsKey(path);
	}

	/** Reads the tables among {@code files}; adds every problem to {@code problems} and returns {@code null} if there is one. */
	static Mappings load(Map<String, String> textByPath, List<Problem> problems) {
		Map<String, String> byPath = textByPath.entrySet().stream().filter(file -> isTable(file.getKey()))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		int before = problems.size();
		TABLES.entrySet().stream().filter(table -> !byPath.containsKey(table.getKey())).sorted(Map.Entry.comparingByKey())
			.forEach(table -> problems.add(new Problem(table.getKey(), 0, "is missing; it maps " + table.getValue())));
		if (problems.size() > before) {
			return null;
		}
		Mappings mappings = new MappingsLoader(byPath, problems).read();
		return problems.size() > before ? null : mappings;
	}

	private Mappings read() {
		Map<AdmissionElement, Map<String, AdmissionType>> admissionTypes = new EnumMap<>(AdmissionElement.class);
		Map<String, ConditionSystem> conditionSystems = new HashMap<>();
		Map<String, EncounterKind> classes = new HashMap<>();
		Map<String, DischargeDestination> discharges = new HashMap<>();
		Map<String, ObservationQuantity> quantities = new LinkedHashMap<>();
		Map<String, ObservationQuantity> observationCodes = new HashMap<>();
		Map<String, Map<String, UnitConversion>> units = new HashMap<>();
		List<StayReasonCode> stayReasons = new java.util.ArrayList<>();
		Set<String> surgicalCategories = new java.util.HashSet<>();
		Map<HistoryCount, Integer> windows = new EnumMap<>(HistoryCount.class);
		Map<Integer, Optional<AdmissionType>> uciAdmissions = new HashMap<>();
		Map<Integer, Optional<DischargeDestination>> uciDischarges = new HashMap<>();
		Map<Integer, LevelTerms> levels = new HashMap<>();
		Map<String, String> bandRisks = new HashMap<>();

		Map<String, AdmissionType> admissionWords = words(AdmissionType.values());
		Map<String, DischargeDestination> destinationWords = words(DischargeDestination.values());

		rows(CONDITION_SYSTEM, List.of("uri", "system", "label"), (row, unique) -> {
			ConditionSystem system = TableFile.word(row, "system", words(ConditionSystem.values()), problems);
			if (code(row, "uri") && system != null && unique.first(row, row.cell("uri"))) {
				conditionSystems.put(row.cell("uri"), system);
			}
		});
		rows(ENCOUNTER_CLASS, List.of("code", "kind", "label"), (row, unique) -> {
			EncounterKind kind = TableFile.word(row, "kind", TableFile.words(EncounterKind.class, EncounterKind::word), problems);
			if (code(row, "code") && kind != null && unique.first(row, row.cell("code"))) {
				classes.put(row.cell("code"), kind);
			}
		});
		rows(ADMISSION_TYPE, List.of("element", "code", "admission_type", "label"), (row, unique) -> {
			AdmissionElement element = TableFile.word(row, "element", TableFile.words(AdmissionElement.class, AdmissionElement::word),
					problems);
			AdmissionType type = TableFile.word(row, "admission_type", admissionWords, problems);
			if (element != null && code(row, "code") && type != null) {
				String code = element == AdmissionElement.CLASS ? row.cell("code") : row.cell("code").toLowerCase(Locale.ROOT);
				if (unique.first(row, element.word() + " " + code)) {
					admissionTypes.computeIfAbsent(element, e -> new HashMap<>()).put(code, type);
				}
			}
		});
		rows(DISCHARGE, List.of("code", "destination", "label"), (row, unique) -> {
			DischargeDestination destination = TableFile.word(row, "destination", destinationWords, problems);
			if (code(row, "code") && destination != null && unique.first(row, row.cell("code").toLowerCase(Locale.ROOT))) {
				discharges.put(row.cell("code").toLowerCase(Locale.ROOT), destination);
			}
		});
		boolean quantitiesRead = rows(OBSERVATION_QUANTITY, List.of("quantity", "unit", "max_age_days", "min", "max", "label"), (row, unique) -> {
			Integer days = integer(row, "max_age_days", 1, 36500);
			BigDecimal min = decimal(row, "min");
			BigDecimal max = decimal(row, "max");
			if (min != null && max != null && min.compareTo(max) > 0) {
				problems.add(row.problem("min " + min + " is above max " + max));
			}
			else if (word(row, "quantity") && code(row, "unit") && days != null && min != null && max != null
					&& unique.first(row, row.cell("quantity"))) {
				quantities.put(row.cell("quantity"), new ObservationQuantity(row.cell("quantity"), row.cell("unit"), days, min.doubleValue(),
						max.doubleValue(), row.cell("label")));
			}
		});
		for (LaboratoryInput input : LaboratoryInput.values()) {
			if (quantitiesRead && !quantities.containsKey(input.quantity())) {
				problems.add(new Problem(OBSERVATION_QUANTITY, 0, "has no row for " + input.quantity() + ": " + input.field() + " is read from it"));
			}
		}
		rows(OBSERVATION_CODE, List.of("loinc", "quantity", "label"), (row, unique) -> {
			ObservationQuantity quantity = TableFile.word(row, "quantity", quantities, problems);
			if (quantity != null && code(row, "loinc") && unique.first(row, row.cell("loinc"))) {
				observationCodes.put(row.cell("loinc"), quantity);
			}
		});
		rows(OBSERVATION_UNIT, List.of("quantity", "unit", "factor", "offset", "decimals", "label"), (row, unique) -> {
			ObservationQuantity quantity = TableFile.word(row, "quantity", quantities, problems);
			BigDecimal factor = factor(row);
			BigDecimal offset = row.cell("offset").isEmpty() ? BigDecimal.ZERO : decimal(row, "offset");
			Integer decimals = row.cell("decimals").isEmpty() ? null : integer(row, "decimals", 0, 6);
			boolean decimalsValid = row.cell("decimals").isEmpty() || decimals != null;
			if (quantity != null && code(row, "unit") && factor != null && offset != null && decimalsValid
					&& unique.first(row, quantity.name() + " " + row.cell("unit").toLowerCase(Locale.ROOT))) {
				units.computeIfAbsent(quantity.name(), q -> new HashMap<>()).put(row.cell("unit").toLowerCase(Locale.ROOT),
						new UnitConversion(row.cell("unit"), factor, offset, decimals));
			}
		});
		quantities.values().stream().filter(quantity -> !units.getOrDefault(quantity.name(), Map.of()).containsKey(quantity.unit().toLowerCase(Locale.ROOT)))
			.forEach(quantity -> problems.add(new Problem(OBSERVATION_UNIT, 0,
					"has no row for " + quantity.name() + " in its own unit " + quantity.unit() + " (factor 1): a result in that unit must be accepted")));
		Map<String, StayReason> reasonWords = words(StayReason.values());
		rows(STAY_REASON, List.of("system", "code", "reason", "label"), (row, unique) -> {
			StayReason reason = TableFile.word(row, "reason", reasonWords, problems);
			if (reason == null || !code(row, "code") || !unique.first(row, row.cell("system") + " " + row.cell("code"))) {
				return;
			}
			if (SURGICAL_CATEGORY.equals(row.cell("system"))) {
				if (reason == StayReason.SURGERY) {
					surgicalCategories.add(row.cell("code"));
				}
				else {
					problems.add(row.problem("a " + SURGICAL_CATEGORY + " row gives the reason surgery"));
				}
				return;
			}
			ConditionSystem system = TableFile.word(row, "system", words(ConditionSystem.values()), problems);
			if (system != null) {
				try {
					stayReasons.add(new StayReasonCode(system, CodePattern.parse(codeSystem(system), row.cell("code")), reason));
				}
				catch (IllegalArgumentException ex) {
					problems.add(row.problem(ex.getMessage()));
				}
			}
		});
		boolean windowsRead = rows(HISTORY_WINDOW, List.of("input", "months", "label"), (row, unique) -> {
			HistoryCount count = TableFile.word(row, "input", TableFile.words(HistoryCount.class, HistoryCount::field), problems);
			Integer months = integer(row, "months", 1, 120);
			if (count != null && months != null && unique.first(row, count.field())) {
				windows.put(count, months);
			}
		});
		for (HistoryCount count : HistoryCount.values()) {
			if (windowsRead && !windows.containsKey(count)) {
				problems.add(new Problem(HISTORY_WINDOW, 0, "has no row for " + count.field() + ": every history input needs its window"));
			}
		}
		rows(UCI_ADMISSION_TYPE, List.of("admission_type_id", "admission_type", "label"), (row, unique) -> {
			Optional<AdmissionType> type = orUnknown(row, "admission_type", admissionWords);
			Integer id = integer(row, "admission_type_id", 0, Integer.MAX_VALUE);
			if (id != null && type != null && unique.first(row, id.toString())) {
				uciAdmissions.put(id, type);
			}
		});
		rows(UCI_DISCHARGE, List.of("discharge_disposition_id", "destination", "label"), (row, unique) -> {
			Optional<DischargeDestination> destination = orUnknown(row, "destination", destinationWords);
			Integer id = integer(row, "discharge_disposition_id", 0, Integer.MAX_VALUE);
			if (id != null && destination != null && unique.first(row, id.toString())) {
				uciDischarges.put(id, destination);
			}
		});
		boolean levelsRead = rows(LEVEL, List.of("level", "label", "risk_probability", "cds_indicator"), (row, unique) -> {
			Integer level = integer(row, "level", 1, 9);
			String risk = among(row, "risk_probability", RISK_PROBABILITIES);
			String indicator = among(row, "cds_indicator", CDS_INDICATORS);
			if (row.cell("label").isEmpty()) {
				problems.add(row.problem("the label is empty; every answer shows it"));
			}
			else if (level != null && risk != null && indicator != null && unique.first(row, level.toString())) {
				levels.put(level, new LevelTerms(level, row.cell("label"), risk, indicator));
			}
		});
		if (levelsRead) {
			// The contract's three levels: a level without its row would fail every answer that reaches it.
			for (int level = 1; level <= 3; level++) {
				if (!levels.containsKey(level)) {
					problems.add(new Problem(LEVEL, 0, "has no row for level " + level + "; every answer at that level needs its label"));
				}
			}
		}
		rows(BAND_RISK, List.of("band", "risk_probability", "label"), (row, unique) -> {
			String risk = among(row, "risk_probability", RISK_PROBABILITIES);
			if (code(row, "band") && risk != null && unique.first(row, row.cell("band"))) {
				bandRisks.put(row.cell("band"), risk);
			}
		});
		return new Mappings(conditionSystems, admissionTypes, classes, discharges, quantities, observationCodes, units, stayReasons, surgicalCategories, windows, uciAdmissions, uciDischarges, levels,
				bandRisks);
	}

	/** The codes of one table seen so far, so that a second row for the same code is refused. */
	private final class Unique {

		private final Map<String, Integer> lines = new HashMap<>();

		boolean first(TableFile.Row row, String key) {
			Integer earlier = lines.putIfAbsent(key, row.line());
			if (earlier != null) {
				problems.add(row.problem("duplicate code '" + key + "' (first on line " + earlier + "): a code means one thing"));
				return false;
			}
			return true;
		}
	}

	private interface RowReader {

		void read(TableFile.Row row, Unique unique);
	}

	/** Reads every row of a table; returns whether the table had no problem. */
	private boolean rows(String path, List<String> columns, RowReader reader) {
		int before = problems.size();
		Unique unique = new Unique();
		TableFile.read(path, files.get(path), columns, problems).forEach(row -> reader.read(row, unique));
		return problems.size() == before;
	}

	private boolean code(TableFile.Row row, String column) {
		if (row.cell(column).isEmpty()) {
			problems.add(row.problem("the " + column + " is empty"));
			return false;
		}
		return true;
	}

	private Integer integer(TableFile.Row row, String column, int min, int max) {
		try {
			int value = Integer.parseInt(row.cell(column));
			if (value >= min && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(row.problem(column + " '" + row.cell(column) + "' must be a whole number"
				+ (max == Integer.MAX_VALUE ? " from " + min : " from " + min + " to " + max)));
		return null;
	}

	private BigDecimal factor(TableFile.Row row) {
		try {
			BigDecimal factor = new BigDecimal(row.cell("factor"));
			if (factor.signum() > 0) {
				return factor;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problems.add(row.problem("factor '" + row.cell("factor") + "' must be a positive decimal number such as 0.1"));
		return null;
	}

	private BigDecimal decimal(TableFile.Row row, String column) {
		try {
			return new BigDecimal(row.cell(column));
		}
		catch (NumberFormatException ex) {
			problems.add(row.problem(column + " '" + row.cell(column) + "' must be a decimal number such as 2.15"));
			return null;
		}
	}

	/** A name rules use: one lower-case word, words joined by hyphens. */
	private boolean word(TableFile.Row row, String column) {
		if (row.cell(column).matches("[a-z0-9]+(-[a-z0-9]+)*")) {
			return true;
		}
		problems.add(row.problem(column + " '" + row.cell(column) + "' must be one lower-case word, words joined by hyphens, such as fasting-glucose"));
		return false;
	}

	private String among(TableFile.Row row, String column, Set<String> allowed) {
		if (allowed.contains(row.cell(column))) {
			return row.cell(column);
		}
		problems.add(row.problem("unknown " + column + " '" + row.cell(column) + "' (" + String.join(", ", allowed.stream().sorted().toList())
				+ ")"));
		return null;
	}

	/** A target word of the patient model, or {@code unknown}: empty then; {@code null} after a problem. */
	private <T> Optional<T> orUnknown(TableFile.Row row, String column, Map<String, T> words) {
		if (UNKNOWN.equals(row.cell(column))) {
			return Optional.empty();
		}
		T value = words.get(row.cell(column));
		if (value == null) {
			problems.add(row.problem("unknown " + column + " '" + row.cell(column) + "' (" + String.join(", ", words.keySet()) + ", "
					+ UNKNOWN + ")"));
			return null;
		}
		return Optional.of(value);
	}

	static CodeSystem codeSystem(ConditionSystem system) {
		return CodeSystem.fromId(Kebab.of(system)).orElseThrow();
	}

	private static <E extends Enum<E>> Map<String, E> words(E[] values) {
		Map<String, E> words = new LinkedHashMap<>();
		for (E value : values) {
			words.put(Kebab.of(value), value);
		}
		return words;
	}
}
