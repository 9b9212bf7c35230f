package org.parcours.rules.history;

/** A file of an archived rule set: its path in the rules directory, the SHA-256 it is stored under, its size in bytes. */
record ArchivedFile(String path, String sha256, long size) {
}
