package org.parcours.rules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats a rule-set version: the first 12 hex digits of the content hash and the UTC load time. */
final class RuleSetVersion {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

	private RuleSetVersion() {
	}

	static String of(String contentHash, Instant loadedAt) {
		return contentHash.substring(0, 12) + "-" + STAMP.format(loadedAt);
	}
}
