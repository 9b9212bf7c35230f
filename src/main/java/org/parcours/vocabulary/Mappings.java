package org.parcours.vocabulary;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.parcours.patient.Enums.AdmissionType;
import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.DischargeDestination;
import org.parcours.patient.Enums.StayReason;

/**
 * The terminology mapping tables of one rule set ({@code vocabulary/fhir-*.csv}, {@code uci-*.csv},
 * {@code kaiser-level.csv}, {@code score-band-risk.csv}): how codes of FHIR resources and of the UCI
 * roster become inputs, and how levels and bands are named in the outputs. Loaded and checked by
 * {@link MappingsLoader}; immutable. Codes are compared as each table's notes say: encounter classes
 * and LOINC codes exactly, the other FHIR codes and units without case.
 */
public final class Mappings {

	private final Map<String, ConditionSystem> conditionSystems;

	/** Admission types by element, then by code (lower case except for {@link AdmissionElement#CLASS}). */
	private final Map<AdmissionElement, Map<String, AdmissionType>> admissionTypes;

	private final Map<String, EncounterKind> encounterClasses;

	private final Map<String, DischargeDestination> dischargeDestinations;

	private final Map<String, ObservationQuantity> quantities;

	/** Quantities by LOINC code. */
	private final Map<String, ObservationQuantity> observationCodes;

	/** Conversions by quantity name, then by unit in lower case. */
	private final Map<String, Map<String, UnitConversion>> units;

	private final List<StayReasonCode> stayReasons;

	private final Set<String> surgicalCategories;

	private final Map<HistoryCount, Integer> lookBackMonths;

	private final Map<Integer, Optional<AdmissionType>> uciAdmissionTypes;

	private final Map<Integer, Optional<DischargeDestination>> uciDischarges;

	private final Map<Integer, LevelTerms> levels;

	private final Map<String, String> bandRisks;

	Mappings(Map<String, ConditionSystem> conditionSystems, Map<AdmissionElement, Map<String, AdmissionType>> admissionTypes, Map<String, EncounterKind> encounterClasses,
			Map<String, DischargeDestination> dischargeDestinations, Map<String, ObservationQuantity> quantities,
			Map<String, ObservationQuantity> observationCodes, Map<String, Map<String, UnitConversion>> units, List<StayReasonCode> stayReasons, Set<String> surgicalCategories,
			Map<HistoryCount, Integer> lookBackMonths,
			Map<Integer, Optional<AdmissionType>> uciAdmissionTypes, Map<Integer, Optional<DischargeDestination>> uciDischarges,
			Map<Integer, LevelTerms> levels, Map<String, String> bandRisks) {
		this.conditionSystems = Map.copyOf(conditionSystems);
		this.admissionTypes = Map.copyOf(admissionTypes);
		this.encounterClasses = Map.copyOf(encounterClasses);
		this.dischargeDestinations = Map.copyOf(dischargeDestinations);
		this.quantities = Map.copyOf(quantities);
		this.observationCodes = Map.copyOf(observationCodes);
		this.units = Map.copyOf(units);
		this.stayReasons = List.copyOf(stayReasons);
		this.surgicalCategories = Set.copyOf(surgicalCategories);
		this.lookBackMonths = Map.copyOf(lookBackMonths);
		this.uciAdmissionTypes = Map.copyOf(uciAdmissionTypes);
		this.uciDischarges = Map.copyOf(uciDischarges);
		this.levels = Map.copyOf(levels);
		this.bandRisks = Map.copyOf(bandRisks);
	}

	/** The code system of the patient model a FHIR coding system URI is read as, if the table lists it. */
	public Optional<ConditionSystem> conditionSystem(String uri) {
		return Optional.ofNullable(uri == null ? null : conditionSystems.get(uri));
	}

	/** The admission type a code of an Encounter element states, if the table lists it. */
	public Optional<AdmissionType> admissionType(AdmissionElement element, String code) {
		if (code == null) {
			return Optional.empty();
		}
		String key = element == AdmissionElement.CLASS ? code : code.toLowerCase(Locale.ROOT);
		return Optional.ofNullable(admissionTypes.getOrDefault(element, Map.of()).get(key));
	}

