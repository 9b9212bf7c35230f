package org.parcours.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.parcours.patient.InputError;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.Mappings;
import org.parcours.vocabulary.ObservationQuantity;

/**
 * The observation values the rules read, by quantity ({@code egfr}), in the quantity's unit: for each
 * quantity the latest result on or before the assessment date, if it is not older than the quantity's
 * window ({@code vocabulary/observation-quantity.csv}). An older one is not used and is reported
 * (warning {@code stale-observation}), so that the programmes it would decide say what is missing
 * and the caller sees why. A unit the tables do not accept for the code, or a value that cannot be
 * true of a patient, is an input error naming the field; a code the tables do not know is a warning.
 */
final class ObservationFacts {

	private ObservationFacts() {
	}

	private record Result(String code, double value, LocalDate date) {
	}

	static Map<String, Double> read(List<Patient.Observation> observations, Mappings mappings, LocalDate on, List<Assessment.Warning> warnings) {
		if (observations == null) {
			return Map.of();
		}
		List<InputError> errors = new ArrayList<>();
		Map<ObservationQuantity, Result> latest = new HashMap<>();
		for (int i = 0; i < observations.size(); i++) {
			Patient.Observation observation = observations.get(i);
			Optional<ObservationQuantity> known = mappings.observationQuantity(observation.code());
			if (known.isEmpty()) {
				warnings.add(new Assessment.Warning("unknown-observation",
						"LOINC " + observation.code() + " is not in vocabulary/observation-code.csv: not used"));
				continue;
			}
			ObservationQuantity quantity = known.get();
			String field = "observations[" + i + "]";
			Optional<Double> value = mappings.convert(quantity, observation.unit(), BigDecimal.valueOf(observation.value()));
			if (value.isEmpty()) {
				errors.add(new InputError(field + ".unit", "is not a unit accepted for LOINC " + observation.code() + " (" + quantity.label()
						+ "); accepted: " + String.join(", ", mappings.units(quantity))));
				continue;
			}
			if (value.get() < quantity.min() || value.get() > quantity.max()) {
				errors.add(new InputError(field + ".value", "is outside " + display(quantity.min()) + " to " + display(quantity.max()) + " "
						+ quantity.unit() + " once converted, the values the rule set accepts for " + quantity.label()));
				continue;
			}
			if (observation.date().isAfter(on)) {
				warnings.add(new Assessment.Warning("observation-after-assessment-date",
						field + " (" + quantity.label() + ") is dated after the assessment date " + on + ": not used"));
				continue;
			}
			Result result = new Result(observation.code(), value.get(), observation.date());
			latest.merge(quantity, result, (a, b) -> b.date().isAfter(a.date()) ? b : a);
		}
		if (!errors.isEmpty()) {
			throw new InvalidPatientException(errors);
		}
		Map<String, Double> values = new TreeMap<>();
		latest.forEach((quantity, result) -> {
			if (result.date().isBefore(on.minusDays(quantity.maxAgeDays()))) {
				warnings.add(new Assessment.Warning("stale-observation", quantity.label() + " (LOINC " + result.code() + ") of " + result.date()
						+ " is older than " + quantity.maxAgeDays() + " days on " + on + ": not used"));
			}
			else {
				values.put(quantity.name(), result.value());
			}
		});
		return values;
	}

	private static String display(double bound) {
		return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
	}
}
