package org.parcours.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.parcours.rules.ReloadAttempt.Outcome;
import org.parcours.rules.ReloadAttempt.Trigger;

/**
 * Activates the rules directory while the service keeps answering: read every file, run the
 * {@link CandidatePipeline}, and only if every stage passes warm the candidate (see {@link CandidateWarmUp};
 * not when only parameters changed: it then runs on the active rule set's knowledge base, already warm)
 * and swap the active snapshot in one step.
 * A refused candidate leaves the active rule set untouched and is recorded with its problems. A
 * candidate of the watcher or the poller whose files changed on disk while it was checked is dropped
 * instead, whatever the gate said: it was read in the middle of a save, and the settled files come next.
 * Attempts run one at a time: a trigger that arrives during a reload waits for it to finish.
 *
 * <p>Each attempt has a deadline. The candidate is built on a thread of its own, and an attempt that
 * has not finished in time is refused, naming the stage it was in; the thread is left to end on its
 * own (compiling ends, and the evaluation limits bound each golden case), its candidate is dropped,
 * and neither the watcher nor the next attempt waits for it.
 *
 * <p>A candidate that passed is shown to every {@link ActivationRecorder} (the history) before it
 * becomes active; a restore also writes its files back into the directory at that point.
 */
public final class RuleReloader {

	private static final Logger log = LoggerFactory.getLogger(RuleReloader.class);

	static final String WARM_UP = "Warm-up";

	private final ActiveRuleSet active;

	private final CandidatePipeline pipeline;

	private final Path directory;

	private final Clock clock;

	private final ReloadMetrics metrics;

	private final Duration deadline;

	private final CandidateWarmUp warmUp;

	private final Duration warmUpBudget;
	private final List<ActivationRecorder> recorders;

	/** Candidate threads given up at their deadline, until they end (their number is logged: each uses a core and memory). */
	private final Set<Thread> givenUp = ConcurrentHashMap.newKeySet();

	private final AtomicInteger candidates = new AtomicInteger();

	private final ReentrantLock oneAtATime = new ReentrantLock();

	/** Content hash of the last refused candidate, so that polling does not retry the same broken files. */
	private String refusedHash;

	/**
	 * The build of the last candidate refused at its deadline. Polling retries that content only once
	 * the build has ended without finding a problem: then the deadline was passed for want of CPU (a
	 * loaded machine), not because of the rules, while a build still running or one that found a
	 * problem would only be given up or refused again.
	 */
	private FutureTask<RuleSet> timedOut;

	/** A reloader that swaps a candidate in as soon as it passed its checks, without warming it. */
	RuleReloader(ActiveRuleSet active, CandidatePipeline pipeline, Path directory, Clock clock, ReloadMetrics metrics,
			Duration deadline) {
		this(active, pipeline, directory, clock, metrics, deadline, (candidate, reference, files, budget) -> {
		}, Duration.ZERO, List.of());
	}

	/**
	 * {@code warmUpBudget}: how long a candidate that passed its checks is warmed before the swap, within
	 * the deadline; {@code recorders} are told about every rule set about to become active.
	 */
	RuleReloader(ActiveRuleSet active, CandidatePipeline pipeline, Path directory, Clock clock, ReloadMetrics metrics,
			Duration deadline, CandidateWarmUp warmUp, Duration warmUpBudget, List<ActivationRecorder> recorders) {
		this.warmUp = warmUp;
		this.warmUpBudget = warmUpBudget;
		this.recorders = List.copyOf(recorders);
		this.active = active;
		this.pipeline = pipeline;
		this.directory = directory;
		this.clock = clock;
		this.metrics = metrics;
		this.deadline = deadline;
		// at start-up this is built before the rule set is active; the start-up activation registers it then
		active.snapshot().ifPresent(metrics::active);
	}

	/** Whether a reload, edit or restore is running now (background work gives way to it). */
	public boolean reloading() {
		return oneAtATime.isLocked();
	}

