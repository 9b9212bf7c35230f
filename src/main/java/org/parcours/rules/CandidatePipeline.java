package org.parcours.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the files of a rules directory into a rule set that may become active: static safety check,
 * vocabularies and compilation, then every {@link ActivationCheck} (the golden cases among them). The
 * same pipeline runs at start-up and on every reload, so both refuse the same things with the same
 * report. The activation checks run at the same time, their problems reported in their order. The candidate evaluates under the service's {@link EvaluationLimits} from the start, so its
 * golden cases run under the limits its answers will.
 *
 * <p>Every pass of the activation checks is recorded in the {@link GateVerdicts}; only a start-up uses
 * them, to activate without running the checks a rule set that passed them under exactly the same
 * conditions. Reloads, edits and restores always run them.
 */
public final class CandidatePipeline {

	private static final Logger log = LoggerFactory.getLogger(CandidatePipeline.class);

	static final String SAFETY_CHECK = "Safety check";

	static final String COMPILATION = "Compilation";

	static final String ACTIVATION_CHECKS = "Activation checks";

	private static final AtomicLong CHECK_THREADS = new AtomicLong();

	private final RuleSetLoader loader;

	private final List<ActivationCheck> checks;

	private final EvaluationLimits limits;

	private final GateVerdicts verdicts;

	CandidatePipeline(RuleSetLoader loader, List<ActivationCheck> checks, EvaluationLimits limits) {
		this(loader, checks, limits, GateVerdicts.NONE);
	}

	CandidatePipeline(RuleSetLoader loader, List<ActivationCheck> checks, EvaluationLimits limits, GateVerdicts verdicts) {
		this.loader = loader;
		this.checks = List.copyOf(checks);
		this.limits = limits;
		this.verdicts = verdicts;
	}

	/**
	 * A rule set passed by the gate, and when it passed the activation checks if that verdict was reused
	 * instead of running them ({@code null} when they ran).
	 */
	record Checked(RuleSet ruleSet, Instant verdictReusedFrom) {
	}

	/** A rule set that passed every stage; otherwise a {@link RuleSetException} naming the stage and every problem. */
	public RuleSet build(List<RuleFile> files) {
		return build(files, stage -> {
		});
	}

	/** As {@link #build(List)}, telling {@code entering} the name of each stage as it starts (what a reload past its deadline reports). */
	RuleSet build(List<RuleFile> files, Consumer<String> entering) {
		return build(files, entering, false).ruleSet();
	}

	/**
	 * The start-up's build: as {@link #build(List)}, except that the activation checks are not run when a
	 * verdict says this content passed them today under this same gate.
	 */
	Checked buildAtStartUp(List<RuleFile> files) {
		return build(files, stage -> {
		}, true);
	}

	private Checked build(List<RuleFile> files, Consumer<String> entering, boolean reuseVerdict) {
		StageTimes times = new StageTimes();
		entering.accept(SAFETY_CHECK);
		List<RuleProblem> unsafe = RuleSafetyCheck.check(files);
		times.done("safety check");
		if (!unsafe.isEmpty()) {
			throw new RuleSetException(SAFETY_CHECK, unsafe);
		}
		entering.accept(COMPILATION);
		RuleSet candidate = loader.build(files).limitedBy(limits);
		times.done("tables, names and compilation");
		entering.accept(ACTIVATION_CHECKS);
		LocalDate day = verdicts.today();
		Optional<Instant> passed = reuseVerdict ? verdicts.passedOn(candidate.contentHash(), day) : Optional.empty();
		if (passed.isPresent()) {
			log.info("Candidate {}: {}; activation checks not run: the verdict of {} is reused (these files passed them on this day "
					+ "with this build, these libraries and these settings)", candidate.version(), times, passed.get());
			return new Checked(candidate, passed.get());
		}
		List<RuleProblem> problems = runChecks(candidate, files, times);
		log.info("Candidate {}: {}", candidate.version(), times);
		if (!problems.isEmpty()) {
			throw new RuleSetException(ACTIVATION_CHECKS, problems);
		}
		verdicts.record(candidate.contentHash(), day);
		return new Checked(candidate, null);
	}

	/**
	 * Runs every check at the same time, each on a thread of its own: they are independent (each
	 * evaluates the candidate on its own patients), and each leaves cores idle at its start and end
	 * (cases or roster chunks waiting for the last one), which the other fills. The problems are
	 * reported in the order of the checks, as a run one after the other would; so is a failure: the
	 * first check's is thrown first, without waiting for the later checks, which end on their own.
	 */
	private List<RuleProblem> runChecks(RuleSet candidate, List<RuleFile> files, StageTimes times) {
		List<FutureTask<List<RuleProblem>>> running = new ArrayList<>();
		for (ActivationCheck check : checks) {
			FutureTask<List<RuleProblem>> task = new FutureTask<>(() -> {
				long start = System.nanoTime();
				List<RuleProblem> found = check.check(candidate, files);
				times.took(check.getClass().getSimpleName(), System.nanoTime() - start);
				return found;
			});
			running.add(task);
			Thread thread = new Thread(task, "activation-check-" + CHECK_THREADS.incrementAndGet());
			thread.setDaemon(true);
			thread.start();
		}
		List<RuleProblem> problems = new ArrayList<>();
		for (FutureTask<List<RuleProblem>> task : running) {
			problems.addAll(TaskResults.of(task, "the activation checks"));
		}
		times.done("activation checks at the same time");
		return problems;
	}

	/** How long each stage took, for the log line that says where the time of a start-up or reload went. */
	private static final class StageTimes {

		private final StringJoiner stages = new StringJoiner(", ");

		private long start = System.nanoTime();

		synchronized void done(String stage) {
			long now = System.nanoTime();
			stages.add(stage + " " + (now - start) / 1_000_000 + " ms");
			start = now;
		}

		/** A stage that ran beside others: its own time, not counted into the next stage's. */
		synchronized void took(String stage, long nanos) {
			stages.add(stage + " " + nanos / 1_000_000 + " ms");
		}

		@Override
		public synchronized String toString() {
			return stages.toString();
		}
	}
}
