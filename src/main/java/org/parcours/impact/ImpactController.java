package org.parcours.impact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import org.parcours.patient.PatientValidator;
import org.parcours.roster.RosterFileException;
import org.parcours.roster.RosterProfiles;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.CandidateRuleSets;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetException;

/**
 * {@code POST /api/v1/rules/impact}: the impact of a candidate rule set (a zip of a rules directory)
 * against the active one on a roster (CSV), both parts of one multipart request. The candidate goes
 * through the activation pipeline without being activated; the roster is streamed from the uploaded
 * part through both rule sets. The report in JSON, or as the self-contained HTML page with
 * {@code Accept: text/html}.
 */
@RestController
@RequestMapping("/api/v1/rules")
@EnableConfigurationProperties(ImpactProperties.class)
class ImpactController implements ImpactApi {

	static final URI INVALID_ARCHIVE = URI.create("https://parcours.example/problems/invalid-rule-set-archive");

	static final URI REFUSED = URI.create("https://parcours.example/problems/rule-set-refused");

	private final ActiveRuleSet active;

	private final CandidateRuleSets candidates;

	private final PatientValidator validator;

	private final Clock clock;

	private final ImpactProperties limits;

	ImpactController(ActiveRuleSet active, CandidateRuleSets candidates, PatientValidator validator, Clock clock, ImpactProperties limits) {
		this.active = active;
		this.candidates = candidates;
		this.validator = validator;
		this.clock = clock;
		this.limits = limits;
	}

	@Override
	@PostMapping(path = "/impact", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
	public ImpactReport impact(@RequestPart("rules") MultipartFile rules, @RequestPart("roster") MultipartFile roster,
			@RequestParam(name = "profile", required = false) String profile,
			@RequestParam(name = "outcome", required = false) String outcome) throws IOException {
		RuleSet baseline = active.get();
		OutcomeSpec spec = outcome == null || outcome.isBlank() ? null : OutcomeSpec.parse(outcome, "outcome");
		RuleSet candidate;
		try (InputStream zip = rules.getInputStream()) {
			candidate = candidates.check(RuleSetArchive.read(zip, rules.getSize(), limits));
		}
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(roster.getInputStream(), StandardCharsets.UTF_8), 1 << 16)) {
			return ImpactAnalysis.run(baseline, candidate, reader, RosterProfiles.named(profile), spec, validator, LocalDate.now(clock),
					rows -> {
					});
		}
	}

	@Override
	@PostMapping(path = "/impact", consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.TEXT_HTML_VALUE)
	public String impactPage(@RequestPart("rules") MultipartFile rules, @RequestPart("roster") MultipartFile roster,
			@RequestParam(name = "profile", required = false) String profile,
			@RequestParam(name = "outcome", required = false) String outcome) throws IOException {
		return HtmlReport.render(impact(rules, roster, profile, outcome));
	}

	@ExceptionHandler(RuleSetArchive.InvalidArchiveException.class)
	ResponseEntity<ProblemDetail> invalidArchive(RuleSetArchive.InvalidArchiveException ex) {
		String entry = ex.entry() == null ? "" : " (entry '" + ex.entry() + "')";
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The candidate rule set cannot be read: "
				+ ex.getMessage() + entry + ".");
		problem.setType(INVALID_ARCHIVE);
		problem.setTitle("Invalid rule-set archive");
		problem.setProperty("errors", List.of(ex.entry() == null ? Map.of("field", "rules", "message", ex.getMessage())
				: Map.of("field", "rules", "entry", ex.entry(), "message", ex.getMessage())));
		return problem(problem);
	}

	@ExceptionHandler(RosterFileException.class)
	ResponseEntity<ProblemDetail> invalidRoster(RosterFileException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The roster cannot be compared: " + ex.getMessage());
		problem.setTitle("Invalid roster");
		problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		return problem(problem);
	}

	@ExceptionHandler(RuleSetException.class)
	ResponseEntity<ProblemDetail> refused(RuleSetException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The candidate rule set would be refused at activation: " + ex.stage() + " failed.");
		problem.setType(REFUSED);
		problem.setTitle("Rule set refused");
		problem.setProperty("stage", ex.stage());
		problem.setProperty("problems", ex.problems());
		return problem(problem);
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
