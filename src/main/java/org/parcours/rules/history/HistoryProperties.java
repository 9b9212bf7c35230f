package org.parcours.rules.history;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the record of every activated rule set is kept ({@code parcours.rules.history-directory}) and
 * how many archived versions stay compiled for {@code ?rulesVersion=} ({@code parcours.rules.history-compiled-versions}).
 * Without a directory, the history lives next to the rules directory, in {@code <rules>-history}
 * ({@code ./rules-history} for {@code ./rules}): outside it, so that the watcher never sees it and
 * the rule set never includes it.
 */
@ConfigurationProperties("parcours.rules")
record HistoryProperties(Path historyDirectory, @DefaultValue("2") int historyCompiledVersions) {

	HistoryProperties {
		if (historyCompiledVersions < 1) {
			throw new IllegalArgumentException("parcours.rules.history-compiled-versions must be at least 1");
		}
	}

	/** The configured directory, or the default next to {@code rules}, as an absolute path. */
	Path directory(Path rules) {
		Path directory = historyDirectory != null ? historyDirectory : rules.resolveSibling(rules.getFileName() + "-history");
		return directory.toAbsolutePath().normalize();
	}
}
