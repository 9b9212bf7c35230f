package org.parcours.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a function that depends on one rule file alone gives for each file, remembered by the file's
 * path and content for the files of recent rule sets: a reload then reads only the files that changed.
 */
public final class ByFileContent<V> {

	/** Room for the files of several rule sets (the default rules have about 120). */
	private static final int FILES = 1024;

	private final Function<RuleFile, V> function;

	private final Map<String, V> values = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
			return size() > FILES;
		}
	});

	public ByFileContent(Function<RuleFile, V> function) {
		this.function = function;
	}

	public V of(RuleFile file) {
		return values.computeIfAbsent(file.path() + " " + file.sha256(), key -> function.apply(file));
	}
}
