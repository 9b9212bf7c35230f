package org.parcours.assessment;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.parcours.patient.Patient;

@RestController
@RequestMapping(path = "/api/v1/assessments", produces = MediaType.APPLICATION_JSON_VALUE)
class AssessmentController implements AssessmentApi {

	private final AssessmentService assessments;

	AssessmentController(AssessmentService assessments) {
		this.assessments = assessments;
	}

	@Override
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	public Assessment assess(@RequestBody Patient patient) {
		return assessments.assess(patient);
	}
}
