package org.parcours.facts;

import java.util.Set;

/**
 * What the rules know about one patient: normalised and derived values, {@code null} where the
 * caller did not say. Codes are already mapped to categories through the vocabularies, so rules
 * reason on {@code chronicCategories} and {@code charlsonCategories}, never on raw codes.
 * Enumerated values are the API's kebab-case words ({@code "heart-failure"}, {@code "nursing-home"}).
 */
public record PatientFacts(
		int age,
		String residenceSetting,
		String region,
		boolean conditionsKnown,
		Set<String> chronicCategories,
		Set<String> charlsonCategories,
		Integer medicationCount,
		Integer admissionsLast12Months,
		Integer edVisitsLast6Months,
		Boolean unplannedReadmission30Days,
		Boolean unplannedAdmissionLast6Months,
		boolean stayKnown,
		String admissionType,
		String stayReason,
		Integer lengthOfStayDays,
		String dischargeService,
		Boolean procedurePerformed,
		Double dischargeHemoglobinGdl,
		Double dischargeSodiumMmolL,
		String surgery,
		String dischargeDestination,
		Boolean livesAlone,
		Boolean hasCaregiver,
		Integer adlDependencies,
		Boolean cognitiveImpairment,
		Integer fallsLast12Months,
		Boolean undernutrition,
		Boolean depression,
		Boolean adverseDrugEvent,
		boolean pregnancyKnown,
		Boolean delivered,
		Integer gestationalWeeks,
		Boolean multiple,
		String deliveryMode,
		Boolean maternalComplication,
		Boolean newbornComplication) {

	public int chronicCount() {
		return chronicCategories.size();
	}

	public boolean hasChronic(String category) {
		return chronicCategories.contains(category);
	}

	public boolean hasCharlson(String category) {
		return charlsonCategories.contains(category);
	}
}
