package org.parcours.impact;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.multipart.MultipartFile;

/** The OpenAPI description of the impact endpoint. */
@Tag(name = "Rules", description = "The active rule set, and activation of an edited rules directory")
interface ImpactApi {

	String PROBLEM = "#/components/schemas/Problem";

	String DESCRIPTION = "Multipart: rules, a zip of a candidate rules directory (rule files, decision tables, vocabulary/*.csv, "
			+ "cases/*.json, the population guard's cases/*.csv; a single top folder is dropped); roster, a CSV roster. The candidate goes through the activation "
			+ "pipeline (safety check, compilation, golden cases) without being activated; every row is then scored by the active "
			+ "rule set and by the candidate, paired. outcome=COLUMN=VALUE (readmitted=<30) adds positive rates per level with "
			+ "Wilson intervals and AUCs with DeLong intervals. Role rules-admin.";

	@Operation(summary = "Impact of a candidate rule set on a roster", description = DESCRIPTION)
	@ApiResponse(responseCode = "200", description = "The impact report: baseline and candidate (version, files, differing files), "
			+ "rows, errorRows, levels, levelTransitions[{from, to, count}], programmes, rules, byAgeBandAndSex, examples (row ids "
			+ "only), population.baseline / population.candidate (levelShares, targets, alerts) and, with an outcome, outcome.baseline / outcome.candidate (rateByLevel, auc, roc) and aucDifference",
			content = @Content(mediaType = "application/json", schema = @Schema(implementation = ImpactReport.class)))
	@ApiResponse(responseCode = "400", description = "An archive entry outside the directory, an archive too large, an entry that is "
			+ "not a rule, table, vocabulary or case file (errors[{field, entry, message}]); an unknown profile, an unusable roster "
			+ "header or outcome column (errors[{field, message}])",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	@ApiResponse(responseCode = "422", description = "The candidate would be refused at activation: problem details with stage and "
			+ "problems[{file, line, message}]", content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
	ImpactReport impact(@Parameter(description = "A zip of the candidate rules directory") MultipartFile rules,
			@Parameter(description = "The roster, CSV with a header, UTF-8") MultipartFile roster,
			@Parameter(description = "How the roster's columns are read", schema = @Schema(type = "string", defaultValue = "canonical",
					allowableValues = { "canonical", "uci-diabetes-130" })) String profile,
			@Parameter(description = "COLUMN=VALUE: the roster column of an observed outcome and the value marking a positive row",
					example = "readmitted=<30") String outcome)
			throws IOException;

	@Operation(summary = "Impact of a candidate rule set on a roster, as a self-contained HTML page",
			description = DESCRIPTION + " With Accept: text/html: one page with inline SVG, readable without the service.")
	@ApiResponse(responseCode = "200", description = "The report page", content = @Content(mediaType = "text/html",
			schema = @Schema(type = "string")))
	String impactPage(MultipartFile rules, MultipartFile roster, String profile, String outcome) throws IOException;
}
