package org.parcours.rules.history;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The files one version added, modified and removed compared with another, each list sorted by path. */
record FileChanges(List<String> added, List<String> modified, List<String> removed) {

	static final FileChanges NONE = new FileChanges(List.of(), List.of(), List.of());

	/** {@code to} against {@code from}; with no {@code from} (the first version recorded), every file is added. */
	static FileChanges between(ArchivedVersion from, ArchivedVersion to) {
		if (from == null) {
			return new FileChanges(to.files().stream().map(ArchivedFile::path).sorted().toList(), List.of(), List.of());
		}
		Map<String, String> before = from.files().stream().collect(Collectors.toMap(ArchivedFile::path, ArchivedFile::sha256));
		Map<String, String> after = to.files().stream().collect(Collectors.toMap(ArchivedFile::path, ArchivedFile::sha256));
		return new FileChanges(sorted(after, path -> !before.containsKey(path)),
				sorted(after, path -> before.containsKey(path) && !before.get(path).equals(after.get(path))),
				sorted(before, path -> !after.containsKey(path)));
	}

	private static List<String> sorted(Map<String, String> files, Function<String, Boolean> keep) {
		return files.keySet().stream().filter(keep::apply).sorted().toList();
	}
}
