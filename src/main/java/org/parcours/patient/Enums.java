package org.parcours.patient;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The closed vocabularies of the HTTP contract, each value in its lower-case, kebab-case wire form. */
public final class Enums {

	private Enums() {
	}

	public enum Sex {
		@JsonProperty("female") FEMALE, @JsonProperty("male") MALE, @JsonProperty("other") OTHER,
		@JsonProperty("unknown") UNKNOWN
	}

	public enum ResidenceSetting {
		@JsonProperty("home") HOME, @JsonProperty("nursing-home") NURSING_HOME
	}

	public enum ConditionSystem {
		@JsonProperty("icd-10") ICD_10, @JsonProperty("icd-9") ICD_9, @JsonProperty("snomed") SNOMED
	}

	public enum MedicationSystem {
		@JsonProperty("atc") ATC
	}

	public enum ObservationSystem {
		@JsonProperty("loinc") LOINC
	}

	public enum AdmissionType {
		@JsonProperty("urgent") URGENT, @JsonProperty("elective") ELECTIVE
	}

	public enum StayReason {
		@JsonProperty("heart-failure") HEART_FAILURE, @JsonProperty("copd") COPD, @JsonProperty("stroke") STROKE,
		@JsonProperty("tia") TIA, @JsonProperty("surgery") SURGERY, @JsonProperty("delivery") DELIVERY,
		@JsonProperty("other") OTHER
	}

	public enum Surgery {
		@JsonProperty("colorectal") COLORECTAL, @JsonProperty("lung") LUNG, @JsonProperty("hip") HIP,
		@JsonProperty("knee") KNEE, @JsonProperty("liver") LIVER, @JsonProperty("pancreas") PANCREAS,
		@JsonProperty("oesophagus") OESOPHAGUS, @JsonProperty("other") OTHER
	}

	public enum DischargeDestination {
		@JsonProperty("home") HOME, @JsonProperty("nursing-home") NURSING_HOME,
		@JsonProperty("rehabilitation") REHABILITATION, @JsonProperty("hospice") HOSPICE,
		@JsonProperty("deceased") DECEASED, @JsonProperty("other") OTHER
	}

	public enum DeliveryMode {
		@JsonProperty("vaginal") VAGINAL, @JsonProperty("caesarean") CAESAREAN
	}

	/** SEGA-A mood over the last three months. */
	public enum Mood {
		@JsonProperty("normal") NORMAL, @JsonProperty("sometimes-anxious-or-sad") SOMETIMES_ANXIOUS_OR_SAD,
		@JsonProperty("depressed") DEPRESSED
	}

	/** Health as the person sees it, compared with people of the same age (SEGA-A). */
	public enum SelfRatedHealth {
		@JsonProperty("better") BETTER, @JsonProperty("same") SAME, @JsonProperty("worse") WORSE
	}

	/** How much help an activity needs (SEGA-A: instrumental activities, mobility, meals). */
	public enum Autonomy {
		@JsonProperty("independent") INDEPENDENT, @JsonProperty("needs-help") NEEDS_HELP, @JsonProperty("unable") UNABLE
	}

	/** Urinary and/or faecal continence (SEGA-A). */
	public enum Continence {
		@JsonProperty("continent") CONTINENT, @JsonProperty("occasional-incontinence") OCCASIONAL_INCONTINENCE,
		@JsonProperty("permanent-incontinence") PERMANENT_INCONTINENCE
	}

	/** Memory and orientation (SEGA-A): severely impaired means acute confusion or dementia. */
	public enum Cognition {
		@JsonProperty("normal") NORMAL, @JsonProperty("slightly-impaired") SLIGHTLY_IMPAIRED,
		@JsonProperty("severely-impaired") SEVERELY_IMPAIRED
	}
}
