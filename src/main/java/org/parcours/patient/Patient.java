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
import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.DeliveryMode;
import org.parcours.patient.Enums.DischargeDestination;
import org.parcours.patient.Enums.MedicationSystem;
import org.parcours.patient.Enums.ResidenceSetting;
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

	public record Residence(ResidenceSetting setting,
			@Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?", message = "must be an ISO 3166-2 code such as CH-GE or FR-74") String region) {
	}

	/** A coded diagnosis ({@code system} + {@code code}) or a chronic category sent by name. */
	public record Condition(ConditionSystem system,
			@Size(max = 20) @Pattern(regexp = "[A-Za-z0-9.]*", message = "must contain only letters, digits and dots") String code,
			@Size(max = 60) @Pattern(regexp = "[a-z-]*", message = "must be a chronic category name in kebab-case") String category) {
	}

	public record Medication(@NotNull MedicationSystem system,
			@NotNull @Size(min = 1, max = 10) @Pattern(regexp = "[A-Za-z0-9]*", message = "must be an ATC code") String code) {
	}

	public record History(@Min(0) @Max(365) Integer admissionsLast12Months, @Min(0) @Max(183) Integer edVisitsLast6Months,
			Boolean unplannedReadmission30Days, Boolean unplannedAdmissionLast6Months) {
	}

	public record Stay(AdmissionType admissionType, StayReason reason, @Min(0) @Max(3650) Integer lengthOfStayDays,
			@Size(max = 60) String dischargeService, Boolean procedurePerformed,
			@DecimalMin("1.0") @DecimalMax("25.0") Double dischargeHemoglobinGdl,
			@DecimalMin("90.0") @DecimalMax("200.0") Double dischargeSodiumMmolL, Surgery surgery,
			DischargeDestination dischargeDestination) {
	}

	public record Functional(Boolean livesAlone, Boolean hasCaregiver, @Min(0) @Max(6) Integer adlDependencies,
			Boolean cognitiveImpairment, @Min(0) @Max(365) Integer fallsLast12Months, Boolean undernutrition,
			Boolean depression, Boolean adverseDrugEvent) {
	}

	public record Pregnancy(Boolean delivered, @Min(16) @Max(46) Integer gestationalWeeks, Boolean multiple,
			DeliveryMode deliveryMode, Boolean maternalComplication, Boolean newbornComplication) {
	}
}
