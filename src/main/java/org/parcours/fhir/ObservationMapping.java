package org.parcours.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;

import org.parcours.assessment.Assessment.Warning;
import org.parcours.patient.Enums.ObservationSystem;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.Mappings;
import org.parcours.vocabulary.ObservationQuantity;

/**
 * The {@code observations} input from FHIR Observations coded in LOINC: for each quantity of the
 * observation tables, the latest result on or before the assessment date, converted to the quantity's
 * unit (a result in a unit the tables do not accept is not used, warning {@code fhir-unit}; one outside the
 * quantity's possible values neither, warning {@code fhir-observation-range}: a server's record is reported, not refused). Whether
 * that result is recent enough is decided with every other input path, when the facts are built.
 * {@code null} when no Observation was sent.
 */
final class ObservationMapping {

	private static final Set<ObservationStatus> RESULT = Set.of(ObservationStatus.FINAL, ObservationStatus.AMENDED,
			ObservationStatus.CORRECTED, ObservationStatus.PRELIMINARY);

	private ObservationMapping() {
	}

	static List<Patient.Observation> of(List<Observation> observations, LocalDate on, Mappings mappings, List<Warning> warnings) {
		if (observations == null) {
			return null;
		}
		Map<String, Patient.Observation> latest = new LinkedHashMap<>();
		int unusable = 0;
		int impossible = 0;
		List<Observation> newestFirst = observations.stream().filter(observation -> RESULT.contains(observation.getStatus()))
			.filter(Observation::hasValueQuantity)
			.sorted(Comparator.comparing(StayMapping::effective, Comparator.nullsLast(Comparator.reverseOrder())))
			.toList();
		for (Observation observation : newestFirst) {
			LocalDate date = date(observation);
			Optional<Coding> coding = loinc(observation, mappings);
			if (date == null || date.isAfter(on) || coding.isEmpty()) {
				continue;
			}
			ObservationQuantity quantity = mappings.observationQuantity(coding.get().getCode()).orElseThrow();
			if (latest.containsKey(quantity.name()) || observation.getValueQuantity().getValue() == null) {
				continue;
			}
			Optional<Double> value = mappings.convert(quantity, Fhir.unit(observation.getValueQuantity()), observation.getValueQuantity().getValue());
			if (value.isEmpty()) {
				unusable++;
				continue;
			}
			if (value.get() < quantity.min() || value.get() > quantity.max()) {
				impossible++;
				continue;
			}
			latest.put(quantity.name(), new Patient.Observation(ObservationSystem.LOINC, coding.get().getCode(), value.get(), quantity.unit(), date));
		}
		if (unusable > 0) {
			warnings.add(new Warning("fhir-unit", unusable + " Observation result(s) in a unit that vocabulary/observation-unit.csv does not accept were not used"));
		}
		if (impossible > 0) {
			warnings.add(new Warning("fhir-observation-range", impossible
					+ " Observation result(s) outside the values vocabulary/observation-quantity.csv accepts were not used"));
		}
		return new ArrayList<>(latest.values());
	}

	private static Optional<Coding> loinc(Observation observation, Mappings mappings) {
		return observation.getCode().getCoding().stream()
			.filter(coding -> Fhir.LOINC.equals(coding.getSystem()) && mappings.observationQuantity(coding.getCode()).isPresent())
			.findFirst();
	}

	/** The calendar day of the result as the sender wrote it: effective time, else its period's start, else when issued. */
	private static LocalDate date(Observation observation) {
		if (observation.hasEffectiveDateTimeType()) {
			return Fhir.date(observation.getEffectiveDateTimeType());
		}
		if (observation.hasEffectivePeriod()) {
			return Fhir.date(observation.getEffectivePeriod().getStartElement());
		}
		return observation.hasIssued() ? Fhir.date(observation.getIssuedElement()) : null;
	}
}
