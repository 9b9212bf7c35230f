package org.parcours.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

import org.springframework.stereotype.Component;

import org.parcours.patient.InputError;
import org.parcours.patient.InvalidPatientException;

/**
 * Reads and writes FHIR R4 JSON with HAPI's parser on the shared context. Parse problems become
 * input errors that say what is wrong without quoting the body: HAPI's own messages and its lenient
 * handler's log lines can carry values from the resource, so neither is passed on.
 */
@Component
public class FhirJson {

	private final FhirContext context;

	FhirJson(FhirContext context) {
		this.context = context;
	}

	/** Parses a resource of the expected type; {@code field} names where it came from in error messages. */
	public <T extends Resource> T read(String json, Class<T> type, String field) {
		IBaseResource resource;
		try {
			resource = parser().parseResource(json);
		}
		catch (DataFormatException | IllegalArgumentException ex) {
			throw invalid(field, "is not a FHIR R4 resource in JSON (a resourceType and valid elements are required)");
		}
		if (!type.isInstance(resource)) {
			throw invalid(field, "must be a " + type.getSimpleName() + " resource, not " + resource.fhirType());
		}
		return type.cast(resource);
	}

	public String write(IBaseResource resource) {
		return parser().encodeResourceToString(resource);
	}

	private IParser parser() {
		// Parsers are cheap and not thread-safe; the context behind them is the expensive, shared part.
		return context.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(true));
	}

	private static InvalidPatientException invalid(String field, String message) {
		return new InvalidPatientException(List.of(new InputError(field, message)));
	}
}
