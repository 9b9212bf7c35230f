package org.parcours.fhir;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.parcours.patient.InputError;
import org.parcours.patient.InvalidPatientException;
import org.parcours.rules.history.ArchivedRuleSets;

/**
 * {@code POST /api/v1/assessments} with a FHIR R4 Bundle ({@code Content-Type: application/fhir+json}):
 * the same assessment as the JSON API, answered as the contract's JSON, or as a FHIR
 * {@code RiskAssessment} when the caller accepts {@code application/fhir+json}.
 */
@RestController
class FhirAssessmentController implements FhirAssessmentApi {

	static final String FHIR_JSON = "application/fhir+json";

	private static final MediaType FHIR = MediaType.parseMediaType(FHIR_JSON);

	private final FhirAssessments assessments;

	private final FhirJson json;

	private final ArchivedRuleSets versions;

	FhirAssessmentController(FhirAssessments assessments, FhirJson json, ArchivedRuleSets versions) {
		this.assessments = assessments;
		this.json = json;
		this.versions = versions;
	}

	/**
	 * @param encounter the id of the index stay; without it the ongoing (else latest) inpatient stay
	 * @param assessmentDate YYYY-MM-DD the windows count back from; without it the index stay's end, else today
	 * @param rulesVersion a past rule-set version to answer with instead of the active one (reproducing a past answer)
	 */
	@Override
	@PostMapping(path = "/api/v1/assessments", consumes = FHIR_JSON, produces = { MediaType.APPLICATION_JSON_VALUE, FHIR_JSON })
	public ResponseEntity<Object> assess(@RequestBody String body, @RequestParam(required = false) String encounter,
			@RequestParam(required = false) String assessmentDate, @RequestParam(required = false) String rulesVersion,
			@RequestHeader(name = "Accept", required = false) String accept) {
		Bundle bundle = json.read(body, Bundle.class, "$");
		FhirAssessments.Result result = rulesVersion == null ? assessments.assess(FhirRecord.of(bundle), encounter, date(assessmentDate))
				: assessments.assess(versions.get(rulesVersion), FhirRecord.of(bundle), encounter, date(assessmentDate));
		if (wantsFhir(accept)) {
			return ResponseEntity.ok().contentType(FHIR).body(json.write(RiskAssessmentWriter.of(result.assessment(), result.mapped(), result.mappings())));
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(result.assessment());
	}

	/** FHIR out only when asked for before (or instead of) plain JSON: the contract's JSON stays the default. */
	private static boolean wantsFhir(String accept) {
		if (accept == null) {
			return false;
		}
		List<MediaType> types = new ArrayList<>(MediaType.parseMediaTypes(accept));
		types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.isCompatibleWith(FHIR) && !type.isWildcardType() && !type.isWildcardSubtype()) {
				return true;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
				return false;
			}
		}
		return false;
	}

	private static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidPatientException(List.of(new InputError("assessmentDate", "must be a date as YYYY-MM-DD")));
		}
	}
}
