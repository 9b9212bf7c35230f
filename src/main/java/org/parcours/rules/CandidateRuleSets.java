package org.parcours.rules;

import java.nio.file.Path;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Checks a rule set that is not to become active (a candidate whose effect on a roster is measured)
 * through the same {@link CandidatePipeline} as start-up and every reload: a candidate that could not
 * go live cannot be compared either. Nothing is activated or recorded.
 */
@Component
public final class CandidateRuleSets {

	private final CandidatePipeline pipeline;

	CandidateRuleSets(CandidatePipeline pipeline) {
		this.pipeline = pipeline;
	}

	/** The rule set of a directory, checked; a {@link RuleSetException} naming the stage and every problem otherwise. */
	public RuleSet check(Path directory) {
		return check(RuleSetLoader.read(directory.toAbsolutePath().normalize()));
	}

	/** The rule set of these files, checked; a {@link RuleSetException} naming the stage and every problem otherwise. */
	public RuleSet check(List<RuleFile> files) {
		return pipeline.build(files);
	}
}
