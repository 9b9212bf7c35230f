package org.parcours.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides one {@link MedicationCriterion} for one patient; rules call it, since it goes through the
 * medication list (rule files may not loop). A criterion that applies gives one flag; one that could
 * apply but lacks an input gives the request fields that would decide it; otherwise nothing. A
 * missing input is never read as "no": no list is not "no drug", no coded condition is not "no disease".
 */
public final class MedicationReview {

	private static final String MEDICATIONS = "medications";

	private static final String SINCE = "medications.since";

	private static final String CONDITIONS = "conditions";

	private MedicationReview() {
	}

	/**
	 * The findings of {@code criterion} on {@code patient}; {@code flags} are the derived yes/no facts
	 * of the rules (markers such as {@code fall}), which a criterion may name as its condition.
	 */
	public static List<MedicationFinding> check(MedicationCriterion criterion, PatientFacts patient, List<Flag> flags) {
		MedicationProfile profile = patient.medicationProfile();
		if (criterion.maxAge() != null && patient.age() > criterion.maxAge()) {
			return List.of();
		}
		List<String> missing = new ArrayList<>();
		Evidence evidence = new Evidence();
		if (!drugs(criterion, profile, evidence, missing)) {
			return List.of();
		}
		if (criterion.condition() != null) {
			Presence present = presence(criterion.condition(), patient, profile, flags);
			if (present.known && !present.value) {
				return List.of();
			}
			if (!present.known) {
				missing.add(present.field);
			}
			evidence.condition = present.evidence;
		}
		if (criterion.withoutCondition() != null) {
			Presence present = presence(criterion.withoutCondition(), patient, profile, flags);
			if (present.known && present.value) {
				return List.of();
			}
			if (!present.known) {
				missing.add(present.field);
			}
		}
		if (!missing.isEmpty()) {
			return missing.stream().distinct().map(field -> MedicationFinding.missing(criterion.id(), field)).toList();
		}
		return List.of(MedicationFinding.flag(criterion.id(), text(criterion, profile, evidence)));
	}

	/**
	 * Whether the drug part can hold: false when it is known not to; true with {@code missing} filled
	 * when only an absent input keeps it open.
	 */
	private static boolean drugs(MedicationCriterion criterion, MedicationProfile profile, Evidence evidence, List<String> missing) {
		List<TakenMedication> list = profile.medications();
		if (list == null) {
			missing.add(MEDICATIONS);
			return true;
		}
		if (criterion.drugClass() != null) {
			List<TakenMedication> taken = list.stream().filter(m -> m.classes().contains(criterion.drugClass())).toList();
			if (taken.isEmpty()) {
				return false;
			}
			if (criterion.minDays() != null || criterion.moreThanMonths() != null) {
				Optional<TakenMedication> longEnough = taken.stream().filter(m -> m.since() != null && longEnough(criterion, m.since(), profile.assessedOn())).findFirst();
				if (longEnough.isPresent()) {
					taken = List.of(longEnough.get());
				}
				else if (taken.stream().anyMatch(m -> m.since() == null)) {
					missing.add(SINCE);
				}
				else {
					return false;
				}
			}
			evidence.drug = taken.get(0);
		}
		if (criterion.withClass() != null) {
			String firstCode = evidence.drug == null ? null : evidence.drug.code();
			Optional<TakenMedication> other = list.stream()
				.filter(m -> m.classes().contains(criterion.withClass()) && !m.code().equals(firstCode)).findFirst();
			if (other.isEmpty()) {
				return false;
			}
			evidence.other = other.get();
		}
		return criterion.withoutClass() == null || list.stream().noneMatch(m -> m.classes().contains(criterion.withoutClass()));
	}

	private static boolean longEnough(MedicationCriterion criterion, LocalDate since, LocalDate on) {
		if (criterion.minDays() != null && ChronoUnit.DAYS.between(since, on) < criterion.minDays()) {
			return false;
		}
		return criterion.moreThanMonths() == null || since.plusMonths(criterion.moreThanMonths()).isBefore(on);
	}

	private record Presence(boolean known, boolean value, String field, String evidence) {
	}

	/** A condition is a coded medication condition, or a derived yes/no fact of the rules (a marker). */
	private static Presence presence(String condition, PatientFacts patient, MedicationProfile profile, List<Flag> flags) {
		Optional<Flag> flag = flags.stream().filter(f -> f.name().equals(condition)).findFirst();
		if (flag.isPresent()) {
			Flag f = flag.get();
			return new Presence(f.known(), f.value(), f.field(), condition + " (" + f.rule() + ")");
		}
		String code = profile.conditions().get(condition);
		if (code != null) {
			return new Presence(true, true, null, profile.conditionLabel(condition) + " (" + code + ")");
		}
		return patient.conditionsKnown() ? new Presence(true, false, null, null) : new Presence(false, false, CONDITIONS, null);
	}

	private static final class Evidence {
		private TakenMedication drug;
		private TakenMedication other;
		private String condition;
	}

	/** The criterion, then what triggered it: the drug and its start, the other drug, the condition, the omitted class. */
	private static String text(MedicationCriterion criterion, MedicationProfile profile, Evidence evidence) {
		List<String> found = new ArrayList<>();
		if (evidence.drug != null) {
			String drug = profile.classLabel(criterion.drugClass()) + " " + evidence.drug.code();
			if (criterion.minDays() != null || criterion.moreThanMonths() != null) {
				drug += " since " + evidence.drug.since() + " (" + ChronoUnit.DAYS.between(evidence.drug.since(), profile.assessedOn()) + " days)";
			}
			found.add(drug);
		}
		if (evidence.other != null) {
			found.add(profile.classLabel(criterion.withClass()) + " " + evidence.other.code());
		}
		if (evidence.condition != null) {
			found.add(evidence.condition);
		}
		if (criterion.withoutClass() != null) {
			found.add("no " + profile.classLabel(criterion.withoutClass()) + " in the medication list");
		}
		return criterion.text() + " Found: " + String.join("; ", found) + ".";
	}
}
