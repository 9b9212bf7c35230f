package org.parcours.facts;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.parcours.patient.Kebab;
import org.parcours.patient.Patient;

/**
 * What the rules know about one patient: the request's blocks, normalised, plus what is derived from
 * the request (age, categories, medication count); {@code null} where the caller did not say. Codes
 * are already mapped to categories through the vocabularies, so rules reason on
 * {@code chronicCategories} and {@code charlsonCategories}, never on raw codes.
 *
 * <p>Rules read one flat property per input ({@code admissionsLast12Months}, {@code livesAlone}):
 * each accessor below reads its block, and gives enumerated values as the API's kebab-case words
 * ({@code "heart-failure"}, {@code "nursing-home"}). Adding an input to a block of {@link Patient}
 * means adding its accessor here; {@code PatientModelTests} fails until it is added. Sex and the
 * patient id are deliberately not read: no rule may use them.
 */
public record PatientFacts(
		int age,
		boolean conditionsKnown,
		Set<String> chronicCategories,
		Set<String> charlsonCategories,
		Set<String> icd10Blocks,
		boolean icd10Known,
		Set<String> diagnosisGroups,
		Integer medicationCount,
		Map<String, Double> observations,
		Patient.Residence residence,
		Patient.History history,
		Patient.Stay stay,
		Patient.Functional functional,
		Patient.Pregnancy pregnancy,
		MedicationProfile medicationProfile) {

	public static Builder builder() {
		return new Builder();
	}

	public int chronicCount() {
		return chronicCategories.size();
	}

	public boolean hasChronic(String category) {
		return chronicCategories.contains(category);
	}

	public boolean hasCharlson(String category) {
		return charlsonCategories.contains(category);
	}

	/**
	 * Whether the patient has an ICD-10 code in this three-character block ({@code F00}). Scores
	 * defined on ICD-10 blocks (the Hospital Frailty Risk Score) keep their block lists in their tables;
	 * {@code icd10Known} says whether the conditions can tell: they are known and empty, or at least one
	 * is coded in ICD-10. Conditions coded only in other systems or sent as categories cannot.
	 */
	public boolean hasIcd10Block(String block) {
		return icd10Blocks.contains(block);
	}

	/**
	 * The current value of an observation quantity ({@code "egfr"}, see
	 * {@code vocabulary/observation-quantity.csv}) in that quantity's unit; {@code null} when no result
	 * was sent or the latest one is too old to count.
	 */
	public Double observation(String quantity) {
		return observations.get(quantity);
	}

	/**
	 * Whether a diagnosis group programmes ask for ({@code "diabetes-type-2"},
	 * {@code vocabulary/diagnosis-*.csv}) is among the conditions: {@code null} when no conditions were sent.
	 */
	public Boolean hasDiagnosis(String group) {
		return conditionsKnown ? diagnosisGroups.contains(group) : null;
	}

	/**
	 * Whether an active medication's ATC code starts with one of the prefixes ({@code "A10A"} covers
	 * every insulin); {@code null} when no medication list was sent (a count alone says no more).
	 */
	public Boolean takesAtc(java.util.Collection<String> prefixes) {
		if (medicationProfile.medications() == null) {
			return null;
		}
		return medicationProfile.medications().stream()
			.anyMatch(medication -> prefixes.stream().anyMatch(prefix -> medication.code().startsWith(prefix.strip().toUpperCase(java.util.Locale.ROOT))));
	}

	public String residenceSetting() {
		return Kebab.of(in(residence, Patient.Residence::setting));
	}

	public String region() {
		return in(residence, Patient.Residence::region);
	}

	public Integer admissionsLast12Months() {
		return in(history, Patient.History::admissionsLast12Months);
	}

	public Integer edVisitsLast6Months() {
		return in(history, Patient.History::edVisitsLast6Months);
	}

	public Boolean unplannedReadmission30Days() {
		return in(history, Patient.History::unplannedReadmission30Days);
	}

	public Boolean unplannedAdmissionLast6Months() {
		return in(history, Patient.History::unplannedAdmissionLast6Months);
	}

	public boolean stayKnown() {
		return stay != null;
	}

	public String admissionType() {
		return Kebab.of(in(stay, Patient.Stay::admissionType));
	}

	public String stayReason() {
		return Kebab.of(in(stay, Patient.Stay::reason));
	}

	/** The code the stay reason was derived from by the source (FHIR, UCI), or {@code null} when the caller stated it. */
	public String reasonDerivedFrom() {
		return in(stay, Patient.Stay::reasonDerivedFrom);
	}

	public Integer lengthOfStayDays() {
		return in(stay, Patient.Stay::lengthOfStayDays);
	}

	public String dischargeService() {
		return in(stay, Patient.Stay::dischargeService);
	}

	public Boolean procedurePerformed() {
		return in(stay, Patient.Stay::procedurePerformed);
	}

	public Double dischargeHemoglobinGdl() {
		return in(stay, Patient.Stay::dischargeHemoglobinGdl);
	}

	public Double dischargeSodiumMmolL() {
		return in(stay, Patient.Stay::dischargeSodiumMmolL);
	}

	public String surgery() {
		return Kebab.of(in(stay, Patient.Stay::surgery));
	}

	public String dischargeDestination() {
		return Kebab.of(in(stay, Patient.Stay::dischargeDestination));
	}

	public Boolean livesAlone() {
		return in(functional, Patient.Functional::livesAlone);
	}

	public Boolean hasCaregiver() {
		return in(functional, Patient.Functional::hasCaregiver);
	}

	public Integer adlDependencies() {
		return in(functional, Patient.Functional::adlDependencies);
	}

	public Boolean cognitiveImpairment() {
		return in(functional, Patient.Functional::cognitiveImpairment);
	}

	public Integer fallsLast12Months() {
		return in(functional, Patient.Functional::fallsLast12Months);
	}

	public Boolean undernutrition() {
		return in(functional, Patient.Functional::undernutrition);
	}

	public Boolean depression() {
		return in(functional, Patient.Functional::depression);
	}

	public Boolean adverseDrugEvent() {
		return in(functional, Patient.Functional::adverseDrugEvent);
	}

	public Boolean hospitalisedLast6Months() {
		return in(history, Patient.History::hospitalisedLast6Months);
	}

	public Boolean helpNeededBeforeIllness() {
		return in(functional, Patient.Functional::helpNeededBeforeIllness);
	}

	public Boolean moreHelpSinceIllness() {
		return in(functional, Patient.Functional::moreHelpSinceIllness);
	}

	public Boolean poorSight() {
		return in(functional, Patient.Functional::poorSight);
	}

	public Boolean memoryProblems() {
		return in(functional, Patient.Functional::memoryProblems);
	}

	public Boolean professionalHomeHelp() {
		return in(functional, Patient.Functional::professionalHomeHelp);
	}

	public String mood() {
		return Kebab.of(in(functional, Patient.Functional::mood));
	}

	public String selfRatedHealth() {
		return Kebab.of(in(functional, Patient.Functional::selfRatedHealth));
	}

	public Integer fallsLast6Months() {
		return in(functional, Patient.Functional::fallsLast6Months);
	}

	public Boolean complicatedFall() {
		return in(functional, Patient.Functional::complicatedFall);
	}

	public Boolean appetiteLoss() {
		return in(functional, Patient.Functional::appetiteLoss);
	}

	public String instrumentalActivities() {
		return Kebab.of(in(functional, Patient.Functional::instrumentalActivities));
	}

	public String mobility() {
		return Kebab.of(in(functional, Patient.Functional::mobility));
	}

	public String continence() {
		return Kebab.of(in(functional, Patient.Functional::continence));
	}

	public String meals() {
		return Kebab.of(in(functional, Patient.Functional::meals));
	}

	public String cognition() {
		return Kebab.of(in(functional, Patient.Functional::cognition));
	}

	public Boolean unstableSituation() {
		return in(functional, Patient.Functional::unstableSituation);
	}

	public Boolean decisionalAutonomyProblem() {
		return in(functional, Patient.Functional::decisionalAutonomyProblem);
	}

	public Boolean inadequateHelp() {
		return in(functional, Patient.Functional::inadequateHelp);
	}

	public Boolean relativeCoordinatesHelp() {
		return in(functional, Patient.Functional::relativeCoordinatesHelp);
	}

	public Boolean chronicConditionStatus() {
		return in(functional, Patient.Functional::chronicConditionStatus);
	}

	public Boolean maximumBillingStatus() {
		return in(functional, Patient.Functional::maximumBillingStatus);
	}

	public Integer belraiAdl() {
		return in(functional, Patient.Functional::belraiAdl);
	}

	public Integer belraiIadl() {
		return in(functional, Patient.Functional::belraiIadl);
	}

	public Integer belraiCognition() {
		return in(functional, Patient.Functional::belraiCognition);
	}

	public Integer belraiMood() {
		return in(functional, Patient.Functional::belraiMood);
	}

	public Integer belraiBehaviour() {
		return in(functional, Patient.Functional::belraiBehaviour);
	}

	public boolean pregnancyKnown() {
		return pregnancy != null;
	}

	public Boolean delivered() {
		return in(pregnancy, Patient.Pregnancy::delivered);
	}

	public Integer gestationalWeeks() {
		return in(pregnancy, Patient.Pregnancy::gestationalWeeks);
	}

	public Boolean multiple() {
		return in(pregnancy, Patient.Pregnancy::multiple);
	}

	public String deliveryMode() {
		return Kebab.of(in(pregnancy, Patient.Pregnancy::deliveryMode));
	}

	public Boolean maternalComplication() {
		return in(pregnancy, Patient.Pregnancy::maternalComplication);
	}

	public Boolean newbornComplication() {
		return in(pregnancy, Patient.Pregnancy::newbornComplication);
	}

	/** A block the caller did not send says nothing about any of its inputs. */
	private static <B, V> V in(B block, Function<B, V> input) {
		return block == null ? null : input.apply(block);
	}

	/** Sets each part by name, so that two values of the same type cannot be swapped silently. */
	public static final class Builder {
		private int age;
		private boolean conditionsKnown;
		private Set<String> chronicCategories = Set.of();
		private Set<String> charlsonCategories = Set.of();
		private Set<String> icd10Blocks = Set.of();
		private boolean icd10Known;
		private Set<String> diagnosisGroups = Set.of();
		private Integer medicationCount;
		private Map<String, Double> observations = Map.of();
		private Patient.Residence residence;
		private Patient.History history;
		private Patient.Stay stay;
		private Patient.Functional functional;
		private Patient.Pregnancy pregnancy;
		private MedicationProfile medicationProfile = MedicationProfile.unknown(null);

		private Builder() {
		}

		public Builder age(int value) { age = value; return this; }
		public Builder conditionsKnown(boolean value) { conditionsKnown = value; return this; }
		public Builder chronicCategories(Set<String> value) { chronicCategories = Set.copyOf(value); return this; }
		public Builder charlsonCategories(Set<String> value) { charlsonCategories = Set.copyOf(value); return this; }
		public Builder icd10Blocks(Set<String> value) { icd10Blocks = Set.copyOf(value); return this; }
		public Builder icd10Known(boolean value) { icd10Known = value; return this; }
		public Builder diagnosisGroups(Set<String> value) { diagnosisGroups = Set.copyOf(value); return this; }
		public Builder medicationCount(Integer value) { medicationCount = value; return this; }
		public Builder observations(Map<String, Double> value) { observations = Map.copyOf(value); return this; }
		public Builder residence(Patient.Residence value) { residence = value; return this; }
		public Builder history(Patient.History value) { history = value; return this; }
		public Builder stay(Patient.Stay value) { stay = value; return this; }
		public Builder functional(Patient.Functional value) { functional = value; return this; }
		public Builder pregnancy(Patient.Pregnancy value) { pregnancy = value; return this; }
		public Builder medicationProfile(MedicationProfile value) { medicationProfile = value; return this; }

		public PatientFacts build() {
			return new PatientFacts(age, conditionsKnown, chronicCategories, charlsonCategories, icd10Blocks, icd10Known, diagnosisGroups,
					medicationCount, observations, residence, history, stay, functional, pregnancy, medicationProfile);
		}
	}
}
