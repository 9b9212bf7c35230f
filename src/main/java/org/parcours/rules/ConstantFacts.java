package org.parcours.rules;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The facts every evaluation of a rule set on a reused working memory starts from and returns: its
 * constant state (the constants some rule matches and what the rules derived from them alone) and
 * the constants no rule matches. About 300 facts that no patient changes, so what a reader takes out
 * of them is worth computing once per rule set ({@link #view}).
 */
public final class ConstantFacts {

	private final List<Object> before;

	private final List<Object> after;

	private final Map<Class<?>, Object> views = new ConcurrentHashMap<>();

	ConstantFacts(List<Object> before, List<Object> after) {
		this.before = List.copyOf(before);
		this.after = List.copyOf(after);
	}

	/** The constant state of a working memory: before an evaluation's own facts in working-memory order. */
	public List<Object> before() {
		return before;
	}

	/** The constants no rule matches: after an evaluation's own facts. */
	public List<Object> after() {
		return after;
	}

	/**
	 * What {@code make} reads from these facts, made at the first call for its type and then kept with
	 * them: {@code make} must depend on nothing but these facts.
	 */
	public <T> T view(Class<T> type, Function<ConstantFacts, T> make) {
		return type.cast(views.computeIfAbsent(type, key -> make.apply(this)));
	}
}
