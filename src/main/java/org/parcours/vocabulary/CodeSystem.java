package org.parcours.vocabulary;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Code systems a condition may be coded in; {@code category} is a chronic category sent by name. */
public enum CodeSystem {

	ICD_10("icd-10"), ICD_9("icd-9"), SNOMED("snomed"), CATEGORY("category");

	private final String id;

	CodeSystem(String id) {
		this.id = id;
	}

	@JsonValue
	public String id() {
		return id;
	}

	public static Optional<CodeSystem> fromId(String id) {
		return Arrays.stream(values()).filter(system -> system.id.equals(id)).findFirst();
	}
}