	/** Reloads the directory whatever its content (the admin endpoint: also a way to re-check the rules). */
	public ReloadAttempt reload(Trigger trigger) {
		return reload(trigger, null);
	}

	/** As {@link #reload(Trigger)}, on behalf of {@code user} (recorded in the history; {@code null} when unknown). */
	public ReloadAttempt reload(Trigger trigger, String user) {
		return attempt(trigger, user, false).orElseThrow();
	}

	/**
	 * Makes {@code files} (an archived version) active again through the same gate as any reload, and
	 * once they pass, writes them back into the rules directory, so that the directory and the active
	 * rule set agree and the next edit starts from them. Refused by the gate: nothing is written.
	 *
	 * @throws RulesDirectoryNotWritableException when the directory cannot take the files (nothing is written or activated)
	 */
	public ReloadAttempt restore(String version, List<RuleFile> files, String user) {
		oneAtATime.lock();
		try {
			RulesWriteBack.whyNotWritable(directory, files).ifPresent(reason -> {
				throw new RulesDirectoryNotWritableException(version, reason);
			});
			Instant at = clock.instant();
			long start = System.nanoTime();
			List<RuleFile> current;
			try {
				current = readDirectory();
			}
			catch (RuleSetException ex) {
				return refused(Trigger.RESTORE, at, start, ex, null);
			}
			return activate(Trigger.RESTORE, user, at, start, files, false, () -> RulesWriteBack.write(directory, files, current));
		}
		finally {
			oneAtATime.unlock();
		}
	}

	/**
	 * Reloads only when the directory differs from both the active rule set and the last refused
	 * candidate (the watcher and the poller: an unchanged or already refused directory is no event).
	 */
	public Optional<ReloadAttempt> reloadIfChanged(Trigger trigger) {
		return attempt(trigger, null, true);
	}

