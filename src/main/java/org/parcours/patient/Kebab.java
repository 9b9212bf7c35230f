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

	/** Computed once per enum: the rules read these words many times per assessment. */
	private static final ClassValue<String[]> WORDS = new ClassValue<>() {
		@Override
		protected String[] computeValue(Class<?> type) {
			return Arrays.stream(type.getEnumConstants())
				.map(constant -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'))
				.toArray(String[]::new);
		}
	};

	public static String of(Enum<?> value) {
		return value == null ? null : WORDS.get(value.getDeclaringClass())[value.ordinal()];
	}

	public static List<String> allowed(Class<?> enumType) {
		return Arrays.stream(enumType.getEnumConstants()).map(constant -> of((Enum<?>) constant)).toList();
	}
}
