package org.parcours.vocabulary;

import java.util.Set;

/** What one code means: its chronic category (at most one) and its Charlson categories (any number). */
public record CodeMatch(String chronicCategory, Set<String> charlsonCategories) {

	static final CodeMatch NONE = new CodeMatch(null, Set.of());

	public boolean known() {
		return chronicCategory != null || !charlsonCategories.isEmpty();
	}
}
