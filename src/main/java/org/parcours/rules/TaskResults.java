package org.parcours.rules;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The result of work run on a thread of its own, or what that work threw, as if it had run on the
 * caller's thread: the gate's checks and golden cases run side by side, and a failure no result
 * holds (the engine failing) must reach the caller as itself, not wrapped.
 */
public final class TaskResults {

	private TaskResults() {
	}

	/** Waits for {@code task}; {@code what} names it in the exception of an interrupted wait. */
	public static <T> T of(Future<T> task, String what) {
		try {
			return task.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(what + " were interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}
}
