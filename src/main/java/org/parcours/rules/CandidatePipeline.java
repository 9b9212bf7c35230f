package org.parcours.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the files of a rules directory into a rule set that may become active: static safety check,
 * vocabularies and compilation, then every {@link ActivationCheck} (the golden cases among them). The
 * same pipeline runs at start-up and on every reload, so both refuse the same things with the same
 * report. The candidate evaluates under the service's {@link EvaluationLimits} from the start, so its
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
		List<RuleProblem> problems = new ArrayList<>();
		for (ActivationCheck check : checks) {
			problems.addAll(check.check(candidate, files));
			times.done(check.getClass().getSimpleName());
		}
		log.info("Candidate {}: {}", candidate.version(), times);
		if (!problems.isEmpty()) {
			throw new RuleSetException(ACTIVATION_CHECKS, problems);
		}
		verdicts.record(candidate.contentHash(), day);
		return new Checked(candidate, null);
	}

	/** How long each stage took, for the log line that says where the time of a start-up or reload went. */
	private static final class StageTimes {

		private final StringJoiner stages = new StringJoiner(", ");

		private long start = System.nanoTime();

		void done(String stage) {
			long now = System.nanoTime();
			stages.add(stage + " " + (now - start) / 1_000_000 + " ms");
			start = now;
		}

		@Override
		public String toString() {
			return stages.toString();
		}
	}
}
