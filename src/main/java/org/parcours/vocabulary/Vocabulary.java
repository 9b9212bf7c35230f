package org.parcours.vocabulary;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The code tables of one rule set, and its terminology {@link Mappings}. Independent mappings, as in the clinical reference: a code maps
 * to at most one chronic category (the most specific entry wins), to every Charlson category whose
 * list holds it (Quan lists some codes under two categories), and to every social or functional
 * finding it states (the facts of every input path read these), and to every diagnosis group programmes
 * ask for ({@code vocabulary/diagnosis-*.csv}). Immutable apart from a lookup cache,
 * since rosters repeat the same codes millions of times.
 */
public final class Vocabulary {

	record Entry(CodeSystem system, CodePattern pattern, String category) {
	}

	private final List<Entry> chronic;

	private final List<Entry> charlson;

	private final List<Entry> functional;

	private final List<Entry> medication;

	private final Map<String, String> medicationLabels;

	private final DrugClasses drugClasses;
	private final List<Entry> diagnoses;

	private final Mappings mappings;

	private final Map<String, CodeMatch> cache = new ConcurrentHashMap<>();

	Vocabulary(List<Entry> chronic, List<Entry> charlson, List<Entry> functional, List<Entry> medication,
			Map<String, String> medicationLabels, DrugClasses drugClasses, List<Entry> diagnoses, Mappings mappings) {
		this.chronic = List.copyOf(chronic);
		this.charlson = List.copyOf(charlson);
		this.functional = List.copyOf(functional);
		this.medication = List.copyOf(medication);
		this.medicationLabels = Map.copyOf(medicationLabels);
		this.drugClasses = drugClasses;
		this.diagnoses = List.copyOf(diagnoses);
		this.mappings = mappings;
	}

	/** The drug classes of {@code vocabulary/atc-class.csv}. */
	public DrugClasses drugClasses() {
		return drugClasses;
	}

	/** The condition names of {@code vocabulary/medication-*.csv}, for checking the tables of medication criteria. */
	public Set<String> medicationConditions() {
		return new TreeSet<>(medicationLabels.keySet());
	}

	/** Medication condition to its name for a reader (the label of its first row). */
	public Map<String, String> medicationConditionLabels() {
		return medicationLabels;
	}

	/** The terminology mapping tables of the same rule set (FHIR and UCI codes, level and band names). */
	public Mappings mappings() {
		return mappings;
	}

	/** Looks up a code as sent by a caller (any of the usual spellings). */
	public CodeMatch lookup(CodeSystem system, String code) {
		String normalised = CodeNormaliser.normalise(system, code);
		return cache.computeIfAbsent(system.id() + '|' + normalised, key -> match(system, normalised));
	}

	/** The chronic category names this vocabulary knows, for checking {@code {"category": ...}} inputs. */
	public Set<String> chronicCategories() {
		return chronic.stream().map(Entry::category).collect(Collectors.toCollection(TreeSet::new));
	}

	/** The Charlson category names this vocabulary knows, for checking the categories decision tables score. */
	public Set<String> charlsonCategories() {
		return charlson.stream().map(Entry::category).collect(Collectors.toCollection(TreeSet::new));
	}

	public int size() {
		return chronic.size() + charlson.size() + functional.size() + medication.size() + diagnoses.size();
	}

	private static Set<String> categories(List<Entry> entries, CodeSystem system, String code) {
		return entries.stream()
			.filter(entry -> entry.system() == system && entry.pattern().matches(code))
			.map(Entry::category)
			.collect(Collectors.toUnmodifiableSet());
	}

	private CodeMatch match(CodeSystem system, String code) {
		String chronicCategory = chronic.stream()
			.filter(entry -> entry.system() == system && entry.pattern().matches(code))
			.max(Comparator.comparingInt(entry -> entry.pattern().specificity()))
			.map(Entry::category)
			.orElse(null);
		Set<String> charlsonCategories = charlson.stream()
			.filter(entry -> entry.system() == system && entry.pattern().matches(code))
			.map(Entry::category)
			.collect(Collectors.toUnmodifiableSet());
		Set<FunctionalFinding> functionalFindings = functional.stream()
			.filter(entry -> entry.system() == system && entry.pattern().matches(code))
			.map(entry -> FunctionalFinding.fromId(entry.category()).orElseThrow())
			.collect(Collectors.toUnmodifiableSet());
		Set<String> medicationConditions = categories(medication, system, code);
		Set<String> diagnosisGroups = categories(diagnoses, system, code);
		if (system == CodeSystem.CATEGORY && chronicCategory == null && chronicCategories().contains(code)) {
			chronicCategory = code;
		}
		return new CodeMatch(chronicCategory, charlsonCategories, functionalFindings, medicationConditions, diagnosisGroups);
	}
}
