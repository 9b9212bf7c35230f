package org.parcours.rules;

/**
 * Formats a rule-set version: the first 12 hex digits of the content hash, nothing else, so that the
 * same files give the same version on every restart and every instance (the load time is a field of
 * its own).
 */
final class RuleSetVersion {

	static final int LENGTH = 12;

	private RuleSetVersion() {
	}

	static String of(String contentHash) {
		return contentHash.substring(0, LENGTH);
	}
}
