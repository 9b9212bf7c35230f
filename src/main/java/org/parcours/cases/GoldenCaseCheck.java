package org.parcours.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.Evaluation;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.ActivationCheck;
import org.parcours.rules.EvaluationLimitException;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleProblem;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RulesProperties;

/**
 * The golden cases under {@code rules/cases/} gate every candidate rule set: each case's patient is
 * read as an HTTP request body, validated like one, evaluated on the candidate (never on the active
 * rule set) and its answer compared with what the case expects. A failing case or an unreadable case
 * file is a {@link RuleProblem}, so the candidate does not become active.
 */
@Component
public class GoldenCaseCheck implements ActivationCheck {

	private final PatientValidator validator;

	private final JsonMapper json;

	private final Clock clock;

	private final boolean allowNoCases;

	public GoldenCaseCheck(PatientValidator validator, JsonMapper json, Clock clock, RulesProperties properties) {
		this.validator = validator;
		this.json = json;
		this.clock = clock;
		this.allowNoCases = properties.cases().allowNone();
	}

	/**
	 * One problem per failing case (file, line of its id, case id, expected vs actual) or unreadable case
	 * file; when every case passes, one per level rule or programme no case exercises; or one for a
	 * rule set without any case.
	 */
	@Override
	public List<RuleProblem> check(RuleSet candidate, List<RuleFile> files) {
		if (files.stream().noneMatch(RuleFile::isCase)) {
			return allowNoCases ? List.of() : List.of(new RuleProblem("cases/", 0, "the rule set has no golden cases, so nothing "
					+ "shows that its rules give the expected answers: restore the case files under cases/ (or, only for rules "
					+ "tested some other way, set parcours.rules.cases.allow-none=true)"));
		}
		CaseCoverage coverage = new CaseCoverage(files, candidate.programmes());
		List<RuleProblem> problems = caseProblems(candidate, files, coverage);
		// A failing case says nothing about what the cases cover: the coverage is reported once they all pass.
		return problems.isEmpty() ? coverage.uncovered() : problems;
	}

	/** The problems of the cases themselves, without asking what they cover. */
	List<RuleProblem> caseProblems(RuleSet candidate, List<RuleFile> files) {
		return caseProblems(candidate, files, new CaseCoverage(files, candidate.programmes()));
	}

	private List<RuleProblem> caseProblems(RuleSet candidate, List<RuleFile> files, CaseCoverage coverage) {
		return run(candidate, files, coverage).stream().filter(result -> !result.passed())
			.map(result -> new RuleProblem(result.file(), result.line(),
					(result.caseId() == null ? "" : "case '" + result.caseId() + "': ") + String.join("; ", result.failures())))
			.toList();
	}

	/** Every case of every case file, passed or not, in file order. */
	List<CaseResult> run(RuleSet candidate, List<RuleFile> files) {
		return run(candidate, files, new CaseCoverage(files, candidate.programmes()));
	}

	private List<CaseResult> run(RuleSet candidate, List<RuleFile> files, CaseCoverage coverage) {
		Evaluation evaluation = Evaluation.on(candidate, LocalDate.now(clock), validator);
		List<CaseResult> results = new ArrayList<>();
		Map<String, String> seen = new HashMap<>();
		boolean passedALimit = false;
		int notRun = 0;
		for (RuleFile file : files.stream().filter(RuleFile::isCase).toList()) {
			List<GoldenCase> cases;
			try {
				cases = CaseFileReader.read(file, json);
			}
			catch (MalformedCaseFileException ex) {
				results.add(new CaseResult(file.path(), ex.line(), null, null, List.of(ex.getMessage())));
				continue;
			}
			for (GoldenCase goldenCase : cases) {
				if (passedALimit) {
					notRun++;
					continue;
				}
				String first = seen.putIfAbsent(goldenCase.id(), goldenCase.file());
				CaseResult result = first == null ? run(goldenCase, evaluation, coverage)
						: new CaseResult(goldenCase.file(), goldenCase.line(), goldenCase.id(), goldenCase.description(),
								List.of("the id is already used by a case in " + first + "; case ids must be unique"));
				passedALimit = result.passedALimit();
				results.add(result);
			}
		}
		if (notRun > 0) {
			// Past an evaluation limit the rule set is defective whatever the other cases say, and each would
			// pay the limit again: under load that alone could outlast the reload deadline.
			results.add(new CaseResult("cases/", 0, null, null,
					List.of(notRun + " more case(s) not run: a case passed an evaluation limit, so the rule set is refused as it is")));
		}
		return results;
	}

	private CaseResult run(GoldenCase goldenCase, Evaluation evaluation, CaseCoverage coverage) {
		try {
			return result(goldenCase, failures(goldenCase, evaluation, coverage), false);
		}
		catch (RuntimeException ex) {
			return result(goldenCase, List.of("the rules failed on this patient: " + CaseFileReader.firstLine(ex.getMessage())),
					ex instanceof EvaluationLimitException);
		}
	}

	private static CaseResult result(GoldenCase goldenCase, List<String> failures, boolean passedALimit) {
		return new CaseResult(goldenCase.file(), goldenCase.line(), goldenCase.id(), goldenCase.description(), failures, passedALimit);
	}

	/** What the answer gets wrong; a failure of the rules themselves is thrown. */
	private List<String> failures(GoldenCase goldenCase, Evaluation evaluation, CaseCoverage coverage) {
		Patient patient;
		try {
			patient = json.treeToValue(goldenCase.patient(), Patient.class);
		}
		catch (JacksonException ex) {
			return List.of("patient is not a valid request body: " + CaseFileReader.firstLine(ex.getOriginalMessage()));
		}
		if (patient.birthDate() != null && patient.assessmentDate() == null) {
			// The age would then change with the day the cases run, and a case that passed could fail a later reload.
			return List.of("patient has a birthDate but no assessmentDate: add one (or give age) so that the case answers the same every day");
		}
		Assessment assessment;
		try {
			assessment = evaluation.assess(patient, coverage.listenerFor(goldenCase));
		}
		catch (InvalidPatientException ex) {
			return List.of("patient is not a valid request: "
					+ String.join(", ", ex.errors().stream().map(error -> error.field() + " " + error.message()).toList()));
		}
		coverage.answered(goldenCase);
		return Expectations.compare(goldenCase.expect(), assessment, json);
	}
}
