package org.parcours.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.userdetails.UserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Configured users are checked at start-up, so that a typo fails there and not on the first call. */
class ConfiguredUsersTests {

	@Test
	void rolesBecomeAuthorities() {
		List<UserDetails> users = ConfiguredUsers.from(List.of(new SecurityProperties.User("ward-12", "{bcrypt}$2a$04$abc",
				List.of("assessor", "monitoring"))));
		assertThat(users).singleElement().satisfies(user -> assertThat(user.getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_assessor", "ROLE_monitoring"));
	}

	@Test
	void everyMistakeIsNamedByIndexWithoutThePassword() {
		assertThatIllegalStateException().isThrownBy(() -> ConfiguredUsers.from(List.of(
				new SecurityProperties.User("a", "plain-secret", List.of("assessor")),
				new SecurityProperties.User("b", "{noop}x", List.of("admin")),
				new SecurityProperties.User("a", "{noop}y", List.of("assessor")),
				new SecurityProperties.User(" ", "{noop}z", List.of("assessor")))))
			.withMessageContaining("parcours.security.users[0].password must be in encoded form, {bcrypt}<hash>")
			.withMessageContaining("parcours.security.users[1].roles has unknown role(s) [admin]; known: [assessor, rules-admin, monitoring]")
			.withMessageContaining("parcours.security.users[2].name 'a' is configured twice")
			.withMessageContaining("parcours.security.users[3].name is missing")
			.withMessageNotContaining("plain-secret");
	}
}
