package org.parcours.fhir;

import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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

/**
 * The stay inputs from the index encounter: length of stay from its period, admission type from its
 * priority or class, service from its service type, destination from its discharge disposition, the latest haemoglobin and sodium
 * observed during it, and whether a procedure was performed during it. What the encounter does not
 * say stays unknown.
 */
final class StayMapping {

	static final String HEMOGLOBIN = "718-7";

	static final Set<String> SODIUM = Set.of("2951-2", "2947-0");

	/** HL7 v3 ActPriority: emergency, urgent, stat and as-soon-as-possible are unplanned; elective and routine are planned. */
	private static final Set<String> URGENT_PRIORITY = Set.of("EM", "UR", "S", "A");

	private static final Set<String> ELECTIVE_PRIORITY = Set.of("EL", "R");

	/** HL7 discharge-disposition codes onto the API's destinations; any other code is "other". */
	private static final Map<String, DischargeDestination> DESTINATIONS = Map.of("home", DischargeDestination.HOME, "alt-home",
			DischargeDestination.HOME, "snf", DischargeDestination.NURSING_HOME, "long", DischargeDestination.NURSING_HOME, "rehab",
			DischargeDestination.REHABILITATION, "hosp", DischargeDestination.HOSPICE, "exp", DischargeDestination.DECEASED);

	private static final Set<ObservationStatus> RESULT = Set.of(ObservationStatus.FINAL, ObservationStatus.AMENDED,
			ObservationStatus.CORRECTED, ObservationStatus.PRELIMINARY);

	private static final Set<ProcedureStatus> PERFORMED = Set.of(ProcedureStatus.COMPLETED, ProcedureStatus.INPROGRESS);

	/** The patient model's limit for a service name. */
	private static final int MAX_SERVICE = 60;

	private StayMapping() {
	}

	static Patient.Stay of(Encounter index, List<Observation> observations, List<Procedure> procedures, List<Warning> warnings) {
		return Patient.Stay.builder()
			.admissionType(admissionType(index))
			.lengthOfStayDays(lengthOfStay(index))
			.dischargeService(service(index))
			.procedurePerformed(procedurePerformed(index, procedures))
			.dischargeHemoglobinGdl(latest(index, observations, Set.of(HEMOGLOBIN), StayMapping::hemoglobinGdl, "haemoglobin", warnings))
			.dischargeSodiumMmolL(latest(index, observations, SODIUM, StayMapping::sodiumMmolL, "sodium", warnings))
			.dischargeDestination(destination(index))
			.build();
	}

	static AdmissionType admissionType(Encounter index) {
		String priority = Fhir.firstCode(index.getPriority());
		if (priority != null && URGENT_PRIORITY.contains(priority.toUpperCase(Locale.ROOT))) {
			return AdmissionType.URGENT;
		}
		if (priority != null && ELECTIVE_PRIORITY.contains(priority.toUpperCase(Locale.ROOT))) {
			return AdmissionType.ELECTIVE;
		}
		if (Encounters.emergency(index) || Fhir.hasCode(index.getHospitalization().getAdmitSource(), "emd")) {
			return AdmissionType.URGENT;
		}
		return null;
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

	private static DischargeDestination destination(Encounter index) {
		String code = Fhir.firstCode(index.getHospitalization().getDischargeDisposition());
		return code == null ? null : DESTINATIONS.getOrDefault(code, DischargeDestination.OTHER);
	}

	/** Known only when procedures were supplied: then none during the stay is a "no". */
	private static Boolean procedurePerformed(Encounter index, List<Procedure> procedures) {
		if (procedures == null) {
			return null;
		}
		return procedures.stream().anyMatch(procedure -> PERFORMED.contains(procedure.getStatus())
				&& (belongsTo(index, Fhir.key(procedure.getEncounter())) || during(index, performedAt(procedure))));
	}

	private static Double latest(Encounter index, List<Observation> observations, Set<String> loinc,
			Function<Quantity, Double> converter, String what, List<Warning> warnings) {
		if (observations == null) {
			return null;
		}
		List<Observation> results = observations.stream()
			.filter(observation -> RESULT.contains(observation.getStatus()) && isLoinc(observation, loinc))
			.filter(observation -> belongsTo(index, Fhir.key(observation.getEncounter())) || during(index, effective(observation)))
			.filter(Observation::hasValueQuantity)
			.sorted(Comparator.comparing(StayMapping::effective, Comparator.nullsFirst(Comparator.naturalOrder())).reversed())
			.toList();
		for (Observation observation : results) {
			Double value = converter.apply(observation.getValueQuantity());
			if (value != null) {
				return value;
			}
			warnings.add(new Warning("fhir-unit", "a " + what + " result in an unsupported unit was not used"));
		}
		return null;
	}

	private static boolean isLoinc(Observation observation, Set<String> codes) {
		return observation.getCode().getCoding().stream()
			.anyMatch(coding -> Fhir.LOINC.equals(coding.getSystem()) && codes.contains(coding.getCode()));
	}

	/** g/dL as the HOSPITAL score is published; g/L and mmol/L (haem iron) converted. */
	private static Double hemoglobinGdl(Quantity quantity) {
		if (quantity.getValue() == null) {
			return null;
		}
		double value = quantity.getValue().doubleValue();
		return switch (unit(quantity)) {
			case "g/dl" -> value;
			case "g/l" -> value / 10;
			case "mmol/l" -> Math.round(value * 16.11) / 10.0;
			default -> null;
		};
	}

	private static Double sodiumMmolL(Quantity quantity) {
		if (quantity.getValue() == null) {
			return null;
		}
		return switch (unit(quantity)) {
			case "mmol/l", "meq/l" -> quantity.getValue().doubleValue();
			default -> null;
		};
	}

	private static String unit(Quantity quantity) {
		String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
		return unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
	}

	private static boolean belongsTo(Encounter index, String encounterKey) {
		return encounterKey != null && encounterKey.equals(Fhir.key(index));
	}

	private static boolean during(Encounter index, Date when) {
		Period period = index.getPeriod();
		if (when == null || period == null || period.getStart() == null) {
			return false;
		}
		return !when.before(period.getStart()) && (period.getEnd() == null || !when.after(period.getEnd()));
	}

	private static Date effective(Observation observation) {
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
