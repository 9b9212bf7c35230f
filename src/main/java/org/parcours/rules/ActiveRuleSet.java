package org.parcours.rules;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set currently answering requests, and the last attempt to replace it. Readers take the
 * snapshot once per evaluation; a reload replaces it in one atomic step, so an evaluation in flight
 * finishes on the snapshot it started with and the replaced one is garbage as soon as the last such
 * evaluation ends (nothing else keeps a reference to it).
 */
public final class ActiveRuleSet {

	private final AtomicReference<RuleSet> current = new AtomicReference<>();

	private volatile ReloadAttempt lastAttempt;

	public ActiveRuleSet(RuleSet initial) {
		current.set(initial);
	}

	/** None active yet: until the start-up activates one, {@link #get()} refuses. */
	ActiveRuleSet() {
	}

	/** The active snapshot, or a {@link NoActiveRuleSetException} when none is active. */
	public RuleSet get() {
		return Optional.ofNullable(current.get()).orElseThrow(NoActiveRuleSetException::new);
	}

	/** The active snapshot, if there is one. */
	Optional<RuleSet> snapshot() {
		return Optional.ofNullable(current.get());
	}

	/** Makes {@code next} the active snapshot and returns the one it replaced. */
	public RuleSet activate(RuleSet next) {
		return current.getAndSet(next);
	}

	/** The last activation attempt (start-up included), or empty before the first one ends. */
	public Optional<ReloadAttempt> lastAttempt() {
		return Optional.ofNullable(lastAttempt);
	}

	void record(ReloadAttempt attempt) {
		this.lastAttempt = attempt;
	}
}
