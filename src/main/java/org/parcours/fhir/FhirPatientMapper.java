package org.parcours.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

import org.parcours.assessment.Assessment.Warning;
import org.parcours.patient.Enums.ConditionSystem;
import org.parcours.patient.Enums.MedicationSystem;
import org.parcours.patient.Enums.Sex;
import org.parcours.patient.InputError;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.HistoryCount;
import org.parcours.vocabulary.Mappings;

/**
 * Maps one patient's FHIR resources onto the same {@link Patient} the JSON API takes, so that both
 * inputs are validated and assessed alike. Only what the resources say is set; everything else stays
 * {@code null} and is reported as missing by the rules. Sex is carried as the JSON API carries it
 * (no rule reads it); ethnicity and race extensions are never read.
 */
public final class FhirPatientMapper {

	private static final Set<String> ACTIVE = Set.of("active", "recurrence", "relapse");

	private static final Set<String> NOT_TRUE = Set.of("entered-in-error", "refuted");

	/** The code shape the patient model accepts; a coding outside it cannot be one of our vocabularies' codes. */
	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9.]{1,20}");

	/** The ATC code system as FHIR names it (terminology.hl7.org, "ATC"). */
	private static final String ATC_SYSTEM = "http://www.whocc.no/atc";

	private static final Pattern ATC_CODE = Pattern.compile("[A-Za-z0-9]{1,10}");

	private FhirPatientMapper() {
	}

	/**
	 * @param indexEncounterId the stay being assessed, or {@code null} to take the likely one
	 * @param assessmentDate the date windows are counted back from, or {@code null} for the index
	 *        stay's end (or {@code today} when it has none)
	 * @throws InvalidPatientException when the record cannot describe one patient
	 */
	public static MappedPatient map(FhirRecord record, String indexEncounterId, LocalDate assessmentDate, Mappings mappings, LocalDate today) {
		List<Warning> warnings = new ArrayList<>();
		List<String> basis = new ArrayList<>();
		org.hl7.fhir.r4.model.Patient resource = record.patient();
		checkSubjects(record);
		if (!resource.hasBirthDate()) {
			throw new InvalidPatientException(List.of(new InputError("Patient.birthDate", "is required: the age is derived from it")));
		}
		Encounter index = index(record, indexEncounterId, mappings, warnings);
		LocalDate on = assessmentDate != null ? assessmentDate
				: index != null && Encounters.end(index) != null && index.getStatus() != Encounter.EncounterStatus.INPROGRESS
						? Encounters.end(index) : today;
		if (index != null) {
			basis.add("Encounter/" + Fhir.key(index));
		}
		List<Condition> active = record.conditions() == null ? null
				: record.conditions().stream().filter(condition -> active(condition, on)).toList();
		if (active != null) {
			active.stream().map(Fhir::key).filter(key -> key != null).forEach(key -> basis.add("Condition/" + key));
		}
		Patient patient = Patient.builder()
			.patientId(Fhir.key(resource))
			.birthDate(Fhir.date(resource.getBirthDateElement()))
			.assessmentDate(on)
			.sex(sex(resource))
			.conditions(conditions(active, mappings, warnings))
			.medications(atcMedications(record.medications(), on, warnings))
			.medicationCount(medicationCount(record.medications(), on))
			.observations(ObservationMapping.of(record.observations(), on, mappings, warnings))
			.history(history(record.encounters(), index, on, mappings))
			.stay(index == null ? null : StayMapping.of(index, record.conditions(), record.observations(), record.procedures(), mappings, warnings))
			.build();
		if (deceasedBy(resource, on)) {
			warnings.add(new Warning("fhir-deceased", "the Patient resource records a death on or before the assessment date"));
		}
		if (!record.unusedResourceTypes().isEmpty()) {
			warnings.add(new Warning("fhir-unused-resources",
					"resources of types " + String.join(", ", record.unusedResourceTypes().keySet()) + " are not read by the assessment"));
		}
		return new MappedPatient(patient, index, on, List.copyOf(warnings), List.copyOf(basis));
	}

	private static boolean deceasedBy(org.hl7.fhir.r4.model.Patient resource, LocalDate on) {
		if (resource.hasDeceasedBooleanType()) {
			return resource.getDeceasedBooleanType().booleanValue();
		}
		return resource.hasDeceasedDateTimeType() && !Fhir.date(resource.getDeceasedDateTimeType()).isAfter(on);
	}

	private static Encounter index(FhirRecord record, String id, Mappings mappings, List<Warning> warnings) {
		if (record.encounters() == null) {
			return null;
		}
		if (id != null) {
			var named = Encounters.byId(record.encounters(), id);
			if (named.isEmpty()) {
				warnings.add(new Warning("fhir-index-encounter", "the index encounter is not among the encounters sent: stay inputs are unknown"));
			}
			return named.orElse(null);
		}
		return Encounters.likelyIndex(record.encounters(), mappings).orElse(null);
	}

	/** A resource about another patient must not change this patient's assessment. */
	private static void checkSubjects(FhirRecord record) {
		String patient = Fhir.key(record.patient());
		List<InputError> errors = new ArrayList<>();
		check(record.conditions(), "Condition", patient, errors);
		check(record.encounters(), "Encounter", patient, errors);
		check(record.medications(), "MedicationRequest/MedicationStatement", patient, errors);
		check(record.observations(), "Observation", patient, errors);
		check(record.procedures(), "Procedure", patient, errors);
		if (!errors.isEmpty()) {
			throw new InvalidPatientException(errors);
		}
	}

	private static void check(List<? extends DomainResource> resources, String type, String patient, List<InputError> errors) {
		if (resources == null || patient == null) {
			return;
		}
		long others = resources.stream().map(FhirPatientMapper::subject)
			.filter(subject -> subject != null && subject.getReference() != null && !patient.equals(Fhir.key(subject))
					&& !"Group".equals(Fhir.type(subject)))
			.count();
		if (others > 0) {
			errors.add(new InputError(type + ".subject", others + " resource(s) refer to another patient than the Patient sent"));
		}
	}

	private static Reference subject(Resource resource) {
		if (resource instanceof Condition condition) {
			return condition.getSubject();
		}
		if (resource instanceof Encounter encounter) {
			return encounter.getSubject();
		}
		if (resource instanceof MedicationRequest request) {
			return request.getSubject();
		}
		if (resource instanceof MedicationStatement statement) {
			return statement.getSubject();
		}
		if (resource instanceof Observation observation) {
			return observation.getSubject();
		}
		if (resource instanceof Procedure procedure) {
			return procedure.getSubject();
		}
		return null;
	}

	/** Active, recurrence or relapse; neither refuted nor entered in error; not first noted after the assessment date. */
	private static boolean active(Condition condition, LocalDate on) {
		if (!Fhir.hasCode(condition.getClinicalStatus(), ACTIVE.toArray(String[]::new))
				|| Fhir.hasCode(condition.getVerificationStatus(), NOT_TRUE.toArray(String[]::new))) {
			return false;
		}
		LocalDate onset = condition.hasOnsetDateTimeType() ? Fhir.date(condition.getOnsetDateTimeType())
				: condition.hasRecordedDate() ? Fhir.date(condition.getRecordedDateElement()) : null;
		return onset == null || !onset.isAfter(on);
	}

	/** Each coding in a system of {@code vocabulary/fhir-condition-system.csv}, as that table names the system. */
	private static List<Patient.Condition> conditions(List<Condition> active, Mappings mappings, List<Warning> warnings) {
		if (active == null) {
			return null;
		}
		Set<Patient.Condition> conditions = new LinkedHashSet<>();
		int unread = 0;
		for (Condition condition : active) {
			boolean coded = false;
			for (Coding coding : condition.getCode().getCoding()) {
				ConditionSystem system = mappings.conditionSystem(coding.getSystem()).orElse(null);
				if (system != null && coding.getCode() != null && CODE.matcher(coding.getCode().strip()).matches()) {
					conditions.add(Patient.Condition.coded(system, coding.getCode().strip()));
					coded = true;
				}
			}
			if (!coded) {
				unread++;
			}
		}
		if (unread > 0) {
			warnings.add(new Warning("fhir-uncoded-condition", unread
					+ " active Condition(s) have no coding in a system the rule set reads (vocabulary/fhir-condition-system.csv) and were not read"));
		}
		return List.copyOf(conditions);
	}

	/**
	 * Distinct active medications, by their first coding (else their text or reference), not
	 * prescribed or stated after the assessment date; unknown when no medication resource was sent.
	 */
	private static Integer medicationCount(List<DomainResource> medications, LocalDate on) {
		if (medications == null) {
			return null;
		}
		return (int) medications.stream().filter(medication -> activeMedication(medication, on)).map(FhirPatientMapper::medicationKey)
			.distinct().count();
	}

	/**
	 * The active medications by their ATC coding, with the day each was started (a statement's
	 * effective start, else a request's authoring date) when it is not after the assessment date. If
	 * any active medication has no ATC coding the list is not sent at all (a warning says so): a partial
	 * list would miscount and would make a coded-elsewhere drug look omitted; the count still stands.
	 */
	private static List<Patient.Medication> atcMedications(List<DomainResource> medications, LocalDate on, List<Warning> warnings) {
		if (medications == null) {
			return null;
		}
		List<DomainResource> active = medications.stream().filter(medication -> activeMedication(medication, on)).toList();
		List<Patient.Medication> list = new ArrayList<>();
		long uncoded = 0;
		for (DomainResource resource : active) {
			var medication = resource instanceof MedicationRequest request ? request.getMedication() : ((MedicationStatement) resource).getMedication();
			Optional<String> atc = medication instanceof CodeableConcept concept ? concept.getCoding().stream()
				.filter(coding -> ATC_SYSTEM.equals(coding.getSystem()) && coding.getCode() != null && ATC_CODE.matcher(coding.getCode().strip()).matches())
				.map(coding -> coding.getCode().strip()).findFirst() : Optional.empty();
			if (atc.isEmpty()) {
				uncoded++;
				continue;
			}
			LocalDate since = started(resource);
			list.add(new Patient.Medication(MedicationSystem.ATC, atc.get(), since == null || since.isAfter(on) ? null : since));
		}
		if (uncoded > 0) {
			warnings.add(new Warning("fhir-medication-not-atc", uncoded + " active medication(s) have no ATC coding (" + ATC_SYSTEM
					+ "): the medication list is not used, so the medication review cannot decide; the count is still used"));
			return null;
		}
		return List.copyOf(list);
	}

	private static LocalDate started(DomainResource resource) {
		if (resource instanceof MedicationStatement statement) {
			if (statement.hasEffectivePeriod() && statement.getEffectivePeriod().hasStart()) {
				return Fhir.date(statement.getEffectivePeriod().getStartElement());
			}
			return statement.hasEffectiveDateTimeType() ? Fhir.date(statement.getEffectiveDateTimeType()) : null;
		}
		MedicationRequest request = (MedicationRequest) resource;
		return request.hasAuthoredOn() ? Fhir.date(request.getAuthoredOnElement()) : null;
	}

	private static boolean activeMedication(DomainResource resource, LocalDate on) {
		if (resource instanceof MedicationRequest request) {
			LocalDate authored = request.hasAuthoredOn() ? Fhir.date(request.getAuthoredOnElement()) : null;
			return request.getStatus() == MedicationRequest.MedicationRequestStatus.ACTIVE && (authored == null || !authored.isAfter(on));
		}
		if (resource instanceof MedicationStatement statement) {
			LocalDate asserted = statement.hasDateAsserted() ? Fhir.date(statement.getDateAssertedElement()) : null;
			return statement.getStatus() == MedicationStatement.MedicationStatementStatus.ACTIVE && (asserted == null || !asserted.isAfter(on));
		}
		return false;
	}

	private static String medicationKey(DomainResource resource) {
		var medication = resource instanceof MedicationRequest request ? request.getMedication() : ((MedicationStatement) resource).getMedication();
		if (medication instanceof CodeableConcept concept) {
			return concept.getCoding().stream().filter(coding -> coding.getCode() != null)
				.map(coding -> coding.getSystem() + '|' + coding.getCode()).findFirst()
				.orElse("text|" + (concept.getText() == null ? Fhir.key(resource) : concept.getText().strip().toLowerCase(Locale.ROOT)));
		}
		if (medication instanceof Reference reference && reference.getReference() != null) {
			return "ref|" + Fhir.key(reference);
		}
		return "resource|" + Fhir.key(resource);
	}

	/**
	 * Admissions and emergency visits in the windows of {@code vocabulary/fhir-history-window.csv} up to
	 * the assessment date, the index stay excluded.
	 */
	private static Patient.History history(List<Encounter> encounters, Encounter index, LocalDate on, Mappings mappings) {
		if (encounters == null) {
			return null;
		}
		return Patient.History.builder()
			.admissionsLast12Months(count(encounters, HistoryCount.ADMISSIONS, index, on, mappings))
			.edVisitsLast6Months(count(encounters, HistoryCount.ED_VISITS, index, on, mappings))
			.build();
	}

	private static int count(List<Encounter> encounters, HistoryCount count, Encounter index, LocalDate on, Mappings mappings) {
		return Encounters.count(encounters, encounter -> Encounters.is(encounter, count.kind(), mappings),
				on.minusMonths(mappings.lookBackMonths(count)), on, index);
	}

	private static Sex sex(org.hl7.fhir.r4.model.Patient resource) {
		if (!resource.hasGender()) {
			return null;
		}
		return switch (resource.getGender()) {
			case FEMALE -> Sex.FEMALE;
			case MALE -> Sex.MALE;
			case OTHER -> Sex.OTHER;
			default -> Sex.UNKNOWN;
		};
	}
}
