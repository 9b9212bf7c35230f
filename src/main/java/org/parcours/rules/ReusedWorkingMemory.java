package org.parcours.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.drools.core.common.InternalFactHandle;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One working memory that keeps the constant facts between patients. It is built once: the constant
 * facts are inserted and the rules that match them alone (a programme's confirmation step) fire.
 * Each patient is then inserted, the rules fire, and everything that evaluation inserted is deleted
 * again, which brings the network back to the state it was built in. So the constant facts are
 * inserted and joined once per working memory instead of once per patient.
 *
 * <p>Only valid when each rule that fires on the constant facts alone has positive patterns only
 * ({@link PatientSessions} checks this): such a rule finds the same matches whether or not a patient
 * is there, so firing it once at build time gives the facts it would give in every evaluation. An
 * evaluation that changes or deletes a fact leaves a state that is no longer known: the working
 * memory is then not reused.
 */
final class ReusedWorkingMemory implements RuleRuntimeEventListener {

	private final KieSession session;

	/** The firings of building the constant state: reported to an evaluation's listener as its own. */
	private final List<AfterMatchFiredEvent> constantFirings = new ArrayList<>();

	/** What the current evaluation inserted, in order: deleted again when it ends. */
	private final List<FactHandle> inserted = new ArrayList<>();

	private boolean evaluating;

	/** An evaluation changed or deleted a fact, or failed: this working memory is not reused. */
	private boolean spoilt;

	ReusedWorkingMemory(KieBase kieBase, List<Object> constants) {
		this.session = kieBase.newKieSession();
		for (Object fact : constants) {
			session.insert(fact);
		}
		AgendaEventListener recorder = new DefaultAgendaEventListener() {
			@Override
			public void afterMatchFired(AfterMatchFiredEvent event) {
				constantFirings.add(event);
			}
		};
		session.addEventListener(recorder);
		session.fireAllRules();
		session.removeEventListener(recorder);
		session.addEventListener(this);
	}

	/** The rules that fired on the constant facts alone, by name (one entry per firing). */
	List<AfterMatchFiredEvent> constantFirings() {
		return constantFirings;
	}

	/** Every fact of the constant state: the constants and what the rules derived from them alone. */
	List<Object> constantState() {
		return List.copyOf(session.getObjects());
	}

	/**
	 * Runs the rules on {@code patient} and returns every fact in working memory afterwards: the
	 * {@code constants} this working memory was built with around what the evaluation inserted (the
	 * patient first). The working memory is back in its constant state afterwards, unless a rule
	 * changed or deleted a fact: then the facts are read from the working memory itself (and the
	 * unmatched constants added), and it is not reused.
	 */
	Collection<Object> run(Object patient, AgendaEventListener listener, EvaluationLimits limits, ConstantFacts constants) {
		evaluating = true;
		boolean completed = false;
		try {
			if (listener != null) {
				session.addEventListener(listener);
				constantFirings.forEach(listener::afterMatchFired);
			}
			session.insert(patient);
			EvaluationLimits.Guard guard = limits.guard(session, constantFirings.size());
			session.fireAllRules(guard);
			guard.verify();
			completed = true;
			if (spoilt) {
				List<Object> facts = new ArrayList<>(session.getObjects());
				facts.addAll(constants.after());
				return facts;
			}
			List<Object> facts = new ArrayList<>(inserted.size());
			for (FactHandle handle : inserted) {
				facts.add(((InternalFactHandle) handle).getObject());
			}
			return new EvaluatedFacts(constants, facts);
		}
		finally {
			evaluating = false;
			if (listener != null) {
				session.removeEventListener(listener);
			}
			spoilt |= !completed;
			if (!spoilt) {
				for (int i = inserted.size() - 1; i >= 0; i--) {
					session.delete(inserted.get(i));
				}
			}
			inserted.clear();
		}
	}

	/** Whether this working memory is back in its constant state and may take the next patient. */
	boolean reusable() {
		return !spoilt;
	}

	void dispose() {
		session.dispose();
	}

	@Override
	public void objectInserted(ObjectInsertedEvent event) {
		if (evaluating) {
			inserted.add(event.getFactHandle());
		}
	}

	@Override
	public void objectUpdated(ObjectUpdatedEvent event) {
		spoilt |= evaluating;
	}

	@Override
	public void objectDeleted(ObjectDeletedEvent event) {
		spoilt |= evaluating;
	}
}
