package org.parcours.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.parcours.facts.MedicationProfile;
import org.parcours.facts.PatientFacts;
import org.parcours.facts.TakenMedication;
import org.parcours.patient.Enums;
import org.parcours.patient.Kebab;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.CodeMatch;
import org.parcours.vocabulary.CodeNormaliser;
import org.parcours.vocabulary.CodeSystem;
import org.parcours.vocabulary.DrugClasses;
import org.parcours.vocabulary.FunctionalFinding;
import org.parcours.vocabulary.Vocabulary;

/**
 * Turns a validated patient input into the facts rules read: age from birth date when needed,
 * conditions mapped through the rule set's vocabularies (chronic and Charlson categories, and the
 * functional findings some codes state, see {@link FunctionalFindings}), distinct medications counted.
 * Every input path (JSON, FHIR, CDS Hooks, rosters, golden cases) comes through here. Codes that no
 * vocabulary knows become warnings, never failures. Sex is not carried over: no rule may use it.
 */
final class FactsBuilder {

	/** The facts and what the caller should know about how they were derived. */
	record Result(PatientFacts facts, List<Assessment.Warning> warnings) {
	}

	private FactsBuilder() {
	}

	static Result build(Patient patient, Vocabulary vocabulary, LocalDate today) {
		List<Assessment.Warning> warnings = new ArrayList<>();
		int age = age(patient, today, warnings);
		Set<String> chronic = new TreeSet<>();
		Set<String> charlson = new TreeSet<>();
		Set<String> icd10Blocks = new TreeSet<>();
		Set<String> diagnosisGroups = new TreeSet<>();
		Set<FunctionalFinding> findings = EnumSet.noneOf(FunctionalFinding.class);
		Map<String, String> medicationConditions = new TreeMap<>();
		if (patient.conditions() != null) {
			for (Patient.Condition condition : patient.conditions()) {
				icd10Block(condition).ifPresent(icd10Blocks::add);
				CodeMatch match = map(condition, vocabulary, warnings);
				match.medicationConditions().forEach(name -> medicationConditions.putIfAbsent(name, condition.system() == null
						? "category " + condition.category() : Kebab.of(condition.system()) + " " + condition.code()));
				if (match.chronicCategory() != null) {
					chronic.add(match.chronicCategory());
				}
				charlson.addAll(match.charlsonCategories());
				findings.addAll(match.functionalFindings());
				diagnosisGroups.addAll(match.diagnosisGroups());
			}
		}
		PatientFacts facts = PatientFacts.builder()
			.age(age)
			.conditionsKnown(patient.conditions() != null)
			.chronicCategories(chronic)
			.charlsonCategories(charlson)
			.icd10Blocks(icd10Blocks)
			.icd10Known(patient.conditions() != null && (patient.conditions().isEmpty() || !icd10Blocks.isEmpty()))
			.diagnosisGroups(diagnosisGroups)
			.medicationCount(medicationCount(patient))
			.observations(ObservationFacts.read(patient.observations(), vocabulary.mappings(), patient.assessmentDate() == null ? today : patient.assessmentDate(), warnings))
			.residence(patient.residence())
			.history(patient.history())
			.stay(stay(patient.stay()))
			.functional(FunctionalFindings.apply(findings, patient.functional()))
			.pregnancy(patient.pregnancy())
			.medicationProfile(medicationProfile(patient, medicationConditions, vocabulary, patient.assessmentDate() == null ? today : patient.assessmentDate()))
			.build();
		return new Result(facts, List.copyOf(warnings));
	}

	/** The service name as rules compare it: trimmed, lower case. */
	private static Patient.Stay stay(Patient.Stay stay) {
		if (stay == null || stay.dischargeService() == null) {
			return stay;
		}
		return stay.toBuilder().dischargeService(stay.dischargeService().strip().toLowerCase(Locale.ROOT)).build();
	}

	private static int age(Patient patient, LocalDate today, List<Assessment.Warning> warnings) {
		int ageOn = patient.ageOn(today);
		if (patient.birthDate() != null && patient.age() != null && patient.age() != ageOn) {
			warnings.add(new Assessment.Warning("age-mismatch",
					"age and birthDate disagree; the age computed from birthDate on the assessment date is used"));
		}
		return ageOn;
	}

	private static Integer medicationCount(Patient patient) {
		if (patient.medications() == null) {
			return patient.medicationCount();
		}
		return (int) patient.medications().stream().map(medication -> medication.code().strip().toUpperCase(Locale.ROOT)).distinct().count();
	}

	/** The list with each code's drug classes, and the labels criteria use to name classes and conditions. */
	private static MedicationProfile medicationProfile(Patient patient, Map<String, String> conditions, Vocabulary vocabulary, LocalDate on) {
		DrugClasses classes = vocabulary.drugClasses();
		List<TakenMedication> medications = patient.medications() == null ? null : patient.medications().stream()
			.map(medication -> new TakenMedication(medication.code().strip().toUpperCase(Locale.ROOT), classes.classesOf(medication.code()),
					medication.since()))
			.toList();
		return new MedicationProfile(medications, conditions, on, classes.labels(), vocabulary.medicationConditionLabels());
	}

	/** The three-character block of an ICD-10 code ({@code F00} of {@code F00.1}), for scores defined on blocks. */
	private static Optional<String> icd10Block(Patient.Condition condition) {
		if (condition.system() != Enums.ConditionSystem.ICD_10 || condition.code() == null) {
			return Optional.empty();
		}
		String code = CodeNormaliser.normalise(CodeSystem.ICD_10, condition.code());
		return code.length() < 3 ? Optional.empty() : Optional.of(code.substring(0, 3));
	}

	private static CodeMatch map(Patient.Condition condition, Vocabulary vocabulary, List<Assessment.Warning> warnings) {
		boolean byCategory = condition.system() == null;
		CodeSystem system = byCategory ? CodeSystem.CATEGORY : CodeSystem.fromId(Kebab.of(condition.system())).orElseThrow();
		String code = byCategory ? condition.category() : condition.code();
		CodeMatch match = vocabulary.lookup(system, code);
		if (!match.known()) {
			warnings.add(byCategory
					? new Assessment.Warning("unknown-category", "'" + code + "' is not a chronic category of the active rule set")
					: new Assessment.Warning("unknown-code", system.id() + " " + code + " is not in any vocabulary"));
		}
		return match;
	}
}
