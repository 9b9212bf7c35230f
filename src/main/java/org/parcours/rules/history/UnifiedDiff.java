package org.parcours.rules.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

import org.parcours.rules.RuleFile;

/**
 * The unified diff (as {@code git diff} prints it, three lines of context) that turns one rule set's
 * files into another's: changed files, then added ones (from {@code /dev/null}), then removed ones.
 */
final class UnifiedDiff {

	private static final int CONTEXT = 3;

	private UnifiedDiff() {
	}

	static String between(List<RuleFile> before, List<RuleFile> after, FileChanges changes) {
		Map<String, RuleFile> old = byPath(before);
		Map<String, RuleFile> current = byPath(after);
		StringBuilder diff = new StringBuilder();
		changes.modified().forEach(path -> append(diff, "a/" + path, "b/" + path, lines(old.get(path)), lines(current.get(path))));
		changes.added().forEach(path -> append(diff, "/dev/null", "b/" + path, List.of(), lines(current.get(path))));
		changes.removed().forEach(path -> append(diff, "a/" + path, "/dev/null", lines(old.get(path)), List.of()));
		return diff.toString();
	}

	private static void append(StringBuilder diff, String from, String to, List<String> original, List<String> revised) {
		UnifiedDiffUtils.generateUnifiedDiff(from, to, original, DiffUtils.diff(original, revised), CONTEXT).forEach(line -> diff.append(line).append('\n'));
	}

	/** The file's lines without their ends; a final line end starts no further line. */
	private static List<String> lines(RuleFile file) {
		List<String> lines = new ArrayList<>(List.of(file.text().split("\r?\n", -1)));
		if (lines.get(lines.size() - 1).isEmpty()) {
			lines.remove(lines.size() - 1);
		}
		return lines;
	}

	private static Map<String, RuleFile> byPath(List<RuleFile> files) {
		return files.stream().collect(Collectors.toMap(RuleFile::path, Function.identity()));
	}
}
