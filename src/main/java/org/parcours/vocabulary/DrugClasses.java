package org.parcours.vocabulary;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The drug classes of {@code vocabulary/atc-class.csv}: each class is a list of ATC prefixes, with
 * prefixes it leaves out ({@code nsaid}: {@code M01A} but not {@code M01AX}), so that a pharmacist
 * extends a class by adding a row. A code belongs to a class when it starts with one of the class's
 * included prefixes and with none of its excluded ones.
 */
public final class DrugClasses {

	record Row(String drugClass, String prefix, boolean excluded) {
	}

	private final List<Row> rows;

	private final Map<String, String> labels;

	DrugClasses(List<Row> rows, Map<String, String> labels) {
		this.rows = List.copyOf(rows);
		this.labels = Map.copyOf(labels);
	}

	/** The classes an ATC code belongs to (any spelling: case and spaces are ignored). */
	public Set<String> classesOf(String atc) {
		String code = atc.strip().toUpperCase(Locale.ROOT);
		Set<String> excluded = rows.stream().filter(row -> row.excluded() && code.startsWith(row.prefix())).map(Row::drugClass)
			.collect(Collectors.toSet());
		return rows.stream().filter(row -> !row.excluded() && code.startsWith(row.prefix()) && !excluded.contains(row.drugClass()))
			.map(Row::drugClass).collect(Collectors.toCollection(TreeSet::new));
	}

	/** Every class name, for checking the decision tables that name them. */
	public Set<String> names() {
		return new TreeSet<>(labels.keySet());
	}

	/** Class id to the class's name for a reader. */
	public Map<String, String> labels() {
		return labels;
	}
}
