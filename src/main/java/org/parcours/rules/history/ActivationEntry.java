package org.parcours.rules.history;

import java.time.Instant;

import org.parcours.rules.ReloadAttempt;

/**
 * One activation in the history: the version that became active, when, what started it (start-up,
 * watcher, poll, API, restore), the user who asked where known, the version it replaced
 * ({@code null} for the first one recorded) and, for a start-up that reused the verdict of the golden
 * cases and population guard instead of running them, when they passed ({@code null} when they ran).
 */
record ActivationEntry(String version, Instant activatedAt, ReloadAttempt.Trigger trigger, String user, String previousVersion,
		Instant verdictReusedFrom) {
}
