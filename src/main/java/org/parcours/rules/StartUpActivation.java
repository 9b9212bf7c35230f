package org.parcours.rules;

import java.time.Instant;

/**
 * What the start-up activated: the version, and when its golden cases and population guard passed if
 * that verdict was reused instead of running them ({@code null} when they ran).
 */
record StartUpActivation(String version, Instant verdictReusedFrom) {
}
