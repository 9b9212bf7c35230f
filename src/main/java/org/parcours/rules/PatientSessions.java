package org.parcours.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

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

/**
 * Runs a knowledge base on one patient at a time, inserting the patient-independent facts only once.
 *
 * <p>Decision tables of parameters (thresholds, settings, programme declarations) are rules without
 * any condition: they fire identically for every patient. So those rules run once, on an empty
 * working memory, and are then taken out of the knowledge base: each patient's working memory starts
 * from the facts they inserted, and the agenda no longer activates, orders and filters out these rules
 * (87 of the default rules) for every patient. Which rules these are is
 * read from the compiled rules, never listed: a clinician's new parameter table is picked up as it is.
 * Constant facts that no rule matches (a programme's next steps, read only by the answer) are not
 * even inserted: they are added to each evaluation's result.
 *
 * <p>Sessions come from a pool: building a session's node memories cost more than the evaluation.
 * Each evaluation runs under {@link EvaluationLimits}, so a rule that keeps firing ends that evaluation
 * with an error instead of holding a thread and filling the heap.
 */
final class PatientSessions {

	private final KieSessionsPool pool;

	private final List<Object> constantFacts;

	/** The constant facts some rule matches: inserted into each patient's working memory. */
	private final List<Object> matchedConstants;

	/** The constant facts no rule matches (a programme's next steps): only added to every result. */
	private final List<Object> unmatchedConstants;

	/** Takes {@code kieBase} over: its condition-free rules are removed once their facts are known. */
	PatientSessions(KieBase kieBase) {
		Set<Rule> constantRules = Collections.newSetFromMap(new IdentityHashMap<>());
		kieBase.getKiePackages().stream()
			.flatMap(kiePackage -> kiePackage.getRules().stream())
			.filter(PatientSessions::conditionFree)
			.forEach(constantRules::add);
		KieSession empty = kieBase.newKieSession();
		try {
			// only the parameter rows: a rule that fires on an empty memory (a "not", an accumulate
			// over nothing, a rule reading only the programme declarations) still runs per patient
			empty.fireAllRules(match -> constantRules.contains(match.getRule()));
			this.constantFacts = Deployment.offered(empty.getObjects());
		}
		finally {
			empty.dispose();
		}
		for (Rule rule : constantRules) {
			kieBase.removeRule(rule.getPackageName(), rule.getName());
		}
		List<Class<?>> matchedTypes = ((InternalRuleBase) kieBase).getRete().getObjectTypeNodes().stream()
			.map(node -> node.getObjectType()).filter(ClassObjectType.class::isInstance)
			.<Class<?>>map(type -> ((ClassObjectType) type).getClassType()).toList();
		this.matchedConstants = constantFacts.stream().filter(fact -> matchedTypes.stream().anyMatch(type -> type.isInstance(fact))).toList();
		this.unmatchedConstants = constantFacts.stream().filter(fact -> matchedTypes.stream().noneMatch(type -> type.isInstance(fact))).toList();
		this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
	}

	/** The facts every patient session starts from: thresholds, settings and programme declarations. */
	List<Object> constantFacts() {
		return constantFacts;
	}

	/**
	 * A rule with no condition at all (a parameter row of a decision table). Only these are taken:
	 * a rule that merely fires on an empty memory ({@code not ...}, an accumulate over nothing) still
	 * depends on the patient.
	 */
	private static boolean conditionFree(Rule rule) {
		List<RuleConditionElement> conditions = ((RuleImpl) rule).getLhs().getChildren();
		return conditions.isEmpty() || (conditions.size() == 1 && conditions.get(0) instanceof Pattern pattern
				&& pattern.getObjectType() instanceof ClassObjectType type && type.getClassType() == InitialFactImpl.class);
	}

	/**
	 * Every fact in working memory after the rules ran on the given facts: inputs, parameters and
	 * findings; an {@link EvaluationLimitException} when the rules passed one of the limits.
	 */
	Collection<Object> run(Object patient, AgendaEventListener listener, EvaluationLimits limits) {
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
