package org.parcours.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.drools.base.base.ClassObjectType;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.reteoo.InitialFactImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a knowledge base on one patient at a time, inserting the patient-independent facts only once.
 *
 * <p>Decision tables of parameters (thresholds, settings, programme declarations) are rules without
 * any condition: they fire identically for every patient. They are compiled apart, in the parameter
 * part of the rule set ({@link RuleSourceSplit}), which runs once, on an empty working memory; the
 * patients are evaluated on the rules part, which does not hold them: the agenda never activates and
 * orders these rules for every patient. Which rules these are is read from the rules, never
 * listed: a clinician's new parameter table is picked up as it is. Constant facts that no rule
 * matches (a programme's next steps, read only by the answer) are not even inserted: they are added
 * to each evaluation's result.
 *
 * <p>The constant facts some rule matches stay in {@link ReusedWorkingMemory working memories} that
 * are reused from patient to patient, so that they are inserted and joined once per working memory
 * rather than once per patient. That is only valid when every rule firing on the constant facts
 * alone has positive patterns only (see {@link #positiveOnly}); for a rule set with another kind (a
 * rule that fires when no patient is there) each patient gets a new working memory from a pool, into
 * which the constant facts are inserted. Each evaluation runs under {@link EvaluationLimits}, so a rule that keeps firing ends that
 * evaluation with an error instead of holding a thread and filling the heap.
 */
final class PatientSessions {

	private static final Logger log = LoggerFactory.getLogger(PatientSessions.class);

	private final KieBase kieBase;

	/** Held so that a later rule set with the same parameters shares them while this one lives (KnowledgeBases). */
	@SuppressWarnings("unused")
	private final List<KieBase> parameters;

	private final List<Object> constantFacts;

	/** The constant facts some rule matches: in every patient's working memory. */
	private final List<Object> matchedConstants;

	/** The constant facts no rule matches (a programme's next steps): only added to every result. */
	private final List<Object> unmatchedConstants;

	/** Working memories in their constant state, ready for a patient; null when they cannot be reused. */
	private final Queue<ReusedWorkingMemory> ready;

	/** Bounds {@link #ready}: more threads than this at once get working memories that are then dropped. */
	private final int maxReady;

	/** The constant state of a reused working memory, the same in each, and the unmatched constants: around every result. */
	private final ConstantFacts constantState;

	/** Fresh working memories, for a rule set whose working memories cannot be reused. */
	private final KieSessionsPool pool;

	/**
	 * The constant facts are those the condition-free rules of {@code parameters} insert, each knowledge
	 * base's (one per file) in turn, in the order given; patients are evaluated on {@code kieBase}, which
	 * holds no such rule and is never changed here (it may be shared), unless it is one of
	 * {@code parameters}: then those rules are removed from it once they fired.
	 */
	PatientSessions(List<KieBase> parameters, KieBase kieBase) {
		this.parameters = List.copyOf(parameters);
		this.kieBase = kieBase;
		List<Object> fired = new ArrayList<>();
		parameters.forEach(share -> fired.addAll(constantFactsOf(share)));
		this.constantFacts = Deployment.offered(fired);
		if (parameters.stream().anyMatch(share -> share == kieBase)) {
			// a rule set compiled whole (see RuleSourceSplit#cut), not shared: its parameters are taken out here
			withoutConditionFreeRules(kieBase);
		}
		List<Class<?>> matchedTypes = ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes().stream()
			.map(node -> node.getObjectType()).filter(ClassObjectType.class::isInstance)
			.<Class<?>>map(type -> ((ClassObjectType) type).getClassType()).toList();
		this.matchedConstants = constantFacts.stream().filter(fact -> matchedTypes.stream().anyMatch(type -> type.isInstance(fact))).toList();
		this.unmatchedConstants = constantFacts.stream().filter(fact -> matchedTypes.stream().noneMatch(type -> type.isInstance(fact))).toList();
		this.maxReady = 4 * Runtime.getRuntime().availableProcessors();
		ReusedWorkingMemory first = new ReusedWorkingMemory(kieBase, matchedConstants);
		List<String> blocking = first.constantFirings().stream().map(firing -> firing.getMatch().getRule())
			.filter(rule -> !positiveOnly(rule)).map(Rule::getName).distinct().sorted().toList();
		if (blocking.isEmpty()) {
			this.ready = new ConcurrentLinkedQueue<>();
			this.constantState = new ConstantFacts(first.constantState(), unmatchedConstants);
			this.ready.add(first);
			this.pool = null;
		}
		else {
			log.info("Rules {} fire without any patient and have conditions other than facts present: each patient gets a new working memory",
					blocking);
			first.dispose();
			this.ready = null;
			this.constantState = null;
			this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
		}
	}

	/** The facts the rules without any condition of this knowledge base insert, fired on an empty working memory. */
	private static List<Object> constantFactsOf(KieBase parameters) {
		KieSession empty = parameters.newKieSession();
		try {
			// only the parameter rows: the rows with conditions of a table that also has rows without
			// are in the parameter part too, and must not fire here
			empty.fireAllRules(match -> conditionFree(match.getRule()));
			return List.copyOf(empty.getObjects());
		}
		finally {
			empty.dispose();
		}
	}

	/** The knowledge base patients are evaluated on. */
	KieBase kieBase() {
		return kieBase;
	}

	/** Whether the constant facts stay in working memories reused from patient to patient (see the class comment). */
	boolean reusesWorkingMemories() {
		return ready != null;
	}

	/** The facts every patient session starts from: thresholds, settings and programme declarations. */
	List<Object> constantFacts() {
		return constantFacts;
	}

	/** The knowledge base, its rules without any condition removed (they fire once per rule set, for the constant facts). */
	static KieBase withoutConditionFreeRules(KieBase kieBase) {
		List<Rule> conditionFree = kieBase.getKiePackages().stream().flatMap(kiePackage -> kiePackage.getRules().stream())
			.filter(PatientSessions::conditionFree).toList();
		for (Rule rule : conditionFree) {
			kieBase.removeRule(rule.getPackageName(), rule.getName());
		}
		return kieBase;
	}

	/**
	 * A rule with no condition at all (a parameter row of a decision table). Only these are taken:
	 * a rule that merely fires on an empty memory ({@code not ...}, an accumulate over nothing) still
	 * depends on the patient.
	 */
	static boolean conditionFree(Rule rule) {
		List<RuleConditionElement> conditions = ((RuleImpl) rule).getLhs().getChildren();
		return conditions.isEmpty() || (conditions.size() == 1 && isInitialFact(conditions.get(0)));
	}

	/**
	 * A rule whose conditions are all patterns on facts present (no {@code not}, {@code exists},
	 * {@code eval}, {@code from} or {@code accumulate}): adding facts can only add matches to it, so
	 * what it fires on the constant facts alone it fires in every patient's evaluation too. Not
	 * checked: a rule of higher salience that tests the absence of such a rule's findings would, in a
	 * new working memory, fire before them; in a reused one they are already there. The default rules
	 * have none (no rule matches the findings of {@code CONFIRM}, the only such rule), and
	 * {@code bench/equivalence.sh} compares both ways of evaluating field by field.
	 */
	private static boolean positiveOnly(Rule rule) {
		List<RuleConditionElement> conditions = ((RuleImpl) rule).getLhs().getChildren();
		return ((RuleImpl) rule).getLhs().isAnd() && !conditions.isEmpty() && conditions.stream()
			.allMatch(condition -> condition instanceof Pattern pattern && pattern.getSource() == null && !isInitialFact(pattern));
	}

	private static boolean isInitialFact(RuleConditionElement condition) {
		return condition instanceof Pattern pattern && pattern.getObjectType() instanceof ClassObjectType type
				&& type.getClassType() == InitialFactImpl.class;
	}

	/**
	 * Every fact in working memory after the rules ran on the given facts: inputs, parameters and
	 * findings; an {@link EvaluationLimitException} when the rules passed one of the limits.
	 */
	Collection<Object> run(Object patient, AgendaEventListener listener, EvaluationLimits limits) {
		if (ready == null) {
			return runFresh(patient, listener, limits);
		}
		ReusedWorkingMemory memory = ready.poll();
		if (memory == null) {
			memory = new ReusedWorkingMemory(kieBase, matchedConstants);
		}
		try {
			return memory.run(patient, listener, limits, constantState);
		}
		finally {
			if (memory.reusable() && ready.size() < maxReady) {
				ready.add(memory);
			}
			else {
				memory.dispose();
			}
		}
	}

	private Collection<Object> runFresh(Object patient, AgendaEventListener listener, EvaluationLimits limits) {
		KieSession session = pool.newKieSession();
		try {
			if (listener != null) {
				session.addEventListener(listener);
			}
			for (Object fact : matchedConstants) {
				session.insert(fact);
			}
			session.insert(patient);
			EvaluationLimits.Guard guard = limits.guard(session);
			session.fireAllRules(guard);
			guard.verify();
			Collection<? extends Object> objects = session.getObjects();
			List<Object> facts = new ArrayList<>(objects.size() + unmatchedConstants.size());
			facts.addAll(objects);
			facts.addAll(unmatchedConstants);
			return facts;
		}
		finally {
			if (listener != null) {
				session.removeEventListener(listener);
			}
			session.dispose();
		}
	}
}
