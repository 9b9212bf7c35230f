package org.parcours.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.parcours.facts.PatientFacts;
import org.parcours.patient.Kebab;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.CodeMatch;
import org.parcours.vocabulary.CodeSystem;
import org.parcours.vocabulary.Vocabulary;

/**
 * Turns a validated patient input into the facts rules read: age from birth date when needed,
 * conditions mapped through the rule set's vocabularies, distinct medications counted. Codes that no
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
		if (patient.conditions() != null) {
			for (Patient.Condition condition : patient.conditions()) {
				map(condition, vocabulary, chronic, charlson, warnings);
			}
		}
		var residence = patient.residence();
		var history = patient.history();
		var stay = patient.stay();
		var functional = patient.functional();
		var pregnancy = patient.pregnancy();
		return new Result(new PatientFacts(age,
				residence == null ? null : Kebab.of(residence.setting()),
				residence == null ? null : residence.region(),
				patient.conditions() != null, Set.copyOf(chronic), Set.copyOf(charlson),
				medicationCount(patient),
				history == null ? null : history.admissionsLast12Months(),
				history == null ? null : history.edVisitsLast6Months(),
				history == null ? null : history.unplannedReadmission30Days(),
				history == null ? null : history.unplannedAdmissionLast6Months(),
				stay != null,
				stay == null ? null : Kebab.of(stay.admissionType()),
				stay == null ? null : Kebab.of(stay.reason()),
				stay == null ? null : stay.lengthOfStayDays(),
				stay == null || stay.dischargeService() == null ? null : stay.dischargeService().strip().toLowerCase(Locale.ROOT),
				stay == null ? null : stay.procedurePerformed(),
				stay == null ? null : stay.dischargeHemoglobinGdl(),
				stay == null ? null : stay.dischargeSodiumMmolL(),
				stay == null ? null : Kebab.of(stay.surgery()),
				stay == null ? null : Kebab.of(stay.dischargeDestination()),
				functional == null ? null : functional.livesAlone(),
				functional == null ? null : functional.hasCaregiver(),
				functional == null ? null : functional.adlDependencies(),
				functional == null ? null : functional.cognitiveImpairment(),
				functional == null ? null : functional.fallsLast12Months(),
				functional == null ? null : functional.undernutrition(),
				functional == null ? null : functional.depression(),
				functional == null ? null : functional.adverseDrugEvent(),
				pregnancy != null,
				pregnancy == null ? null : pregnancy.delivered(),
				pregnancy == null ? null : pregnancy.gestationalWeeks(),
				pregnancy == null ? null : pregnancy.multiple(),
				pregnancy == null ? null : Kebab.of(pregnancy.deliveryMode()),
				pregnancy == null ? null : pregnancy.maternalComplication(),
				pregnancy == null ? null : pregnancy.newbornComplication()), List.copyOf(warnings));
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

	private static void map(Patient.Condition condition, Vocabulary vocabulary, Set<String> chronic, Set<String> charlson,
			List<Assessment.Warning> warnings) {
		boolean byCategory = condition.system() == null;
		CodeSystem system = byCategory ? CodeSystem.CATEGORY : CodeSystem.fromId(Kebab.of(condition.system())).orElseThrow();
		String code = byCategory ? condition.category() : condition.code();
		CodeMatch match = vocabulary.lookup(system, code);
		if (match.chronicCategory() != null) {
			chronic.add(match.chronicCategory());
		}
		charlson.addAll(match.charlsonCategories());
		if (!match.known()) {
			warnings.add(byCategory
					? new Assessment.Warning("unknown-category", "'" + code + "' is not a chronic category of the active rule set")
					: new Assessment.Warning("unknown-code", system.id() + " " + code + " is not in any vocabulary"));
		}
	}
}
