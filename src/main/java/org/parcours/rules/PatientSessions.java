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
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * Runs a knowledge base on one patient at a time, inserting the patient-independent facts only once.
 *
 * <p>Decision tables of parameters (thresholds, settings, programme declarations) are rules without
 * any condition: they fire identically for every patient, and re-firing them was a third of all
 * firings per evaluation. So those rules run once, on an empty working memory, and each patient session
 * starts from the facts they inserted and skips them. Which rules these are is read from the compiled
 * rules, never listed: a clinician's new parameter table is picked up as it is.
 *
 * <p>Sessions come from a pool: building a session's node memories cost more than the evaluation.
 * Each evaluation runs under {@link EvaluationLimits}, so a rule that keeps firing ends that evaluation
 * with an error instead of holding a thread and filling the heap.
 */
final class PatientSessions {

	private final KieSessionsPool pool;

	private final List<Object> constantFacts;

	private final AgendaFilter skipConstantRules;

	PatientSessions(KieBase kieBase) {
		this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
		// By identity: a match carries the knowledge base's own rule objects, and the filter runs on every
		// match, so it must not build or hash a name there.
		Set<Rule> constantRules = Collections.newSetFromMap(new IdentityHashMap<>());
		kieBase.getKiePackages().stream()
			.flatMap(kiePackage -> kiePackage.getRules().stream())
			.filter(PatientSessions::conditionFree)
			.forEach(constantRules::add);
		KieSession empty = kieBase.newKieSession();
		try {
			empty.fireAllRules(match -> constantRules.contains(match.getRule()));
			this.constantFacts = Deployment.offered(empty.getObjects());
		}
		finally {
			empty.dispose();
		}
		this.skipConstantRules = match -> !constantRules.contains(match.getRule());
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
			for (Object fact : constantFacts) {
				session.insert(fact);
			}
			session.insert(patient);
			EvaluationLimits.Guard guard = limits.guard(session, skipConstantRules);
			session.fireAllRules(guard);
			guard.verify();
			return new ArrayList<>(session.getObjects());
		}
		finally {
			if (listener != null) {
				session.removeEventListener(listener);
			}
			session.dispose();
		}
	}
}
