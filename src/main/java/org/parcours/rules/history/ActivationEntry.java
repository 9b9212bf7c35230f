package org.parcours.rules.history;

import java.time.Instant;

import org.parcours.rules.ReloadAttempt;

/**
 * One activation in the history: the version that became active, when, what started it (start-up,
 * watcher, poll, API, restore), the user who asked where known, and the version it replaced
 * ({@code null} for the first one recorded).
 */
record ActivationEntry(String version, Instant activatedAt, ReloadAttempt.Trigger trigger, String user, String previousVersion) {
}
