package org.parcours.facts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What medication criteria read about one patient: the medication list ({@code null} when the caller
 * sent none, so "unknown", not "no medication"), the medication conditions its coded diagnoses state
 * (condition name to the code that states it, as {@code icd-10 I50.9}), the day of the assessment
 * (durations are counted up to it) and the reader's names of drug classes and conditions.
 */
public record MedicationProfile(List<TakenMedication> medications, Map<String, String> conditions, LocalDate assessedOn,
		Map<String, String> classLabels, Map<String, String> conditionLabels) {

	public MedicationProfile {
		medications = medications == null ? null : List.copyOf(medications);
		conditions = Map.copyOf(conditions);
		classLabels = Map.copyOf(classLabels);
		conditionLabels = Map.copyOf(conditionLabels);
	}

	/** No list, no coded condition: every medication criterion is undecided. */
	public static MedicationProfile unknown(LocalDate assessedOn) {
		return new MedicationProfile(null, Map.of(), assessedOn, Map.of(), Map.of());
	}

	String classLabel(String drugClass) {
		return classLabels.getOrDefault(drugClass, drugClass);
	}

	String conditionLabel(String condition) {
		return conditionLabels.getOrDefault(condition, condition);
	}
}
