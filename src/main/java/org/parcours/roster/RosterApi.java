package org.parcours.roster;

import java.io.IOException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The OpenAPI description of roster scoring. The controller streams the request and the response
 * itself, so the CSV body and answer are declared here for clients and for the browsable page.
 */
@Tag(name = "Rosters", description = "A CSV file of patients in, the same rows scored out, streamed both ways")
interface RosterApi {

	String PROBLEM = "#/components/schemas/Problem";

	/** A short canonical roster: what the browsable page sends when tried out. */
	String EXAMPLE = """
			patientId,age,sex,conditions,history.admissionsLast12Months,stay.admissionType,stay.lengthOfStayDays
			R-1,81,female,icd-10:I50.9;icd-10:N18.3,2,urgent,8
			R-2,45,male,none,0,elective,2
			R-3,,,icd-10:J44.1,1,urgent,5
			""";

	@Operation(summary = "Score a roster",
			description = "One output row per input row, in input order. The header is checked first: a roster that cannot be "
					+ "scored at all is a 400 and nothing is written. After that a bad row is an error row (its error column says "
					+ "which field and why); the run goes on. The canonical profile takes any subset of the canonical columns "
					+ "(patientId, age or birthDate, sex, residence.*, conditions as system:code;system:code, medications as ATC "
					+ "codes, history.*, stay.*, functional.*, pregnancy.*); uci-diabetes-130 reads the UCI Diabetes 130-US file.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "The roster, UTF-8 "
					+ "unless the Content-Type names another charset; the first line is the header",
					content = @Content(mediaType = RosterController.TEXT_CSV, schema = @Schema(type = "string"),
							examples = @ExampleObject(name = "three patients, canonical", value = EXAMPLE))))
	@ApiResponse(responseCode = "200", description = "The scored roster. Columns: id; the kept input columns; level, label, charlson, "
			+ "charlson_age_adjusted, lace, lace_band, hospital, hospital_band; one status column per programme of the active rule "
			+ "set, named by programme id; reasons (rule ids, programme:rule+rule); warnings (codes); error (kind: field message)",
			headers = @Header(name = RosterController.RULES_VERSION_HEADER, description = "The rule-set version that scored every row",
					schema = @Schema(type = "string")),
			content = @Content(mediaType = RosterController.TEXT_CSV, schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "400", description = "Unknown profile, empty roster, unusable header or unknown column to keep: "
			+ "problem details with errors[{field, message}]",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "415", description = "Not text/csv", content = @Content(mediaType = "application/problem+json",
			schema = @Schema(ref = PROBLEM)))
	void score(
			@Parameter(description = "How the columns are read", schema = @Schema(type = "string", defaultValue = CanonicalProfile.NAME,
					allowableValues = { CanonicalProfile.NAME, UciDiabetesProfile.NAME })) String profile,
			@Parameter(description = "Input columns copied to the output after the id, by header name") List<String> keep,
			@Parameter(hidden = true) HttpServletRequest request, @Parameter(hidden = true) HttpServletResponse response)
			throws IOException;
}
