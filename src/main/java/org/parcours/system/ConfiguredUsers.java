package org.parcours.system;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Turns {@code parcours.security.users} into Spring users, refusing at start-up what would otherwise
 * fail on the first request (a password without its {@code {id}} encoding prefix, an unknown role, a
 * user without a name, the same name twice). Messages name the user's index and never its password.
 */
final class ConfiguredUsers {

	private static final Pattern ENCODED = Pattern.compile("^\\{(bcrypt|noop|argon2|argon2@SpringSecurity_v5_8|pbkdf2|pbkdf2@SpringSecurity_v5_8|scrypt|scrypt@SpringSecurity_v5_8|sha256)\\}.+", Pattern.DOTALL);

	/** A bcrypt hash: its version and its cost (log2 of the rounds), as in {@code {bcrypt}$2a$12$...}. */
	private static final Pattern BCRYPT = Pattern.compile("^\\{bcrypt\\}\\$(2[aby]?)\\$(\\d\\d)\\$.*", Pattern.DOTALL);

	private ConfiguredUsers() {
	}

	/**
	 * The password encoder for these users. It checks every supported encoding; what it encodes
	 * matters once: Spring Security checks the password of an unknown user name against a hash it
	 * encodes itself, so that a wrong name costs as much as a wrong password and the time taken does
	 * not tell which names exist. That hash must therefore cost what the configured ones cost: with
	 * bcrypt users it uses the highest configured cost (Spring's default is 10, so cost-12 hashes made
	 * unknown names answer four times faster); with {@code {noop}} users only, no hashing at all.
	 * (Other encodings keep Spring's default for the stand-in.)
	 */
	static PasswordEncoder passwordEncoder(List<SecurityProperties.User> users) {
		PasswordEncoder every = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		Optional<Matcher> costliest = users.stream().map(user -> user.password() == null ? null : BCRYPT.matcher(user.password()))
			.filter(hash -> hash != null && hash.matches()).max(Comparator.comparingInt(hash -> Integer.parseInt(hash.group(2))));
		DelegatingPasswordEncoder encoder;
		if (costliest.isPresent()) {
			BCryptPasswordEncoder.BCryptVersion version = switch (costliest.get().group(1)) {
				case "2b" -> BCryptPasswordEncoder.BCryptVersion.$2B;
				case "2y" -> BCryptPasswordEncoder.BCryptVersion.$2Y;
				default -> BCryptPasswordEncoder.BCryptVersion.$2A;
			};
			encoder = new DelegatingPasswordEncoder("bcrypt",
					Map.of("bcrypt", new BCryptPasswordEncoder(version, Integer.parseInt(costliest.get().group(2)))));
		}
		else if (!users.isEmpty() && users.stream().allMatch(user -> user.password() != null && user.password().startsWith("{noop}"))) {
			encoder = new DelegatingPasswordEncoder("noop", Map.of("noop", noHashing()));
		}
		else {
			return every;
		}
		encoder.setDefaultPasswordEncoderForMatches(every);
		return encoder;
	}

	@SuppressWarnings("deprecation") // {noop} passwords are for local use only, as the deprecation says
	private static PasswordEncoder noHashing() {
		return NoOpPasswordEncoder.getInstance();
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
