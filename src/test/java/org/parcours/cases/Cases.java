package org.parcours.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.validation.Validation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.parcours.assessment.Assess;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.DefaultRules;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleSetLoader;

/**
 * The golden-case check as the application builds it, without Spring: the same validator, and a JSON
 * mapper as strict as the HTTP API's (unknown fields and fractional counts are errors).
 */
final class Cases {

	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.build();

	private Cases() {
	}

	static GoldenCaseCheck check() {
		return new GoldenCaseCheck(new PatientValidator(Validation.buildDefaultValidatorFactory().getValidator()), JSON,
				Clock.fixed(Assess.TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
	}

	/** Writes the real rules directory into {@code target}, so that a test can change a copy and load it. */
	static Path copyOfDefaultRules(Path target) throws IOException {
		for (RuleFile file : RuleSetLoader.read(DefaultRules.DIRECTORY)) {
			Path written = target.resolve(file.path());
			Files.createDirectories(written.getParent());
			Files.write(written, file.content());
		}
		return target;
	}
}
