package org.parcours.cdshooks;

import java.util.List;

/** Required prefetch that the client did not send (CDS Hooks: answer 412, since this service cannot fetch it). */
class PrefetchMissingException extends RuntimeException {

	private final transient List<String> missing;

	PrefetchMissingException(List<String> missing) {
		super("missing prefetch: " + missing);
		this.missing = List.copyOf(missing);
	}

	List<String> missing() {
		return missing;
	}
}
