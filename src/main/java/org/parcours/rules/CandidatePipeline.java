package org.parcours.rules;

import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the files of a rules directory into a rule set that may become active: static safety check,
 * vocabularies and compilation, then every {@link ActivationCheck} (the golden cases among them). The
 * same pipeline runs at start-up and on every reload, so both refuse the same things with the same
 * report. The candidate evaluates under the service's {@link EvaluationLimits} from the start, so its
 * golden cases run under the limits its answers will.
 */
public final class CandidatePipeline {

	static final String SAFETY_CHECK = "Safety check";

	static final String COMPILATION = "Compilation";

	static final String ACTIVATION_CHECKS = "Activation checks";

	private final RuleSetLoader loader;

	private final List<ActivationCheck> checks;

	private final EvaluationLimits limits;

	CandidatePipeline(RuleSetLoader loader, List<ActivationCheck> checks, EvaluationLimits limits) {
		this.loader = loader;
		this.checks = List.copyOf(checks);
		this.limits = limits;
	}

	/** A rule set that passed every stage; otherwise a {@link RuleSetException} naming the stage and every problem. */
	public RuleSet build(List<RuleFile> files) {
		return build(files, stage -> {
		});
	}

	/** As {@link #build(List)}, telling {@code entering} the name of each stage as it starts (what a reload past its deadline reports). */
	RuleSet build(List<RuleFile> files, Consumer<String> entering) {
		entering.accept(SAFETY_CHECK);
		List<RuleProblem> unsafe = RuleSafetyCheck.check(files);
		if (!unsafe.isEmpty()) {
			throw new RuleSetException(SAFETY_CHECK, unsafe);
		}
		entering.accept(COMPILATION);
		RuleSet candidate = loader.build(files).limitedBy(limits);
		entering.accept(ACTIVATION_CHECKS);
		List<RuleProblem> problems = checks.stream().flatMap(check -> check.check(candidate, files).stream()).toList();
		if (!problems.isEmpty()) {
			throw new RuleSetException(ACTIVATION_CHECKS, problems);
		}
		return candidate;
	}
}
