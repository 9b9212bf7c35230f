package org.parcours.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of a rule set, as read from disk: its path relative to the rules directory and its bytes. */
public record RuleFile(String path, byte[] content) {

	public String sha256() {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	public String text() {
		return new String(content, StandardCharsets.UTF_8);
	}

	boolean isDrl() {
		return path.endsWith(".drl");
	}

	boolean isDecisionTable() {
		return path.endsWith(".drl.csv");
	}

	boolean isVocabulary() {
		return path.startsWith("vocabulary/") && path.endsWith(".csv");
	}

	public boolean isCase() {
		return path.startsWith("cases/") && path.endsWith(".json");
	}
}
