package org.parcours.roster;

import java.time.LocalDate;

import org.parcours.patient.Patient;

/** The ten-year age bands reports group rows by ({@code 70-79}), {@code unknown} without a plausible age. */
public final class AgeBand {

	private AgeBand() {
	}

	public static String of(Patient patient, LocalDate today) {
		Integer age = patient.ageOn(today);
		if (age == null || age < 0 || age > 130) {
			return "unknown";
		}
		int from = age / 10 * 10;
		return from + "-" + (from + 9);
	}
}
