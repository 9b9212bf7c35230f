package org.parcours.rules;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every fact in working memory after one evaluation on a reused working memory, in working-memory
 * order: the rule set's constant state, then what the evaluation inserted (the patient first), then
 * the constants no rule matches. The constant parts are the same lists in every evaluation of the
 * rule set, so a reader that only needs some kinds of facts can pick them out of those once
 * ({@link ConstantFacts#view}) and read only {@link #inserted()} per patient.
 */
public final class EvaluatedFacts extends AbstractCollection<Object> {

	private final ConstantFacts constants;

	private final List<Object> inserted;

	EvaluatedFacts(ConstantFacts constants, List<Object> inserted) {
		this.constants = constants;
		this.inserted = inserted;
	}

	/** The rule set's constant facts around this evaluation's: the same instance in each of its evaluations. */
	public ConstantFacts constants() {
		return constants;
	}

	/** What this evaluation inserted, in order, the patient first. */
	public List<Object> inserted() {
		return inserted;
	}

	@Override
	public Iterator<Object> iterator() {
		return Stream.of(constants.before(), inserted, constants.after()).flatMap(List::stream).iterator();
	}

	@Override
	public int size() {
		return constants.before().size() + inserted.size() + constants.after().size();
	}
}
