package org.parcours.patient;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The wire form of our enumerations: {@code NURSING_HOME} is {@code nursing-home}. Each constant
 * also carries it in a {@code @JsonProperty}, so that the words callers may send are visible in the
 * enum itself; this helper gives the same word to rules, CSV and messages.
 */
public final class Kebab {

	private Kebab() {
	}

	public static String of(Enum<?> value) {
		return value == null ? null : value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static List<String> allowed(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants()).map(constant -> of((Enum<?>) constant)).toList();
	}
}
