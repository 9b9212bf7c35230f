package org.parcours.system;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** The service refuses to start in one line when its rules directory is not there. */
class RulesDirectoryCheckTests {

	@Test
	void aMissingDirectoryIsOneLineNamingTheSetting() {
		assertThat(RulesDirectoryCheck.problem(new MockEnvironment().withProperty("parcours.rules.directory", "/nonexistent")))
			.hasValue("parcours.rules.directory=/nonexistent is not a readable directory (/nonexistent)");
	}

	@Test
	void theDefaultDirectoryOfTheProjectPasses() {
		assertThat(RulesDirectoryCheck.problem(new MockEnvironment())).isEmpty();
	}
}
