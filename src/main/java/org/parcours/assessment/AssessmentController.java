package org.parcours.assessment;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.parcours.patient.Patient;
import org.parcours.rules.history.ArchivedRuleSets;

@RestController
@RequestMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
class AssessmentController implements AssessmentApi {

	private final AssessmentService assessments;

	private final ArchivedRuleSets versions;

	AssessmentController(AssessmentService assessments, ArchivedRuleSets versions) {
		this.assessments = assessments;
		this.versions = versions;
	}

	/** With {@code rulesVersion}, on that version of the rules (the active one, or one from the history): a past answer reproduced. */
	@Override
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	public Assessment assess(@RequestBody Patient patient, @RequestParam(required = false) String rulesVersion) {
		return rulesVersion == null ? assessments.assess(patient) : assessments.on(versions.get(rulesVersion)).assess(patient);
	}
}
