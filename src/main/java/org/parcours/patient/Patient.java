package org.parcours.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.parcours.patient.Enums.AdmissionType;
import org.parcours.patient.Enums.Autonomy;
import org.parcours.patient.Enums.Cognition;
import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.Continence;
import org.parcours.patient.Enums.DeliveryMode;
import org.parcours.patient.Enums.DischargeDestination;
import org.parcours.patient.Enums.MedicationSystem;
import org.parcours.patient.Enums.Mood;
import org.parcours.patient.Enums.ObservationSystem;
import org.parcours.patient.Enums.ResidenceSetting;
import org.parcours.patient.Enums.SelfRatedHealth;
import org.parcours.patient.Enums.Sex;
import org.parcours.patient.Enums.StayReason;
import org.parcours.patient.Enums.Surgery;

/**
 * One patient as a caller describes it (the HTTP contract's request body; rosters and FHIR bundles
 * are mapped onto it too). Only what the caller knows is sent: every field but age or birth date is
 * optional, and {@code null} always means "not known", never "no" or zero. Bounds reject values that
 * cannot be true of a patient rather than values that are merely unusual.
 */
public record Patient(
		@Size(max = 128) @Pattern(regexp = PATIENT_ID, message = "must contain only letters, digits and . - _ : / @") String patientId,
		@Min(0) @Max(130) Integer age,
		LocalDate birthDate,
		LocalDate assessmentDate,
		Sex sex,
		@Valid Residence residence,
		@Size(max = 500) List<@NotNull @Valid Condition> conditions,
		@Size(max = 500) List<@NotNull @Valid Medication> medications,
		@Min(0) @Max(100) Integer medicationCount,
		@Size(max = 500) List<@NotNull @Valid Observation> observations,
		@Valid History history,
		@Valid Stay stay,
		@Valid Functional functional,
		@Valid Pregnancy pregnancy) {

	/**
	 * What a patient id may hold: enough for FHIR ids, UUIDs, URNs and OIDs ({@code urn:oid:1.2.250.1}),
	 * URLs and record numbers ({@code 12/3456}), and nothing a display, a log line or a spreadsheet would
	 * interpret: no control or invisible characters, no bidirectional overrides, no markup, no spaces.
	 * The id is echoed in every answer, so it is restricted rather than escaped.
	 */
	public static final String PATIENT_ID = "[A-Za-z0-9._:/@-]+";

	/**
	 * The age the rules use: from the birth date on the assessment date ({@code today} when none is
	 * given) when there is one, else the age sent; {@code null} when the birth date is after that day.
	 */
	public Integer ageOn(LocalDate today) {
		if (birthDate == null) {
			return age;
		}
		LocalDate on = assessmentDate == null ? today : assessmentDate;
		return birthDate.isAfter(on) ? null : Period.between(birthDate, on).getYears();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** A copy to change by name, e.g. the same patient at another age. */
	public Builder toBuilder() {
		return builder().patientId(patientId).age(age).birthDate(birthDate).assessmentDate(assessmentDate).sex(sex)
			.residence(residence).conditions(conditions).medications(medications).medicationCount(medicationCount)
			.observations(observations).history(history).stay(stay).functional(functional).pregnancy(pregnancy);
	}

	/**
	 * Builds a patient by field name, so that mappers cannot silently swap two values of the same
	 * type; a mapper sets what its source says and leaves the rest unknown.
	 */
	public static final class Builder {
		private String patientId;
		private Integer age;
		private LocalDate birthDate;
		private LocalDate assessmentDate;
		private Sex sex;
		private Residence residence;
		private List<Condition> conditions;
		private List<Medication> medications;
		private Integer medicationCount;
		private List<Observation> observations;
		private History history;
		private Stay stay;
		private Functional functional;
		private Pregnancy pregnancy;

		private Builder() {
		}

		public Builder patientId(String value) { patientId = value; return this; }
		public Builder age(Integer value) { age = value; return this; }
		public Builder birthDate(LocalDate value) { birthDate = value; return this; }
		public Builder assessmentDate(LocalDate value) { assessmentDate = value; return this; }
		public Builder sex(Sex value) { sex = value; return this; }
		public Builder residence(Residence value) { residence = value; return this; }
		public Builder conditions(List<Condition> value) { conditions = value; return this; }
		public Builder medications(List<Medication> value) { medications = value; return this; }
		public Builder medicationCount(Integer value) { medicationCount = value; return this; }
		public Builder observations(List<Observation> value) { observations = value; return this; }
		public Builder history(History value) { history = value; return this; }
		public Builder stay(Stay value) { stay = value; return this; }
		public Builder functional(Functional value) { functional = value; return this; }
		public Builder pregnancy(Pregnancy value) { pregnancy = value; return this; }

		public Patient build() {
			return new Patient(patientId, age, birthDate, assessmentDate, sex, residence, conditions, medications, medicationCount,
					observations, history, stay, functional, pregnancy);
		}
	}

	public record Residence(ResidenceSetting setting,
			@Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?", message = "must be an ISO 3166-2 code such as CH-GE or FR-74") String region) {

		public static Builder builder() {
			return new Builder();
		}

		public Builder toBuilder() {
			return builder().setting(setting).region(region);
		}

		public static final class Builder {
			private ResidenceSetting setting;
			private String region;

			private Builder() {
			}

			public Builder setting(ResidenceSetting value) { setting = value; return this; }
			public Builder region(String value) { region = value; return this; }

			public Residence build() {
				return new Residence(setting, region);
			}
		}
	}

	/** A coded diagnosis ({@code system} + {@code code}) or a chronic category sent by name. */
	public record Condition(ConditionSystem system,
			@Size(max = 20) @Pattern(regexp = "[A-Za-z0-9.]*", message = "must contain only letters, digits and dots") String code,
			@Size(max = 60) @Pattern(regexp = "[a-z-]*", message = "must be a chronic category name in kebab-case") String category) {

		/** A diagnosis coded in {@code system}. */
		public static Condition coded(ConditionSystem system, String code) {
			return new Condition(system, code, null);
		}

		/** A chronic category sent by name. */
		public static Condition category(String category) {
			return new Condition(null, null, category);
		}
	}

	/**
	 * A medication by its ATC code; {@code since} is the day it was started, for the criteria that count
	 * how long a drug has been taken (unknown when absent, never "today").
	 */
	public record Medication(@NotNull MedicationSystem system,
			@NotNull @Size(min = 1, max = 10) @Pattern(regexp = "[A-Za-z0-9]*", message = "must be an ATC code") String code,
			LocalDate since) {

		/** A medication without a start date. */
		public static Medication atc(String code) {
			return new Medication(MedicationSystem.ATC, code, null);
		}
	}

	/**
	 * A laboratory result or measurement: which codes and units are accepted, how a unit converts and
	 * how old a result may be are the rule set's tables ({@code vocabulary/observation-*.csv}).
	 */
	public record Observation(@NotNull ObservationSystem system,
			@NotNull @Size(min = 3, max = 10) @Pattern(regexp = "[0-9]+-[0-9]", message = "must be a LOINC code such as 33914-3") String code,
			@NotNull Double value,
			@NotNull @Size(min = 1, max = 30) @Pattern(regexp = "[A-Za-z0-9/{}\\[\\]._%*^ -]+", message = "must be a unit such as mmol/L or mL/min/{1.73_m2}") String unit,
			@NotNull LocalDate date) {
	}

	public record History(@Min(0) @Max(365) Integer admissionsLast12Months, @Min(0) @Max(183) Integer edVisitsLast6Months,
			Boolean unplannedReadmission30Days, Boolean unplannedAdmissionLast6Months, Boolean hospitalisedLast6Months) {

		public static Builder builder() {
			return new Builder();
		}

		public Builder toBuilder() {
			return builder().admissionsLast12Months(admissionsLast12Months).edVisitsLast6Months(edVisitsLast6Months).unplannedReadmission30Days(unplannedReadmission30Days).unplannedAdmissionLast6Months(unplannedAdmissionLast6Months).hospitalisedLast6Months(hospitalisedLast6Months);
		}

		public static final class Builder {
			private Integer admissionsLast12Months;
			private Integer edVisitsLast6Months;
			private Boolean unplannedReadmission30Days;
			private Boolean unplannedAdmissionLast6Months;
			private Boolean hospitalisedLast6Months;

			private Builder() {
			}

			public Builder admissionsLast12Months(Integer value) { admissionsLast12Months = value; return this; }
			public Builder edVisitsLast6Months(Integer value) { edVisitsLast6Months = value; return this; }
			public Builder unplannedReadmission30Days(Boolean value) { unplannedReadmission30Days = value; return this; }
			public Builder unplannedAdmissionLast6Months(Boolean value) { unplannedAdmissionLast6Months = value; return this; }
			public Builder hospitalisedLast6Months(Boolean value) { hospitalisedLast6Months = value; return this; }

			public History build() {
				return new History(admissionsLast12Months, edVisitsLast6Months, unplannedReadmission30Days, unplannedAdmissionLast6Months,
						hospitalisedLast6Months);
			}
		}
	}

	/**
	 * The index stay. {@code reasonDerivedFrom} is set by a source that derives {@code reason} from a
	 * code rather than being told it (FHIR, CDS Hooks, the UCI option): the code it was read from, so
	 * that the reasons can say the stay reason was derived; a caller stating the reason leaves it out.
	 */
	public record Stay(AdmissionType admissionType, StayReason reason,
			@Size(max = 80) @Pattern(regexp = "[A-Za-z0-9 .:()_-]*", message = "must name a code, such as icd-10 I50.9 (principal diagnosis)") String reasonDerivedFrom,
			@Min(0) @Max(3650) Integer lengthOfStayDays,
			@Size(max = 60) String dischargeService, Boolean procedurePerformed,
			@DecimalMin("1.0") @DecimalMax("25.0") Double dischargeHemoglobinGdl,
			@DecimalMin("90.0") @DecimalMax("200.0") Double dischargeSodiumMmolL, Surgery surgery,
			DischargeDestination dischargeDestination) {

		public static Builder builder() {
			return new Builder();
		}

		public Builder toBuilder() {
			return builder().admissionType(admissionType).reason(reason).reasonDerivedFrom(reasonDerivedFrom).lengthOfStayDays(lengthOfStayDays).dischargeService(dischargeService).procedurePerformed(procedurePerformed).dischargeHemoglobinGdl(dischargeHemoglobinGdl).dischargeSodiumMmolL(dischargeSodiumMmolL).surgery(surgery).dischargeDestination(dischargeDestination);
		}

		public static final class Builder {
			private AdmissionType admissionType;
			private StayReason reason;
			private String reasonDerivedFrom;
			private Integer lengthOfStayDays;
			private String dischargeService;
			private Boolean procedurePerformed;
			private Double dischargeHemoglobinGdl;
			private Double dischargeSodiumMmolL;
			private Surgery surgery;
			private DischargeDestination dischargeDestination;

			private Builder() {
			}

			public Builder admissionType(AdmissionType value) { admissionType = value; return this; }
			public Builder reason(StayReason value) { reason = value; return this; }
			public Builder reasonDerivedFrom(String value) { reasonDerivedFrom = value; return this; }
			public Builder lengthOfStayDays(Integer value) { lengthOfStayDays = value; return this; }
			public Builder dischargeService(String value) { dischargeService = value; return this; }
			public Builder procedurePerformed(Boolean value) { procedurePerformed = value; return this; }
			public Builder dischargeHemoglobinGdl(Double value) { dischargeHemoglobinGdl = value; return this; }
			public Builder dischargeSodiumMmolL(Double value) { dischargeSodiumMmolL = value; return this; }
			public Builder surgery(Surgery value) { surgery = value; return this; }
			public Builder dischargeDestination(DischargeDestination value) { dischargeDestination = value; return this; }

			public Stay build() {
				return new Stay(admissionType, reason, reasonDerivedFrom, lengthOfStayDays, dischargeService, procedurePerformed, dischargeHemoglobinGdl, dischargeSodiumMmolL, surgery, dischargeDestination);
			}
		}
	}

	public record Functional(Boolean livesAlone, Boolean hasCaregiver, @Min(0) @Max(6) Integer adlDependencies,
			Boolean cognitiveImpairment, @Min(0) @Max(365) Integer fallsLast12Months, Boolean undernutrition,
			Boolean depression, Boolean adverseDrugEvent,
			Boolean helpNeededBeforeIllness,
			Boolean moreHelpSinceIllness,
			Boolean poorSight,
			Boolean memoryProblems,
			Boolean professionalHomeHelp,
			Mood mood,
			SelfRatedHealth selfRatedHealth,
			@Min(0) @Max(183) Integer fallsLast6Months,
			Boolean complicatedFall,
			Boolean appetiteLoss,
			Autonomy instrumentalActivities,
			Autonomy mobility,
			Continence continence,
			Autonomy meals,
			Cognition cognition,
			Boolean unstableSituation,
			Boolean decisionalAutonomyProblem,
			Boolean inadequateHelp,
			Boolean relativeCoordinatesHelp,
			Boolean chronicConditionStatus,
			Boolean maximumBillingStatus,
			@Min(0) @Max(6) Integer belraiAdl,
			@Min(0) @Max(6) Integer belraiIadl,
			@Min(0) @Max(6) Integer belraiCognition,
			@Min(0) @Max(6) Integer belraiMood,
			@Min(0) @Max(6) Integer belraiBehaviour) {

		public static Builder builder() {
			return new Builder();
		}

		public Builder toBuilder() {
			return builder().livesAlone(livesAlone).hasCaregiver(hasCaregiver).adlDependencies(adlDependencies).cognitiveImpairment(cognitiveImpairment).fallsLast12Months(fallsLast12Months).undernutrition(undernutrition).depression(depression).adverseDrugEvent(adverseDrugEvent)
				.helpNeededBeforeIllness(helpNeededBeforeIllness).moreHelpSinceIllness(moreHelpSinceIllness).poorSight(poorSight).memoryProblems(memoryProblems).professionalHomeHelp(professionalHomeHelp).mood(mood).selfRatedHealth(selfRatedHealth).fallsLast6Months(fallsLast6Months).complicatedFall(complicatedFall).appetiteLoss(appetiteLoss).instrumentalActivities(instrumentalActivities).mobility(mobility).continence(continence).meals(meals).cognition(cognition).unstableSituation(unstableSituation).decisionalAutonomyProblem(decisionalAutonomyProblem).inadequateHelp(inadequateHelp).relativeCoordinatesHelp(relativeCoordinatesHelp).chronicConditionStatus(chronicConditionStatus).maximumBillingStatus(maximumBillingStatus).belraiAdl(belraiAdl).belraiIadl(belraiIadl).belraiCognition(belraiCognition).belraiMood(belraiMood).belraiBehaviour(belraiBehaviour);
		}

		public static final class Builder {
			private Boolean livesAlone;
			private Boolean hasCaregiver;
			private Integer adlDependencies;
			private Boolean cognitiveImpairment;
			private Integer fallsLast12Months;
			private Boolean undernutrition;
			private Boolean depression;
			private Boolean adverseDrugEvent;
			private Boolean helpNeededBeforeIllness;
			private Boolean moreHelpSinceIllness;
			private Boolean poorSight;
			private Boolean memoryProblems;
			private Boolean professionalHomeHelp;
			private Mood mood;
			private SelfRatedHealth selfRatedHealth;
			private Integer fallsLast6Months;
			private Boolean complicatedFall;
			private Boolean appetiteLoss;
			private Autonomy instrumentalActivities;
			private Autonomy mobility;
			private Continence continence;
			private Autonomy meals;
			private Cognition cognition;
			private Boolean unstableSituation;
			private Boolean decisionalAutonomyProblem;
			private Boolean inadequateHelp;
			private Boolean relativeCoordinatesHelp;
			private Boolean chronicConditionStatus;
			private Boolean maximumBillingStatus;
			private Integer belraiAdl;
			private Integer belraiIadl;
			private Integer belraiCognition;
			private Integer belraiMood;
			private Integer belraiBehaviour;

			private Builder() {
			}

			public Builder livesAlone(Boolean value) { livesAlone = value; return this; }
			public Builder hasCaregiver(Boolean value) { hasCaregiver = value; return this; }
			public Builder adlDependencies(Integer value) { adlDependencies = value; return this; }
			public Builder cognitiveImpairment(Boolean value) { cognitiveImpairment = value; return this; }
			public Builder fallsLast12Months(Integer value) { fallsLast12Months = value; return this; }
			public Builder undernutrition(Boolean value) { undernutrition = value; return this; }
			public Builder depression(Boolean value) { depression = value; return this; }
			public Builder adverseDrugEvent(Boolean value) { adverseDrugEvent = value; return this; }
			public Builder helpNeededBeforeIllness(Boolean value) { helpNeededBeforeIllness = value; return this; }
			public Builder moreHelpSinceIllness(Boolean value) { moreHelpSinceIllness = value; return this; }
			public Builder poorSight(Boolean value) { poorSight = value; return this; }
			public Builder memoryProblems(Boolean value) { memoryProblems = value; return this; }
			public Builder professionalHomeHelp(Boolean value) { professionalHomeHelp = value; return this; }
			public Builder mood(Mood value) { mood = value; return this; }
			public Builder selfRatedHealth(SelfRatedHealth value) { selfRatedHealth = value; return this; }
			public Builder fallsLast6Months(Integer value) { fallsLast6Months = value; return this; }
			public Builder complicatedFall(Boolean value) { complicatedFall = value; return this; }
			public Builder appetiteLoss(Boolean value) { appetiteLoss = value; return this; }
			public Builder instrumentalActivities(Autonomy value) { instrumentalActivities = value; return this; }
			public Builder mobility(Autonomy value) { mobility = value; return this; }
			public Builder continence(Continence value) { continence = value; return this; }
			public Builder meals(Autonomy value) { meals = value; return this; }
			public Builder cognition(Cognition value) { cognition = value; return this; }
			public Builder unstableSituation(Boolean value) { unstableSituation = value; return this; }
			public Builder decisionalAutonomyProblem(Boolean value) { decisionalAutonomyProblem = value; return this; }
			public Builder inadequateHelp(Boolean value) { inadequateHelp = value; return this; }
			public Builder relativeCoordinatesHelp(Boolean value) { relativeCoordinatesHelp = value; return this; }
			public Builder chronicConditionStatus(Boolean value) { chronicConditionStatus = value; return this; }
			public Builder maximumBillingStatus(Boolean value) { maximumBillingStatus = value; return this; }
			public Builder belraiAdl(Integer value) { belraiAdl = value; return this; }
			public Builder belraiIadl(Integer value) { belraiIadl = value; return this; }
			public Builder belraiCognition(Integer value) { belraiCognition = value; return this; }
			public Builder belraiMood(Integer value) { belraiMood = value; return this; }
			public Builder belraiBehaviour(Integer value) { belraiBehaviour = value; return this; }

			public Functional build() {
				return new Functional(livesAlone, hasCaregiver, adlDependencies, cognitiveImpairment, fallsLast12Months, undernutrition, depression, adverseDrugEvent,
						helpNeededBeforeIllness, moreHelpSinceIllness, poorSight, memoryProblems, professionalHomeHelp, mood, selfRatedHealth, fallsLast6Months, complicatedFall, appetiteLoss, instrumentalActivities, mobility, continence, meals, cognition, unstableSituation, decisionalAutonomyProblem, inadequateHelp, relativeCoordinatesHelp, chronicConditionStatus, maximumBillingStatus, belraiAdl, belraiIadl, belraiCognition, belraiMood, belraiBehaviour);
			}
		}
	}

	public record Pregnancy(Boolean delivered, @Min(16) @Max(46) Integer gestationalWeeks, Boolean multiple,
			DeliveryMode deliveryMode, Boolean maternalComplication, Boolean newbornComplication) {

		public static Builder builder() {
			return new Builder();
		}

		public Builder toBuilder() {
			return builder().delivered(delivered).gestationalWeeks(gestationalWeeks).multiple(multiple).deliveryMode(deliveryMode).maternalComplication(maternalComplication).newbornComplication(newbornComplication);
		}

		public static final class Builder {
			private Boolean delivered;
			private Integer gestationalWeeks;
			private Boolean multiple;
			private DeliveryMode deliveryMode;
			private Boolean maternalComplication;
			private Boolean newbornComplication;

			private Builder() {
			}

			public Builder delivered(Boolean value) { delivered = value; return this; }
			public Builder gestationalWeeks(Integer value) { gestationalWeeks = value; return this; }
			public Builder multiple(Boolean value) { multiple = value; return this; }
			public Builder deliveryMode(DeliveryMode value) { deliveryMode = value; return this; }
			public Builder maternalComplication(Boolean value) { maternalComplication = value; return this; }
			public Builder newbornComplication(Boolean value) { newbornComplication = value; return this; }

			public Pregnancy build() {
				return new Pregnancy(delivered, gestationalWeeks, multiple, deliveryMode, maternalComplication, newbornComplication);
			}
		}
	}
}
