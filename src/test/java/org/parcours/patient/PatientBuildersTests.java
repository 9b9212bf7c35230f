package org.parcours.patient;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.parcours.facts.MedicationProfile;
import org.parcours.facts.PatientFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each builder sets the field it names and nothing else, and {@code toBuilder} copies every field:
 * a builder line that sets the wrong field (two Booleans swapped) fails here, not in a clinical case.
 */
class PatientBuildersTests {

	@ParameterizedTest
	@ValueSource(classes = { Patient.class, Patient.Residence.class, Patient.History.class, Patient.Stay.class,
			Patient.Functional.class, Patient.Pregnancy.class, PatientFacts.class })
	void eachBuilderMethodSetsItsOwnFieldOnly(Class<?> type) throws Exception {
		Object empty = build(builder(type));
		for (RecordComponent component : type.getRecordComponents()) {
			Object builder = builder(type);
			Object value = sample(component.getType());
			builder.getClass().getMethod(component.getName(), component.getType()).invoke(builder, value);
			Object built = build(builder);
			for (RecordComponent other : type.getRecordComponents()) {
				Object actual = other.getAccessor().invoke(built);
				if (other.getName().equals(component.getName())) {
					assertThat(actual).as(type.getSimpleName() + "." + other.getName()).isEqualTo(value);
				}
				else {
					assertThat(actual).as(type.getSimpleName() + "." + other.getName() + " after setting " + component.getName())
						.isEqualTo(other.getAccessor().invoke(empty));
				}
			}
			Method toBuilder = methodOrNull(type, "toBuilder");
			if (toBuilder != null) {
				assertThat(build(toBuilder.invoke(built))).as(type.getSimpleName() + ".toBuilder with " + component.getName())
					.isEqualTo(built);
			}
		}
	}

	private static Object builder(Class<?> type) throws Exception {
		return type.getMethod("builder").invoke(null);
	}

	private static Object build(Object builder) throws Exception {
		return builder.getClass().getMethod("build").invoke(builder);
	}

	private static Method methodOrNull(Class<?> type, String name) {
		try {
			return type.getMethod(name);
		}
		catch (NoSuchMethodException ex) {
			return null;
		}
	}

	/** A value no builder starts with, so that setting it is visible. */
	private static Object sample(Class<?> type) throws Exception {
		if (type == String.class) {
			return "sample";
		}
		if (type == Integer.class || type == int.class) {
			return 7;
		}
		if (type == Double.class) {
			return 7.5;
		}
		if (type == Boolean.class || type == boolean.class) {
			return true;
		}
		if (type == LocalDate.class) {
			return LocalDate.of(2026, 1, 2);
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[type.getEnumConstants().length - 1];
		}
		if (type == List.class) {
			return List.of();
		}
		if (type == Set.class) {
			return Set.of("sample");
		}
		if (type == MedicationProfile.class) {
			return MedicationProfile.unknown(LocalDate.of(2026, 1, 2));
		}
		if (type == Map.class) {
			return Map.of("sample", 1.0);
		}
		if (type.isRecord()) {
			return build(builder(type));
		}
		throw new AssertionError("no sample value for " + type);
	}
}