	private Optional<ReloadAttempt> attempt(Trigger trigger, String user, boolean onlyWhenChanged) {
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
			if (onlyWhenChanged && (hash.equals(active.get().contentHash()) || (hash.equals(refusedHash) && !worthRetrying()))) {
				return Optional.empty();
			}
			return Optional.ofNullable(activate(trigger, user, at, start, files, onlyWhenChanged, () -> {
			}));
		}
		finally {
			oneAtATime.unlock();
		}
	}

	/** The warm-up budget, cut to half of what is left of the deadline: a slow machine gets a shorter warm-up, never a refusal. */
	private Duration warmUpWithin(long start) {
		Duration left = deadline.minusNanos(System.nanoTime() - start);
		return left.dividedBy(2).compareTo(warmUpBudget) < 0 ? left.dividedBy(2) : warmUpBudget;
	}

	private boolean worthRetrying() {
		FutureTask<RuleSet> build = timedOut;
		if (build == null || !build.isDone()) {
			return false;
		}
		try {
			build.get();
			return true;
		}
		catch (ExecutionException | InterruptedException ex) {
			return false;
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

	/** What a restore does once its candidate passed and before it becomes active. */
	private interface BeforeActivation {

		void run() throws IOException;
	}

	/**
	 * Builds, checks and activates {@code files}, or records their refusal. {@code unlessSuperseded}
	 * (the watcher and the poller): when the directory no longer holds {@code files} once the gate has
	 * answered, the answer is dropped, neither activated nor recorded, and {@code null} returned: the
	 * files were read in the middle of a save or a pull (a file half-written, a pull half-applied), and
	 * the writes after it bring their own events, or the next poll, to reload the settled content.
	 */
	private ReloadAttempt activate(Trigger trigger, String user, Instant at, long start, List<RuleFile> files, boolean unlessSuperseded,
			BeforeActivation before) {
		String hash = RuleSetLoader.contentHashOf(files);
		AtomicReference<String> stage = new AtomicReference<>(CandidatePipeline.SAFETY_CHECK);
		FutureTask<RuleSet> build = new FutureTask<>(() -> {
			RuleSet checked = pipeline.build(files, stage::set);
			RuleSet current = active.get();
			if (checked.rulesKnowledgeBase() == current.rulesKnowledgeBase()) {
				log.info("Candidate {} not warmed: it runs on the active rule set's knowledge base (only parameters changed), already warm",
						checked.version());
				return checked;
			}
			KnowledgeBases.RulesPartCode code = checked.rulesPartCode();
			if (code.mostlyCompiledAlready()) {
				// the gate has just run every rule of it, the new classes among them, on every core: a warm-up
				// before the swap gave no better first seconds after it, only a later swap (docs/performance.md)
				log.info("Candidate {} not warmed: {} of its rules part's {} files have new classes, the others run on the active rule set's, "
						+ "already compiled", checked.version(), code.filesAnew(), code.files());
				return checked;
			}
			stage.set(WARM_UP);
			warmUp.warmUp(checked, current, files, warmUpWithin(start));
			return checked;
		});
		Thread worker = new Thread(build, "rules-candidate-" + candidates.incrementAndGet());
		worker.setDaemon(true);
		worker.start();
		RuleSet candidate;
		try {
			candidate = build.get(deadline.toNanos() - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			givenUp.removeIf(thread -> !thread.isAlive());
			givenUp.add(worker);
			log.warn("Rule set reload ({}) passed its deadline of {} ms in stage '{}'; {} given-up candidate thread(s) still running",
					trigger, deadline.toMillis(), stage.get(), givenUp.size());
			ReloadAttempt attempt = refused(trigger, at, start, new RuleSetException(stage.get(), List.of(new RuleProblem(null, 0,
					"timed out in stage " + stage.get() + ": the reload did not finish within its deadline of " + deadline.toMillis() + " ms"))),
					hash);
			timedOut = build;
			return attempt;
		}
		catch (InterruptedException ex) {
			build.cancel(true);
			Thread.currentThread().interrupt();
			return refused(trigger, at, start, new RuleSetException(stage.get(),
					List.of(new RuleProblem(null, 0, "the reload was interrupted (the service is stopping)"))), hash);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuleSetException failure) {
				return unlessSuperseded && superseded(hash) ? null : refused(trigger, at, start, failure, hash);
			}
			// the engine failed in a way it does not report as a build message: still a refusal, never a crash
			return refused(trigger, at, start, new RuleSetException(stage.get(),
					List.of(new RuleProblem(null, 0, "the rule engine failed: " + ex.getCause()))), hash);
		}
		if (unlessSuperseded && superseded(hash)) {
			return null;
		}
		try {
			before.run();
		}
		catch (IOException | RuntimeException ex) {
			return refused(trigger, at, start, new RuleSetException("Write-back", List.of(new RuleProblem(null, 0,
					"the files could not be written into the rules directory: " + ex.getClass().getSimpleName()))), hash);
		}
		try {
			ActivationRecorder.Activation activation = new ActivationRecorder.Activation(candidate.version(), hash, files, at, trigger, user, null);
			recorders.forEach(recorder -> recorder.activating(activation));
		}
		catch (UncheckedIOException ex) {
			return refused(trigger, at, start, new RuleSetException(ActivationRecorder.STAGE, List.of(new RuleProblem(null, 0,
					"the activation could not be recorded in the rules history: " + ex.getCause()))), hash);
		}
		RuleSet previous = active.activate(candidate);
		refusedHash = null;
		timedOut = null;
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

	/** Whether the directory changed since files of {@code hash} were read from it (unreadable counts as changed: it is being written). */
	private boolean superseded(String hash) {
		String now;
		try {
			now = RuleSetLoader.contentHashOf(readDirectory());
		}
		catch (RuleSetException ex) {
			now = null;
		}
		if (hash.equals(now)) {
			return false;
		}
		log.info("Rules directory changed while its candidate was checked (a save or a pull still under way): the candidate is dropped, "
				+ "the settled content is reloaded next");
		return true;
	}

	private ReloadAttempt refused(Trigger trigger, Instant at, long start, RuleSetException failure, String contentHash) {
		refusedHash = contentHash;
		timedOut = null;
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
