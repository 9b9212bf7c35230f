package org.parcours.system;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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

	@Test
	void anUnknownNameCostsTheSameBcryptWorkAsAWrongPassword() {
		List<SecurityProperties.User> users = List.of(
				new SecurityProperties.User("ward-12", "{bcrypt}" + new BCryptPasswordEncoder(5).encode("right"), List.of("assessor")),
				new SecurityProperties.User("ward-13", "{bcrypt}" + new BCryptPasswordEncoder(4).encode("other"), List.of("assessor")),
				new SecurityProperties.User("local", "{noop}local", List.of("monitoring")));
		List<String> checkedAgainst = new ArrayList<>();
		PasswordEncoder encoder = ConfiguredUsers.passwordEncoder(users);
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(ConfiguredUsers.from(users)));
		provider.setPasswordEncoder(new VerifiedCredentials(new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				return encoder.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				checkedAgainst.add(encoded);
				return encoder.matches(raw, encoded);
			}
		}));
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken("nobody", "guess")));
		assertThatExceptionOfType(BadCredentialsException.class)
			.isThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken("ward-12", "guess")));
		assertThat(checkedAgainst).hasSize(2).allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt}$2a$05$"));
	}

	@Test
	void withNoopUsersOnlyAnUnknownNameIsNotHashedEither() {
		assertThat(ConfiguredUsers.passwordEncoder(List.of(new SecurityProperties.User("local", "{noop}local", List.of("assessor"))))
			.encode("x")).isEqualTo("{noop}x");
	}

	@Test
	void theHashVersionIsKept() {
		String hash = "{bcrypt}" + new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2B, 4).encode("x");
		assertThat(ConfiguredUsers.passwordEncoder(List.of(new SecurityProperties.User("u", hash, List.of("assessor")))).encode("y"))
			.startsWith("{bcrypt}$2b$04$");
	}
}
