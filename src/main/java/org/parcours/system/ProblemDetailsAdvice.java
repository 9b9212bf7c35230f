package org.parcours.system;

import java.net.URI;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import org.parcours.patient.InputError;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.JsonPaths;
import org.parcours.patient.Kebab;
import org.parcours.rules.EvaluationLimitException;
import org.parcours.rules.NoActiveRuleSetException;

/**
 * Every client error as RFC 9457 problem details. Messages name the field and what is expected,
 * never the value sent: request bodies carry patient data, which must not come back in errors or
 * reach logs.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	static final URI INVALID_INPUT = URI.create("https://parcours.example/problems/invalid-input");

	static final URI EVALUATION_LIMIT = URI.create("https://parcours.example/problems/evaluation-limit-exceeded");

	@ExceptionHandler(InvalidPatientException.class)
	ProblemDetail invalidPatient(InvalidPatientException ex) {
		return invalid("The patient input is not valid.", ex.errors());
	}

	@ExceptionHandler(NoActiveRuleSetException.class)
	ProblemDetail noRules(NoActiveRuleSetException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"No rule set is active; see GET /api/v1/rules for the last load attempt.");
		problem.setTitle("No active rule set");
		return problem;
	}

	/** The active rules passed an evaluation limit: a defect of the rule set, not of the request, named by its last rule. */
	@ExceptionHandler(EvaluationLimitException.class)
	ProblemDetail evaluationLimit(EvaluationLimitException ex, HttpServletRequest request) {
		log.error("Rules passed an evaluation limit answering {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The rules were stopped: " + ex.getMessage() + ". This is a defect of the active rule set; it has been logged.");
		problem.setType(EVALUATION_LIMIT);
		problem.setTitle("Rule evaluation limit exceeded");
		problem.setProperty("limit", ex.limit().toString());
		problem.setProperty("rule", ex.rule());
		return problem;
	}

	/**
	 * Anything else is our failure, not the caller's: a 500 that says so and nothing more. Neither the
	 * answer nor the log carries the exception's message, because a failing rule consequence or mapper
	 * puts the facts it was working on (the patient's) into it; the log names the exception types and
	 * where they were thrown, which is what an engineer needs to find the rule or the code.
	 */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected failure answering {} {}: {} (messages withheld: they may carry patient data)", request.getMethod(),
				request.getRequestURI(), UnexpectedFailure.describe(ex));
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The request could not be answered because of an error on our side; it has been logged.");
		problem.setTitle("Internal error");
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		DataSize tooLarge = BodySizeLimitFilter.tooLarge(ex);
		if (tooLarge != null) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(BodySizeLimitFilter.problem(tooLarge));
		}
		return ResponseEntity.badRequest().body(invalid(unreadable(ex)));
	}

	static ProblemDetail invalid(String detail, List<InputError> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setType(INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperty("errors", errors.stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
		return problem;
	}

	private static ProblemDetail invalid(InputError error) {
		return invalid(error.field().equals("$") ? error.message() : "The request body could not be read.", List.of(error));
	}

	/** What was wrong with an unreadable body, said without quoting it. */
	static InputError unreadable(HttpMessageNotReadableException ex) {
		Throwable cause = jacksonCause(ex);
		if (cause instanceof UnrecognizedPropertyException unknown) {
			return new InputError(path(unknown), "is not a field of this API");
		}
		if (cause instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
			return new InputError(path(format), "must be one of " + String.join(", ", Kebab.allowed(format.getTargetType())));
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return new InputError(path(mismatch), "must be " + expected(mismatch.getTargetType()));
		}
		if (cause instanceof DatabindException databind) {
			return new InputError(path(databind), "has a value of the wrong type");
		}
		if (cause instanceof InputCoercionException range) {
			return new InputError(path(range), "is out of range for " + expected(range.getTargetType()));
		}
		if (cause instanceof StreamReadException read && JsonPaths.isDuplicateKey(read)) {
			return new InputError(path(read), "is given twice");
		}
		if (cause instanceof StreamReadException read && read.getLocation() != null) {
			return new InputError("$", "Malformed JSON at line " + read.getLocation().getLineNr() + ", column "
					+ read.getLocation().getColumnNr() + ".");
		}
		return new InputError("$", "The request body is missing or is not JSON.");
	}

	/** The Jackson exception that says where reading failed (a date's own parse error lies deeper). */
	private static Throwable jacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException) {
				return cause;
			}
		}
		return ex.getCause();
	}

	/**
	 * Where reading failed: for a failure of the parser itself (a number out of range, a key given
	 * twice) the parser's position, which includes the offending key; else the path the binder recorded.
	 */
	private static String path(JacksonException ex) {
		if (ex instanceof StreamReadException && ex.processor() instanceof JsonParser parser) {
			return JsonPaths.of(parser.streamReadContext());
		}
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "$" : path.toString();
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "of another type";
		}
		if (type == Integer.class || type == int.class || type == Long.class) {
			return "a whole number";
		}
		if (type == Double.class || type == double.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false";
		}
		if (type == String.class) {
			return "a string";
		}
		if (type == java.time.LocalDate.class) {
			return "a date as YYYY-MM-DD";
		}
		if (List.class.isAssignableFrom(type)) {
			return "an array";
		}
		return "an object";
	}
}
