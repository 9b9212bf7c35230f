package org.parcours.roster;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.parcours.patient.PatientValidator;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.RuleSet;

/**
 * {@code POST /api/v1/rosters/score}: a roster in {@code text/csv}, the scored roster back in
 * {@code text/csv}, streamed both ways: rows are read from the request and written to the response as
 * they are scored, never the whole file in memory. The header is checked before anything is written,
 * so a roster that cannot be scored at all is a 400 problem; after that, a bad row is an error row.
 * The rule-set version that scored the roster is in the {@code Parcours-Rules-Version} header.
 */
@RestController
@RequestMapping("/api/v1/rosters")
class RosterController implements RosterApi {

	static final String TEXT_CSV = "text/csv";

	static final String RULES_VERSION_HEADER = "Parcours-Rules-Version";

	private final ActiveRuleSet rules;

	private final PatientValidator validator;

	private final Clock clock;

	private final RosterMetrics metrics;

	RosterController(ActiveRuleSet rules, PatientValidator validator, Clock clock, RosterMetrics metrics) {
		this.rules = rules;
		this.validator = validator;
		this.clock = clock;
		this.metrics = metrics;
	}

	@Override
	@PostMapping(path = "/score", consumes = TEXT_CSV, produces = TEXT_CSV)
	public void score(@RequestParam(name = "profile", required = false) String profile,
			@RequestParam(name = "keep", required = false) List<String> keep, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		RosterProfile chosen = RosterProfiles.named(profile);
		RuleSet ruleSet = rules.get();
		Charset charset = request.getCharacterEncoding() == null ? StandardCharsets.UTF_8 : Charset.forName(request.getCharacterEncoding());
		Reader reader = new BufferedReader(new InputStreamReader(request.getInputStream(), charset), 1 << 16);
		RosterJob job = RosterJob.open(reader, chosen, RosterJob.Options.defaults(keep == null ? List.of() : keep), ruleSet, validator,
				LocalDate.now(clock));
		response.setStatus(HttpStatus.OK.value());
		response.setContentType(TEXT_CSV + ";charset=UTF-8");
		response.setHeader(RULES_VERSION_HEADER, ruleSet.version());
		Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
		RosterSummary summary = job.run(writer, RosterJob.Progress.NONE);
		writer.flush();
		metrics.completed(summary);
	}

	@ExceptionHandler(RosterFileException.class)
	ResponseEntity<ProblemDetail> rosterProblem(RosterFileException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The roster cannot be scored: " + ex.getMessage());
		problem.setTitle("Invalid roster");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
