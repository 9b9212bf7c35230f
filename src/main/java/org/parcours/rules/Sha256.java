package org.parcours.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of bytes or text, in lowercase hexadecimal: how files, cache entries and verdicts are named and checked. */
final class Sha256 {

	private Sha256() {
	}

	static String of(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** Of the text's UTF-8 bytes. */
	static String of(String text) {
		return of(text.getBytes(StandardCharsets.UTF_8));
	}
}
