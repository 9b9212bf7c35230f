package org.parcours.rules.history;

import java.util.List;

/** What the archive keeps of one rule-set version: its content hash and its files (their content is stored by hash). */
record ArchivedVersion(String version, String contentHash, List<ArchivedFile> files) {

	ArchivedVersion {
		files = List.copyOf(files);
	}
}
