package org.parcours.rules;

import java.nio.charset.StandardCharsets;

/** One file of a rule set, as read from disk: its path relative to the rules directory and its bytes. */
public record RuleFile(String path, byte[] content) {

	public String sha256() {
		return Sha256.of(content);
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
