package org.parcours.fhir;

import java.time.LocalDate;
import java.util.Locale;

import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/** Small readings of FHIR values shared by the mappings: ids, references, local dates, codes. */
final class Fhir {

	static final String LOINC = "http://loinc.org";

	private Fhir() {
	}

	/** A resource's logical id, whether it came as {@code Encounter/123} or as a bundle's {@code urn:uuid:123}. */
	static String key(Resource resource) {
		return resource.getIdElement().isEmpty() ? null : strip(resource.getIdElement().getIdPart());
	}

	/** The logical id a reference points at ({@code Encounter/123}, {@code http://x/Encounter/123}, {@code urn:uuid:123}). */
	static String key(Reference reference) {
		if (reference == null || reference.getReference() == null) {
			return null;
		}
		String value = reference.getReference();
		if (value.startsWith("urn:uuid:")) {
			return value.substring("urn:uuid:".length());
		}
		return strip(reference.getReferenceElement().getIdPart());
	}

	/** The resource type a reference names ({@code Patient} for {@code Patient/123}), or {@code null} for a urn. */
	static String type(Reference reference) {
		return reference == null || reference.getReference() == null ? null : reference.getReferenceElement().getResourceType();
	}

	private static String strip(String id) {
		return id != null && id.startsWith("urn:uuid:") ? id.substring("urn:uuid:".length()) : id;
	}

	/** The calendar date as written by the sender (its own time zone), which is what "days" mean in a stay. */
	static LocalDate date(BaseDateTimeType value) {
		if (value == null || value.getValue() == null) {
			return null;
		}
		return LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay());
	}

	/** Whether any coding of {@code concept} has one of the codes (compared case-insensitively). */
	static boolean hasCode(CodeableConcept concept, String... codes) {
		if (concept == null) {
			return false;
		}
		for (Coding coding : concept.getCoding()) {
			if (coding.getCode() != null) {
				for (String code : codes) {
					if (code.equalsIgnoreCase(coding.getCode())) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/** The unit of a quantity as sent: its UCUM code, else its human unit; empty when neither. */
	static String unit(org.hl7.fhir.r4.model.Quantity quantity) {
		String unit = quantity.hasCode() ? quantity.getCode() : quantity.getUnit();
		return unit == null ? "" : unit.strip();
	}

	static String firstCode(CodeableConcept concept) {
		if (concept == null) {
			return null;
		}
		return concept.getCoding().stream().map(Coding::getCode).filter(code -> code != null && !code.isBlank())
			.map(code -> code.strip().toLowerCase(Locale.ROOT)).findFirst().orElse(null);
	}
}