	public Optional<EncounterKind> encounterKind(String classCode) {
		return Optional.ofNullable(classCode == null ? null : encounterClasses.get(classCode));
	}

	/** The destination a discharge-disposition code states; a code the table does not list is "other". */
	public DischargeDestination dischargeDestination(String code) {
		return dischargeDestinations.getOrDefault(code.toLowerCase(Locale.ROOT), DischargeDestination.OTHER);
	}

	/** The quantity a LOINC code gives, if the observation tables list the code. */
	public Optional<ObservationQuantity> observationQuantity(String loinc) {
		return Optional.ofNullable(loinc == null ? null : observationCodes.get(loinc));
	}

	/** A quantity by its name in the rules; the loader made sure that the stay's laboratory inputs have theirs. */
	public ObservationQuantity quantity(String name) {
		return quantities.get(name);
	}

	/** The value in the quantity's unit, or empty when the table does not accept this unit for the quantity. */
	public Optional<Double> convert(ObservationQuantity quantity, String unit, BigDecimal value) {
		UnitConversion conversion = units.getOrDefault(quantity.name(), Map.of()).get(unit.strip().toLowerCase(Locale.ROOT));
		return conversion == null ? Optional.empty() : Optional.of(conversion.apply(value));
	}

	/** The units the tables accept for a quantity, as written there, for error messages. */
	public java.util.List<String> units(ObservationQuantity quantity) {
		return units.getOrDefault(quantity.name(), Map.of()).values().stream().map(UnitConversion::unit).sorted().toList();
	}

	/**
	 * The stay reason a coded principal diagnosis states ({@code vocabulary/stay-reason.csv}, the most
	 * specific row); empty when no row lists the code.
	 */
	public Optional<StayReason> stayReason(ConditionSystem system, String code) {
		String normalised = CodeNormaliser.normalise(MappingsLoader.codeSystem(system), code);
		return stayReasons.stream().filter(row -> row.system() == system && row.pattern().matches(normalised))
			.max(java.util.Comparator.comparingInt(row -> row.pattern().specificity())).map(StayReasonCode::reason);
	}

	/** Whether a SNOMED CT Procedure.category makes a stay surgical ({@code vocabulary/stay-reason.csv}). */
	public boolean surgicalCategory(String code) {
		return code != null && surgicalCategories.contains(code.strip());
	}

	public int lookBackMonths(HistoryCount count) {
		return lookBackMonths.get(count);
	}

	/** Whether the UCI table lists this {@code admission_type_id}; a code it does not list is a row error. */
	public boolean uciListsAdmissionType(int id) {
		return uciAdmissionTypes.containsKey(id);
	}

	/** The admission type of a UCI {@code admission_type_id}; empty when not listed or listed as saying nothing usable. */
	public Optional<AdmissionType> uciAdmissionType(int id) {
		return uciAdmissionTypes.getOrDefault(id, Optional.empty());
	}

	/** Whether the UCI table lists this {@code discharge_disposition_id}; a code it does not list is a row error. */
	public boolean uciListsDischarge(int id) {
		return uciDischarges.containsKey(id);
	}

	/** The destination of a UCI {@code discharge_disposition_id}; empty when not listed or listed as unknown. */
	public Optional<DischargeDestination> uciDischargeDestination(int id) {
		return uciDischarges.getOrDefault(id, Optional.empty());
	}

	/** @throws IllegalStateException when the rules assigned a level the table does not name */
	public LevelTerms level(int level) {
		LevelTerms terms = levels.get(level);
		if (terms == null) {
			throw new IllegalStateException("rules produced level " + level + "; vocabulary/kaiser-level.csv names levels "
					+ levels.keySet().stream().sorted().toList());
		}
		return terms;
	}

	/** The HL7 risk-probability code of a score band, if the table maps the band. */
	public Optional<String> bandRisk(String band) {
		return Optional.ofNullable(band == null ? null : bandRisks.get(band));
	}
}
