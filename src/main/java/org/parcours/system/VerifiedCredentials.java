package org.parcours.system;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Remembers credentials that already passed the (deliberately slow) password check. HTTP Basic sends
 * the password with every request and this API keeps no session, so without this every call would
 * pay a full bcrypt verification (tens of milliseconds of CPU at cost 10, more than an assessment).
 * Only successes are remembered, as an HMAC under a key that lives in this process's memory only,
 * keyed by the stored hash too, so a changed password is never matched by an old entry; the set is
 * bounded and simply emptied when full.
 */
final class VerifiedCredentials implements PasswordEncoder {

	private static final int MAX_ENTRIES = 4096;

	private final PasswordEncoder delegate;

	private final ThreadLocal<Mac> macs;

	private final Map<String, Boolean> verified = new ConcurrentHashMap<>();

	VerifiedCredentials(PasswordEncoder delegate) {
		this.delegate = delegate;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
		// a Mac is not thread-safe, and looking one up per request cost more than the HMAC itself
		this.macs = ThreadLocal.withInitial(() -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(key);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
			}
		});
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return delegate.matches(rawPassword, encodedPassword);
		}
		String entry = mac(encodedPassword + '\u0000' + rawPassword);
		if (verified.containsKey(entry)) {
			return true;
		}
		boolean matches = delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			if (verified.size() >= MAX_ENTRIES) {
				verified.clear();
			}
			verified.put(entry, Boolean.TRUE);
		}
		return matches;
	}

	/**
	 * Never: users come from configuration, so an "upgraded" hash could not be stored anywhere, and
	 * Spring Security would otherwise bcrypt-encode a {@code {noop}} password again on every request.
	 */
	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return false;
	}

	private String mac(String text) {
		return java.util.HexFormat.of().formatHex(macs.get().doFinal(text.getBytes(StandardCharsets.UTF_8)));
	}
}
