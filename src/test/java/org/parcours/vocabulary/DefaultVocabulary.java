package org.parcours.vocabulary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parcours.rules.DefaultRules;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleSetLoader;

/**
 * The vocabulary files of the real {@code rules/} directory, read without compiling the rules, and
 * edits of one of them as a clinician would make them.
 */
public final class DefaultVocabulary {

	private DefaultVocabulary() {
	}

	public static List<RuleFile> files() {
		return RuleSetLoader.read(DefaultRules.DIRECTORY).stream().filter(file -> file.path().startsWith("vocabulary/")).toList();
	}

	/** The mapping tables only, for tests that bring their own code lists. */
	public static List<RuleFile> mappingTables() {
		return files().stream().filter(file -> MappingsLoader.isTable(file.path())).toList();
	}

	public static Mappings mappings() {
		return load(files()).mappings();
	}

	/** The vocabulary of {@code files}, as the rule-set loader reads it. */
	public static Vocabulary load(List<RuleFile> files) {
		return VocabularyLoader.load(texts(files));
	}

	/** Each file's text by its path, in order. */
	public static Map<String, String> texts(List<RuleFile> files) {
		Map<String, String> texts = new LinkedHashMap<>();
		files.forEach(file -> texts.put(file.path(), file.text()));
		return texts;
	}

	/** The default files with {@code from} replaced by {@code to} in {@code path}; fails unless it occurs exactly once. */
	public static List<RuleFile> edited(String path, String from, String to) {
		return edit(files(), path, from, to);
	}

	/** {@code files} with {@code from} replaced by {@code to} in {@code path}, for several edits in a row. */
	public static List<RuleFile> edit(List<RuleFile> files, String path, String from, String to) {
		List<RuleFile> result = new ArrayList<>();
		for (RuleFile file : files) {
			if (file.path().equals(path)) {
				String text = file.text();
				if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
					throw new IllegalArgumentException(path + " does not contain exactly one '" + from + "'");
				}
				file = new RuleFile(path, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
			}
			result.add(file);
		}
		return result;
	}

	/** The mappings of the default files with one edit. */
	public static Mappings mappingsEdited(String path, String from, String to) {
		return load(edited(path, from, to)).mappings();
	}
}
