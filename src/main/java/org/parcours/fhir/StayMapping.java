package org.parcours.fhir;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.hl7.fhir.r4.model.Quantity;

import org.parcours.assessment.Assessment.Warning;
import org.parcours.patient.Enums.AdmissionType;
import org.parcours.patient.Enums.DischargeDestination;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.AdmissionElement;
import org.parcours.vocabulary.LaboratoryInput;
import org.parcours.vocabulary.Mappings;
import org.parcours.vocabulary.ObservationQuantity;

/**
 * The stay inputs from the index encounter: length of stay from its period, admission type from its
 * priority or class, service from its service type, destination from its discharge disposition, the latest haemoglobin and sodium
 * observed during it, and whether a procedure was performed during it. What the encounter does not
 * say stays unknown. Which codes and units say what is in the rule set's mapping tables
 * ({@code vocabulary/fhir-*.csv}).
 */
final class StayMapping {

	private static final Set<ObservationStatus> RESULT = Set.of(ObservationStatus.FINAL, ObservationStatus.AMENDED,
			ObservationStatus.CORRECTED, ObservationStatus.PRELIMINARY);

	private static final Set<ProcedureStatus> PERFORMED = Set.of(ProcedureStatus.COMPLETED, ProcedureStatus.INPROGRESS);

	/** The patient model's limit for a service name. */
	private static final int MAX_SERVICE = 60;

	private StayMapping() {
	}

	static Patient.Stay of(Encounter index, List<Condition> conditions, List<Observation> observations, List<Procedure> procedures,
			Mappings mappings, List<Warning> warnings) {
		Optional<StayReasonMapping.Derived> reason = StayReasonMapping.of(index, conditions,
				procedures == null ? List.of() : procedures.stream().filter(procedure -> duringStay(index, procedure)).toList(), mappings);
		return Patient.Stay.builder()
			.reason(reason.map(StayReasonMapping.Derived::reason).orElse(null))
			.reasonDerivedFrom(reason.map(StayReasonMapping.Derived::from).orElse(null))
			.admissionType(admissionType(index, mappings))
			.lengthOfStayDays(lengthOfStay(index))
			.dischargeService(service(index))
			.procedurePerformed(procedurePerformed(index, procedures))
			.dischargeHemoglobinGdl(latest(index, observations, LaboratoryInput.HEMOGLOBIN, mappings, warnings))
			.dischargeSodiumMmolL(latest(index, observations, LaboratoryInput.SODIUM, mappings, warnings))
			.dischargeDestination(destination(index, mappings))
			.build();
	}

	/** From the priority; when the priority says nothing, from the class, then from the admission source. */
	static AdmissionType admissionType(Encounter index, Mappings mappings) {
		return mappings.admissionType(AdmissionElement.PRIORITY, Fhir.firstCode(index.getPriority()))
			.or(() -> mappings.admissionType(AdmissionElement.CLASS, Encounters.classCode(index)))
			.or(() -> index.getHospitalization().getAdmitSource().getCoding().stream()
				.map(coding -> mappings.admissionType(AdmissionElement.ADMIT_SOURCE, coding.getCode()))
				.flatMap(Optional::stream).findFirst())
			.orElse(null);
	}

	private static Integer lengthOfStay(Encounter index) {
		var start = Encounters.start(index);
		var end = Encounters.end(index);
		return start == null || end == null || end.isBefore(start) ? null : (int) ChronoUnit.DAYS.between(start, end);
	}

	/** The service the stay was under, as the sender names it (text, else display, else code); the rules decide what counts. */
	private static String service(Encounter index) {
		if (!index.hasServiceType()) {
			return null;
		}
		var type = index.getServiceType();
		String name = type.hasText() ? type.getText()
				: type.getCoding().stream().map(coding -> coding.hasDisplay() ? coding.getDisplay() : coding.getCode())
					.filter(value -> value != null && !value.isBlank()).findFirst().orElse(null);
		if (name == null || name.isBlank()) {
			return null;
		}
		String service = name.strip().toLowerCase(Locale.ROOT);
		return service.length() <= MAX_SERVICE ? service : service.substring(0, MAX_SERVICE);
	}

	private static DischargeDestination destination(Encounter index, Mappings mappings) {
		String code = Fhir.firstCode(index.getHospitalization().getDischargeDisposition());
		return code == null ? null : mappings.dischargeDestination(code);
	}

	/** Known only when procedures were supplied: then none during the stay is a "no". */
	private static Boolean procedurePerformed(Encounter index, List<Procedure> procedures) {
		if (procedures == null) {
			return null;
		}
		return procedures.stream().anyMatch(procedure -> duringStay(index, procedure));
	}

	private static boolean duringStay(Encounter index, Procedure procedure) {
		return PERFORMED.contains(procedure.getStatus())
				&& (belongsTo(index, Fhir.key(procedure.getEncounter())) || during(index, performedAt(procedure)));
	}

	private static Double latest(Encounter index, List<Observation> observations, LaboratoryInput input, Mappings mappings,
			List<Warning> warnings) {
		if (observations == null) {
			return null;
		}
		List<Observation> results = observations.stream()
			.filter(observation -> RESULT.contains(observation.getStatus()) && gives(observation, input, mappings))
			.filter(observation -> belongsTo(index, Fhir.key(observation.getEncounter())) || during(index, effective(observation)))
			.filter(Observation::hasValueQuantity)
			.sorted(Comparator.comparing(StayMapping::effective, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
			.toList();
		ObservationQuantity wanted = mappings.quantity(input.quantity());
		for (Observation observation : results) {
			Quantity quantity = observation.getValueQuantity();
			Optional<Double> value = quantity.getValue() == null ? Optional.empty()
					: mappings.convert(wanted, Fhir.unit(quantity), quantity.getValue());
			if (value.isPresent()) {
				return value.get();
			}
			warnings.add(new Warning("fhir-unit", "a " + wanted.label() + " result in an unsupported unit was not used"));
		}
		return null;
	}

	private static boolean gives(Observation observation, LaboratoryInput input, Mappings mappings) {
		return observation.getCode().getCoding().stream()
			.anyMatch(coding -> Fhir.LOINC.equals(coding.getSystem())
					&& mappings.observationQuantity(coding.getCode()).filter(quantity -> quantity.name().equals(input.quantity())).isPresent());
	}

	private static boolean belongsTo(Encounter index, String encounterKey) {
		return encounterKey != null && encounterKey.equals(Fhir.key(index));
	}

	static boolean during(Encounter index, Date when) {
		Period period = index.getPeriod();
		if (when == null || period == null || period.getStart() == null) {
			return false;
		}
		return !when.before(period.getStart()) && (period.getEnd() == null || !when.after(period.getEnd()));
	}

	static Date effective(Observation observation) {
		if (observation.hasEffectiveDateTimeType()) {
			return observation.getEffectiveDateTimeType().getValue();
		}
		if (observation.hasEffectivePeriod()) {
			return observation.getEffectivePeriod().getStart();
		}
		return observation.getIssued();
	}

	private static Date performedAt(Procedure procedure) {
		if (procedure.hasPerformedDateTimeType()) {
			return procedure.getPerformedDateTimeType().getValue();
		}
		if (procedure.hasPerformedPeriod()) {
			return procedure.getPerformedPeriod().getStart();
		}
		return null;
	}
}
