package org.parcours.rules;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.parcours.patient.Kebab;
import org.parcours.patient.Patient;
import org.parcours.vocabulary.Vocabulary;

/**
 * The lists of words a decision-table column can declare, each from its single source: the request
 * fields with a closed set of values (from the request record and its enums, so {@code [stay.reason]}
 * follows the HTTP contract), the category names of the vocabularies, and the derived facts and
 * scores the rules create.
 */
final class KnownValues {

	private final Vocabulary vocabulary;

	private final DeclaredNames names;

	KnownValues(Vocabulary vocabulary, DeclaredNames names) {
		this.vocabulary = vocabulary;
		this.names = names;
	}

	/** The words of a named list, or empty when no list has that name. */
	Optional<Set<String>> list(String name) {
		return switch (name) {
			case "chronic category" -> Optional.of(vocabulary.chronicCategories());
			case "charlson category" -> Optional.of(vocabulary.charlsonCategories());
			case "marker" -> Optional.of(new TreeSet<>(names.declared(DeclaredNames.Kind.FLAG)));
			case "drug class" -> Optional.of(vocabulary.drugClasses().names());
			case "medication condition" -> Optional.of(medicationConditions());
			case "score" -> Optional.of(new TreeSet<>(names.declared(DeclaredNames.Kind.SCORE)));
			default -> requestField(name);
		};
	}

	/** What a medication criterion may require: a coded condition of the vocabulary, or a marker the rules derive. */
	private Set<String> medicationConditions() {
		Set<String> conditions = new TreeSet<>(vocabulary.medicationConditions());
		conditions.addAll(names.declared(DeclaredNames.Kind.FLAG));
		return conditions;
	}

	/** The wire values of a request field with a closed vocabulary, such as {@code stay.reason}. */
	private static Optional<Set<String>> requestField(String path) {
		Class<?> type = Patient.class;
		for (String part : path.split("\\.", -1)) {
			if (!type.isRecord()) {
				return Optional.empty();
			}
			Optional<RecordComponent> component = Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(part)).findFirst();
			if (component.isEmpty()) {
				return Optional.empty();
			}
			type = component.get().getType();
		}
		if (!type.isEnum()) {
			return Optional.empty();
		}
		return Optional.of(new TreeSet<>(Kebab.allowed(type)));
	}
}
