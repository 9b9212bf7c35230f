package org.parcours.patient;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.validator.HibernateValidator;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Hibernate Validator asks JBoss Logging whether its trace level is on once per constraint of every
 * patient validated: JBoss Logging must go straight to SLF4J (the service file under
 * {@code META-INF/services}), not through Log4j's API and its bridge to SLF4J, which it finds first
 * on the class path otherwise.
 */
class ValidatorLoggingTests {

	@Test
	void hibernateValidatorLogsStraightToSlf4j() {
		assertThat(Logger.getLogger(HibernateValidator.class).getClass().getName()).startsWith("org.jboss.logging.Slf4j");
	}
}
