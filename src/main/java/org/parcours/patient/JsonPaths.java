package org.parcours.patient;

import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;

/** Where a JSON parser stands, said as input errors name fields: {@code conditions[1].category}. */
public final class JsonPaths {

	/** How Jackson's parser starts its message for {@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}. */
	private static final String DUPLICATE_KEY = "Duplicate Object property";

	private JsonPaths() {
	}

	/** The path of the value the parser is at, including the key just read; {@code $} at the top. */
	public static String of(TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
			String segment = at.inArray() ? "[" + at.getCurrentIndex() + "]" : at.currentName();
			if (segment != null) {
				path.insert(0, path.isEmpty() || path.charAt(0) == '[' ? "" : ".").insert(0, segment);
			}
		}
		return path.isEmpty() ? "$" : path.toString();
	}

	/** Whether the parser stopped at a key given twice in one object (the parser then stands at that key). */
	public static boolean isDuplicateKey(StreamReadException ex) {
		return String.valueOf(ex.getOriginalMessage()).startsWith(DUPLICATE_KEY);
	}
}
