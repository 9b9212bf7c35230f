package org.parcours.cdshooks;

import java.net.URI;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** CDS Hooks answers of their own: 412 when required prefetch is missing, 404 for a service discovery does not list. */
@RestControllerAdvice(assignableTypes = CdsHooksController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CdsHooksAdvice {

	@ExceptionHandler(PrefetchMissingException.class)
	ProblemDetail prefetchMissing(PrefetchMissingException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED,
				"This service does not query the FHIR server: send the prefetch its discovery entry lists. Missing: "
						+ String.join(", ", ex.missing()) + ".");
		problem.setType(URI.create("https://parcours.example/problems/prefetch-missing"));
		problem.setTitle("Required prefetch missing");
		problem.setProperty("missing", ex.missing());
		return problem;
	}

	@ExceptionHandler(UnknownServiceException.class)
	ProblemDetail unknownService(UnknownServiceException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No CDS service has this id; GET /cds-services lists them.");
		problem.setTitle("Unknown CDS service");
		return problem;
	}
}
