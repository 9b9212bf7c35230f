package org.parcours.rules;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the record of what actually ran: told about every rule set that passed the gate, at start-up
 * and on every reload or restore, just before it becomes active. A recorder that fails (an archive
 * that cannot be written) refuses the activation, so nothing answers without its record. Recorders
 * are Spring beans; the command-line scorer has none.
 */
public interface ActivationRecorder {

	/** Stage name of a refusal because the record could not be written. */
	String STAGE = "Archive";

	/**
	 * @throws java.io.UncheckedIOException when the record cannot be kept: the activation is refused
	 */
	void activating(Activation activation);

	/**
	 * A rule set about to become active: its version, its files (as read and checked), when, what
	 * started it, the user who asked for it ({@code null} for start-up, the watcher and polling) and,
	 * for a start-up that reused the verdict of the golden cases and population guard instead of running
	 * them, when they passed ({@code null} when they ran).
	 */
	record Activation(String version, String contentHash, List<RuleFile> files, Instant at, ReloadAttempt.Trigger trigger, String user,
			Instant verdictReusedFrom) {

		public Activation {
			files = List.copyOf(files);
		}
	}
}
