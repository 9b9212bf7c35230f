package org.parcours.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import org.parcours.assessment.Assessment;
import org.parcours.assessment.Evaluation;
import org.parcours.patient.InvalidPatientException;
import org.parcours.patient.Patient;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.ActivationCheck;
import org.parcours.rules.ByFileContent;
import org.parcours.rules.EvaluationLimitException;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleProblem;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RulesProperties;
import org.parcours.rules.TaskResults;

/**
 * The golden cases under {@code rules/cases/} gate every candidate rule set: each case's patient is
 * read as an HTTP request body, validated like one, evaluated on the candidate (never on the active
 * rule set) and its answer compared with what the case expects. A failing case or an unreadable case
 * file is a {@link RuleProblem}, so the candidate does not become active. The cases run on every core,
 * and the report lists them in file order as a run one by one would.
 */
@Component
public class GoldenCaseCheck implements ActivationCheck {

	/** The cases are independent assessments: one worker per core. */
	private static final int WORKERS = Runtime.getRuntime().availableProcessors();

	private static final AtomicLong WORKER_NUMBERS = new AtomicLong();

	private final PatientValidator validator;

	private final JsonMapper json;

	private final Clock clock;

	private final boolean allowNoCases;

	/**
	 * The cases of each case file with their patients read as request bodies, once per content: most
	 * reloads and every parameter edit leave them as they were. A patient is an immutable record, so
	 * every evaluation of every reload may share it.
	 */
	private final ByFileContent<List<ReadCase>> read;

	/** A case and its patient as a request body would give it, or why its patient is not one. */
	private record ReadCase(GoldenCase goldenCase, Patient patient, String unreadable) {
	}

	public GoldenCaseCheck(PatientValidator validator, JsonMapper json, Clock clock, RulesProperties properties) {
		this.validator = validator;
		this.json = json;
		this.clock = clock;
		this.allowNoCases = properties.cases().allowNone();
		this.read = new ByFileContent<>(file -> CaseFileReader.read(file, json).stream().map(this::readPatient).toList());
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

	/**
	 * Reads every case file in order, then evaluates the cases on every core (each is an independent
	 * assessment) and puts the results back in file order. The report is the one a run case after case
	 * would give: once a case has passed an evaluation limit, every later case in file order is reported
	 * as not run, whether or not a worker had already started it, and every earlier one is run and
	 * reported (a worker may reach an earlier case after a later one passed a limit).
	 */
	private List<CaseResult> run(RuleSet candidate, List<RuleFile> files, CaseCoverage coverage) {
		Evaluation evaluation = Evaluation.on(candidate, LocalDate.now(clock), validator);
		List<Future<CaseResult>> inOrder = new ArrayList<>();
		Map<String, String> seen = new HashMap<>();
		// the file-order position of the first case known to have passed an evaluation limit
		AtomicInteger firstPastLimit = new AtomicInteger(Integer.MAX_VALUE);
		int positions = 0;
		ExecutorService workers = Executors.newFixedThreadPool(WORKERS, GoldenCaseCheck::worker);
		try {
			for (RuleFile file : files.stream().filter(RuleFile::isCase).toList()) {
				List<ReadCase> cases;
				try {
					cases = read.of(file);
				}
				catch (MalformedCaseFileException ex) {
					inOrder.add(CompletableFuture.completedFuture(new CaseResult(file.path(), ex.line(), null, null, List.of(ex.getMessage()))));
					continue;
				}
				for (ReadCase readCase : cases) {
					GoldenCase goldenCase = readCase.goldenCase();
					String first = seen.putIfAbsent(goldenCase.id(), goldenCase.file());
					if (first != null) {
						inOrder.add(CompletableFuture.completedFuture(new CaseResult(goldenCase.file(), goldenCase.line(), goldenCase.id(),
								goldenCase.description(), List.of("the id is already used by a case in " + first + "; case ids must be unique"))));
					}
					else if (seen.size() == 1) {
						// the first case alone: a rule set that passes a limit on every patient then pays it once, not once per core
						inOrder.add(CompletableFuture.completedFuture(run(readCase, evaluation, coverage, firstPastLimit, positions++)));
					}
					else {
						int position = positions++;
						inOrder.add(workers.submit(() -> firstPastLimit.get() < position ? null
								: run(readCase, evaluation, coverage, firstPastLimit, position)));
					}
				}
			}
			return inFileOrder(inOrder);
		}
		finally {
			workers.shutdownNow();
		}
	}

	private static List<CaseResult> inFileOrder(List<Future<CaseResult>> inOrder) {
		List<CaseResult> results = new ArrayList<>();
		boolean passedALimit = false;
		int notRun = 0;
		for (Future<CaseResult> entry : inOrder) {
			CaseResult result = TaskResults.of(entry, "the golden cases");
			if (result != null && result.caseId() == null) {
				results.add(result); // an unreadable case file is reported whatever happened to the cases
			}
			else if (passedALimit || result == null) {
				notRun++;
			}
			else {
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

	private static Thread worker(Runnable task) {
		Thread thread = new Thread(task, "golden-case-" + WORKER_NUMBERS.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

	private CaseResult run(ReadCase readCase, Evaluation evaluation, CaseCoverage coverage, AtomicInteger firstPastLimit, int position) {
		CaseResult result = run(readCase, evaluation, coverage);
		if (result.passedALimit()) {
			firstPastLimit.accumulateAndGet(position, Math::min);
		}
		return result;
	}

	private CaseResult run(ReadCase readCase, Evaluation evaluation, CaseCoverage coverage) {
		GoldenCase goldenCase = readCase.goldenCase();
		try {
			return result(goldenCase, failures(readCase, evaluation, coverage), false);
		}
		catch (RuntimeException ex) {
			return result(goldenCase, List.of("the rules failed on this patient: " + CaseFileReader.firstLine(ex.getMessage())),
					ex instanceof EvaluationLimitException);
		}
	}

	private static CaseResult result(GoldenCase goldenCase, List<String> failures, boolean passedALimit) {
		return new CaseResult(goldenCase.file(), goldenCase.line(), goldenCase.id(), goldenCase.description(), failures, passedALimit);
	}

	private ReadCase readPatient(GoldenCase goldenCase) {
		try {
			return new ReadCase(goldenCase, json.treeToValue(goldenCase.patient(), Patient.class), null);
		}
		catch (JacksonException ex) {
			return new ReadCase(goldenCase, null, "patient is not a valid request body: " + CaseFileReader.firstLine(ex.getOriginalMessage()));
		}
	}

	/**
	 * The patients of every readable case of these files, in file order (the warm-up's patients): read
	 * once per content, like the cases.
	 */
	List<Patient> patients(List<RuleFile> files) {
		List<Patient> patients = new ArrayList<>();
		for (RuleFile file : files.stream().filter(RuleFile::isCase).toList()) {
			try {
				read.of(file).stream().map(ReadCase::patient).filter(patient -> patient != null).forEach(patients::add);
			}
			catch (MalformedCaseFileException ex) {
				// not a patient to warm with; the check reports the file
			}
		}
		return patients;
	}

	/** What the answer gets wrong; a failure of the rules themselves is thrown. */
	private List<String> failures(ReadCase readCase, Evaluation evaluation, CaseCoverage coverage) {
		GoldenCase goldenCase = readCase.goldenCase();
		Patient patient = readCase.patient();
		if (patient == null) {
			return List.of(readCase.unreadable());
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
