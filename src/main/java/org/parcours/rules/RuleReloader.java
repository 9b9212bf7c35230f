package org.parcours.rules;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.parcours.rules.ReloadAttempt.Outcome;
import org.parcours.rules.ReloadAttempt.Trigger;

/**
 * Activates the rules directory while the service keeps answering: read every file, run the
 * {@link CandidatePipeline}, and only if every stage passes swap the active snapshot in one step.
 * A refused candidate leaves the active rule set untouched and is recorded with its problems.
 * Attempts run one at a time: a trigger that arrives during a reload waits for it to finish.
 */
public final class RuleReloader {

	private static final Logger log = LoggerFactory.getLogger(RuleReloader.class);

	private final ActiveRuleSet active;

	private final CandidatePipeline pipeline;

	private final Path directory;

	private final Clock clock;

	private final ReloadMetrics metrics;

	private final ReentrantLock oneAtATime = new ReentrantLock();

	/** Content hash of the last refused candidate, so that polling does not retry the same broken files. */
	private String refusedHash;

	RuleReloader(ActiveRuleSet active, CandidatePipeline pipeline, Path directory, Clock clock, ReloadMetrics metrics) {
		this.active = active;
		this.pipeline = pipeline;
		this.directory = directory;
		this.clock = clock;
		this.metrics = metrics;
		metrics.active(active.get());
	}

	/** Reloads the directory whatever its content (the admin endpoint: also a way to re-check the rules). */
	public ReloadAttempt reload(Trigger trigger) {
		return attempt(trigger, false).orElseThrow();
	}

	/**
	 * Reloads only when the directory differs from both the active rule set and the last refused
	 * candidate (the watcher and the poller: an unchanged or already refused directory is no event).
	 */
	public Optional<ReloadAttempt> reloadIfChanged(Trigger trigger) {
		return attempt(trigger, true);
	}

	private Optional<ReloadAttempt> attempt(Trigger trigger, boolean onlyWhenChanged) {
		oneAtATime.lock();
		try {
			Instant at = clock.instant();
			long start = System.nanoTime();
			List<RuleFile> files;
			try {
				files = readDirectory();
			}
			catch (RuleSetException ex) {
				// for the watcher, a directory in the middle of being rewritten: the next event or poll sees it settled
				return onlyWhenChanged ? Optional.empty() : Optional.of(refused(trigger, at, start, ex, null));
			}
			String hash = RuleSetLoader.contentHashOf(files);
			if (onlyWhenChanged && (hash.equals(active.get().contentHash()) || hash.equals(refusedHash))) {
				return Optional.empty();
			}
			return Optional.of(activate(trigger, at, start, files));
		}
		finally {
			oneAtATime.unlock();
		}
	}

	private List<RuleFile> readDirectory() {
		try {
			return RuleSetLoader.read(directory);
		}
		catch (UncheckedIOException ex) {
			throw new RuleSetException("Reading rules",
					List.of(new RuleProblem(null, 0, "a file could not be read: " + ex.getCause().getClass().getSimpleName())));
		}
	}

	private ReloadAttempt activate(Trigger trigger, Instant at, long start, List<RuleFile> files) {
		RuleSet candidate;
		try {
			candidate = pipeline.build(files);
		}
		catch (RuleSetException ex) {
			return refused(trigger, at, start, ex, RuleSetLoader.contentHashOf(files));
		}
		catch (RuntimeException ex) {
			// the engine failed in a way it does not report as a build message: still a refusal, never a crash
			return refused(trigger, at, start, new RuleSetException("Compilation",
					List.of(new RuleProblem(null, 0, "the rule engine failed: " + ex))), RuleSetLoader.contentHashOf(files));
		}
		RuleSet previous = active.activate(candidate);
		refusedHash = null;
		long nanos = System.nanoTime() - start;
		ReloadAttempt attempt = new ReloadAttempt(at, trigger, Outcome.ACTIVATED, Duration.ofNanos(nanos).toMillis(),
				candidate.version(), null, List.of());
		active.record(attempt);
		metrics.attempted(Outcome.ACTIVATED, nanos);
		metrics.active(candidate);
		log.info("Rule set {} active ({}, {} files, {} ms); replaced {}", candidate.version(), trigger, candidate.files().size(),
				attempt.durationMs(), previous == null ? "none" : previous.version());
		return attempt;
	}

	private ReloadAttempt refused(Trigger trigger, Instant at, long start, RuleSetException failure, String contentHash) {
		refusedHash = contentHash;
		long nanos = System.nanoTime() - start;
		String version = active.get().version();
		ReloadAttempt attempt = new ReloadAttempt(at, trigger, Outcome.REFUSED, Duration.ofNanos(nanos).toMillis(), version,
				failure.stage(), failure.problems());
		active.record(attempt);
		metrics.attempted(Outcome.REFUSED, nanos);
		log.warn("Rule set reload ({}) refused at stage '{}'; still serving {}:\n  {}", trigger, failure.stage(), version,
				failure.problems().stream().map(RuleProblem::toString).collect(Collectors.joining("\n  ")));
		return attempt;
	}
}
