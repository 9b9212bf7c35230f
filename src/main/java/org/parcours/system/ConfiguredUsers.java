package org.parcours.system;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Turns {@code parcours.security.users} into Spring users, refusing at start-up what would otherwise
 * fail on the first request (a password without its {@code {id}} encoding prefix, an unknown role, a
 * user without a name, the same name twice). Messages name the user's index and never its password.
 */
final class ConfiguredUsers {

	private static final Pattern ENCODED = Pattern.compile("^\\{(bcrypt|noop|argon2|argon2@SpringSecurity_v5_8|pbkdf2|pbkdf2@SpringSecurity_v5_8|scrypt|scrypt@SpringSecurity_v5_8|sha256)\\}.+", Pattern.DOTALL);

	private ConfiguredUsers() {
	}

	static List<UserDetails> from(List<SecurityProperties.User> users) {
		List<String> errors = new ArrayList<>();
		Set<String> names = new HashSet<>();
		List<UserDetails> details = new ArrayList<>();
		for (int i = 0; i < users.size(); i++) {
			SecurityProperties.User user = users.get(i);
			String at = "parcours.security.users[" + i + "]";
			if (user.name() == null || user.name().isBlank()) {
				errors.add(at + ".name is missing");
				continue;
			}
			if (!names.add(user.name())) {
				errors.add(at + ".name '" + user.name() + "' is configured twice");
			}
			if (user.password() == null || !ENCODED.matcher(user.password()).matches()) {
				errors.add(at + ".password must be in encoded form, {bcrypt}<hash> (or {noop}<password> for local use only)");
			}
			List<String> unknown = user.roles().stream().filter(role -> !Roles.ALL.contains(role)).toList();
			if (!unknown.isEmpty()) {
				errors.add(at + ".roles has unknown role(s) " + unknown + "; known: " + Roles.ALL);
			}
			if (user.roles().isEmpty()) {
				errors.add(at + ".roles is empty; known roles: " + Roles.ALL);
			}
			if (errors.isEmpty()) {
				details.add(User.withUsername(user.name()).password(user.password()).roles(user.roles().toArray(String[]::new)).build());
			}
		}
		if (!errors.isEmpty()) {
			throw new IllegalStateException("Invalid API users:\n  " + String.join("\n  ", errors));
		}
		return details;
	}
}
