package org.parcours.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP Basic users of the API: {@code parcours.security.users[N].name}, {@code .password} in
 * Spring's encoded form ({@code {bcrypt}$2a$...}, or {@code {noop}secret} for local use) and
 * {@code .roles} (assessor, rules-admin, monitoring). From the environment:
 * {@code PARCOURS_SECURITY_USERS_0_NAME}, {@code PARCOURS_SECURITY_USERS_0_PASSWORD},
 * {@code PARCOURS_SECURITY_USERS_0_ROLES=assessor,monitoring}.
 */
@ConfigurationProperties("parcours.security")
record SecurityProperties(@DefaultValue List<User> users) {

	record User(String name, String password, @DefaultValue List<String> roles) {

		@Override
		public String toString() {
			// never print the password, even encoded
			return "User[name=" + name + ", roles=" + roles + "]";
		}
	}
}
