package org.parcours.cdshooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.parcours.fhir.FhirAssessments;
import org.parcours.fhir.FhirJson;
import org.parcours.fhir.FhirRecord;
import org.parcours.fhir.RiskAssessmentWriter;
import org.parcours.patient.InputError;
import org.parcours.patient.InvalidPatientException;

/**
 * CDS Hooks 2.0: discovery, the admission ({@code encounter-start}) and discharge
 * ({@code encounter-discharge}) services, and card feedback. Data comes only from prefetch; the
 * assessment is the same as the JSON and FHIR APIs give.
 */
@RestController
@RequestMapping(path = "/cds-services", produces = MediaType.APPLICATION_JSON_VALUE)
class CdsHooksController implements CdsHooksApi {

	private static final Set<String> OUTCOMES = Set.of("accepted", "overridden");

	private final PrefetchReader prefetch;

	private final FhirAssessments assessments;

	private final FhirJson json;

	private final CdsMetrics metrics;

	CdsHooksController(PrefetchReader prefetch, FhirAssessments assessments, FhirJson json, CdsMetrics metrics) {
		this.prefetch = prefetch;
		this.assessments = assessments;
		this.json = json;
		this.metrics = metrics;
	}

	/** The discovery answer. */
	record Discovery(List<CdsService> services) {
	}

	@Override
	@GetMapping
	public Discovery discovery() {
		return new Discovery(CdsService.ALL);
	}

	@Override
	@PostMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	public CdsResponse call(@PathVariable String id, @RequestBody CdsRequest request) {
		CdsService service = CdsService.byId(id).orElseThrow(UnknownServiceException::new);
		check(service, request);
		FhirRecord record = prefetch.read(service, request.prefetch());
		if (!request.context().patientId().equals(patientId(record))) {
			throw invalid("prefetch.patient", "is not the patient named by context.patientId");
		}
		FhirAssessments.Result result = assessments.assess(record, request.context().encounterId(), null);
		String riskAssessment = json.write(RiskAssessmentWriter.of(result.assessment(), result.mapped(), result.mappings()));
		var cards = CdsService.ADMISSION.equals(service.id()) ? CardWriter.admission(result.assessment(), result.mappings(), riskAssessment)
				: CardWriter.discharge(result.assessment(), result.mappings(), riskAssessment);
		cards.forEach(card -> metrics.card(service.id(), card.indicator()));
		return new CdsResponse(cards);
	}

	@Override
	@PostMapping(path = "/{id}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
	public Map<String, Object> feedback(@PathVariable String id, @RequestBody CdsFeedback feedback) {
		CdsService service = CdsService.byId(id).orElseThrow(UnknownServiceException::new);
		List<InputError> errors = new ArrayList<>();
		if (feedback.feedback() == null || feedback.feedback().isEmpty()) {
			errors.add(new InputError("feedback", "must list at least one card's outcome"));
		}
		else {
			for (int i = 0; i < feedback.feedback().size(); i++) {
				var item = feedback.feedback().get(i);
				if (item == null || item.card() == null || item.card().isBlank()) {
					errors.add(new InputError("feedback[" + i + "].card", "is required (the card's uuid)"));
				}
				if (item == null || !OUTCOMES.contains(item.outcome())) {
					errors.add(new InputError("feedback[" + i + "].outcome", "must be accepted or overridden"));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidPatientException(errors);
		}
		feedback.feedback().forEach(item -> metrics.feedback(service.id(), item.outcome(), item.overrideReason()));
		return Map.of();
	}

	private static void check(CdsService service, CdsRequest request) {
		List<InputError> errors = new ArrayList<>();
		if (!service.hook().equals(request.hook())) {
			errors.add(new InputError("hook", "must be " + service.hook() + " for this service"));
		}
		if (request.context() == null || blank(request.context().patientId())) {
			errors.add(new InputError("context.patientId", "is required"));
		}
		if (request.context() == null || blank(request.context().encounterId())) {
			errors.add(new InputError("context.encounterId", "is required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidPatientException(errors);
		}
	}

	private static String patientId(FhirRecord record) {
		return record.patient().getIdElement().getIdPart();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static InvalidPatientException invalid(String field, String message) {
		return new InvalidPatientException(List.of(new InputError(field, message)));
	}
}
