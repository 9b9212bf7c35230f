package org.parcours.fhir;

import java.util.List;
import java.util.Locale;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ScalarType;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue.ValueType;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import org.parcours.patient.InputError;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.JsonPaths;

/**
 * Reads and writes FHIR R4 JSON with HAPI's parser on the shared context. Parse problems become
 * input errors that say what is wrong without quoting the body: HAPI's own messages and its lenient
 * handler's log lines can carry values from the resource, so neither is passed on. As strict as the
 * JSON API: a key given twice, a {@code null} member (FHIR JSON has none) and a value HAPI sees is of
 * the wrong JSON type ({@code 12} for an id) are refused, where HAPI alone would let the last key win,
 * fail on the null with an internal error, or convert the value. (HAPI reads most primitives from
 * their text whatever the JSON type, {@code "true"} for a boolean or {@code 12} for a family name; only
 * what it flags itself can be refused here.)
 */
@Component
public class FhirJson {

	private final FhirContext context;

	private final JsonMapper json;

	/** {@code json} is the application's mapper, which refuses duplicate keys (see StrictJsonConfiguration). */
	FhirJson(FhirContext context, JsonMapper json) {
		this.context = context;
		this.json = json;
	}

	/** Parses a resource of the expected type; {@code field} names where it came from in error messages. */
	public <T extends Resource> T read(String json, Class<T> type, String field) {
		checkShape(json, field.equals("$") ? type.getSimpleName() : field);
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

	/** Refuses keys given twice and null members; leaves malformed JSON to HAPI's parse, which reports it. */
	private void checkShape(String body, String at) {
		try (JsonParser parser = json.createParser(body)) {
			try {
				for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
					if (token == JsonToken.VALUE_NULL && parser.streamReadContext().inObject()) {
						throw invalid(at + "." + JsonPaths.of(parser.streamReadContext()), "must not be null: FHIR JSON has no null values");
					}
				}
			}
			catch (StreamReadException ex) {
				if (JsonPaths.isDuplicateKey(ex)) {
					throw invalid(at + "." + JsonPaths.of(parser.streamReadContext()), "is given twice");
				}
			}
		}
	}

	public String write(IBaseResource resource) {
		return parser().encodeResourceToString(resource);
	}

	private IParser parser() {
		// Parsers are cheap and not thread-safe; the context behind them is the expensive, shared part.
		return context.newJsonParser().setParserErrorHandler(new StrictTypes());
	}

	/** HAPI's lenient handling (unknown elements are skipped), except that a value of the wrong JSON type is refused, named by its element. */
	private static final class StrictTypes extends LenientErrorHandler {

		StrictTypes() {
			super(false);
			setErrorOnInvalidValue(true);
		}

		@Override
		public void incorrectJsonType(IParseLocation location, String element, ValueType expected, ScalarType expectedScalar,
				ValueType found, ScalarType foundScalar) {
			String parent = location == null || location.getParentElementName() == null ? "" : location.getParentElementName() + ".";
			throw invalid(parent + element, "must be a JSON " + (expected == ValueType.SCALAR && expectedScalar != null
					? expectedScalar.name().toLowerCase(Locale.ROOT) : expected.name().toLowerCase(Locale.ROOT)));
		}
	}

	private static InvalidPatientException invalid(String field, String message) {
		return new InvalidPatientException(List.of(new InputError(field, message)));
	}
}
