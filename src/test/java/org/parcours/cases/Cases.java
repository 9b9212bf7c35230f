package org.parcours.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import jakarta.validation.Validation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.parcours.assessment.Assess;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.DefaultRules;
import org.parcours.rules.RulesProperties;

/**
 * The golden-case check as the application builds it, without Spring: the same validator, and a JSON
 * mapper as strict as the HTTP API's (unknown fields and fractional counts are errors).
 */
public final class Cases {

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.build();

	private Cases() {
	}

	public static GoldenCaseCheck check() {
		return check(false);
	}

	/** {@code allowNoCases}: as with {@code parcours.rules.cases.allow-none}. */
	public static GoldenCaseCheck check(boolean allowNoCases) {
		return new GoldenCaseCheck(new PatientValidator(Validation.buildDefaultValidatorFactory().getValidator()), JSON,
				Clock.fixed(Assess.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC),
				new RulesProperties(DefaultRules.DIRECTORY, new RulesProperties.Watch(true, true, Duration.ofMillis(300), Duration.ofSeconds(2)),
						new RulesProperties.Cases(allowNoCases, false), 5000, Duration.ofSeconds(2), Duration.ofSeconds(10),
						new RulesProperties.Cache(false, null, 0), Duration.ZERO));
	}
}
