package org.parcours.rules;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;

import org.parcours.facts.PatientFacts;
import org.parcours.facts.PopulationTarget;
import org.parcours.facts.Programme;
import org.parcours.vocabulary.Vocabulary;

/**
 * One immutable, compiled rule set: every file under the rules directory, its vocabularies and its
 * knowledge base, with a version derived from the content only and, apart, the time it was loaded.
 * An evaluation runs entirely on one snapshot, so no answer ever mixes two versions of the rules.
 */
public final class RuleSet {

	/** A file of the rule set and its SHA-256, as listed by the status endpoint. */
	public record FileHash(String path, String sha256) {
	}

	private final String version;

	private final String contentHash;

	private final Instant loadedAt;

	private final List<FileHash> files;

	private final Vocabulary vocabulary;

	private final PatientSessions sessions;

	private final List<String> programmes;

	private final List<PopulationTarget> populationTargets;

	private final EvaluationLimits limits;

	private final KnowledgeBases.RulesPartCode rulesPartCode;

	RuleSet(String contentHash, Instant loadedAt, List<FileHash> files, Vocabulary vocabulary, KnowledgeBases.Halves compiled) {
		this.contentHash = contentHash;
		this.version = RuleSetVersion.of(contentHash);
		this.loadedAt = loadedAt;
		this.files = List.copyOf(files);
		this.vocabulary = vocabulary;
		this.sessions = new PatientSessions(compiled.parameters(), compiled.rules());
		this.programmes = sessions.constantFacts().stream().filter(Programme.class::isInstance).map(Programme.class::cast)
			.map(Programme::id).sorted().distinct().toList();
		this.populationTargets = sessions.constantFacts().stream().filter(PopulationTarget.class::isInstance)
			.map(PopulationTarget.class::cast).sorted(java.util.Comparator.comparing(PopulationTarget::id)).toList();
		this.limits = EvaluationLimits.DEFAULT;
		this.rulesPartCode = compiled.code();
	}

	private RuleSet(RuleSet rules, EvaluationLimits limits) {
		this.contentHash = rules.contentHash;
		this.version = rules.version;
		this.loadedAt = rules.loadedAt;
		this.files = rules.files;
		this.vocabulary = rules.vocabulary;
		this.sessions = rules.sessions;
		this.programmes = rules.programmes;
		this.populationTargets = rules.populationTargets;
		this.limits = limits;
		this.rulesPartCode = rules.rulesPartCode;
	}

	/** The same rule set (same compiled rules, same version) evaluating under the given limits. */
	RuleSet limitedBy(EvaluationLimits limits) {
		return new RuleSet(this, limits);
	}

	public String version() {
		return version;
	}

	public String contentHash() {
		return contentHash;
	}

	public Instant loadedAt() {
		return loadedAt;
	}

	public List<FileHash> files() {
		return files;
	}

	public Vocabulary vocabulary() {
		return vocabulary;
	}

	/**
	 * The ids of the programmes this rule set declares ({@code Programme} facts of its programme files),
	 * sorted by id as answers list them: every answer has one status for each.
	 */
	public List<String> programmes() {
		return programmes;
	}

	/** The level shares this rule set declares a roster should show (population targets), sorted by id. */
	public List<PopulationTarget> populationTargets() {
		return populationTargets;
	}

	/** The knowledge base patients are evaluated on: the rules part, shared with every rule set that has the same rules part. */
	KieBase rulesKnowledgeBase() {
		return sessions.kieBase();
	}

	/** How many of the rules part's files have classes of their own, not shared with the rule set in use when it was compiled. */
	KnowledgeBases.RulesPartCode rulesPartCode() {
		return rulesPartCode;
	}

	/** Whether evaluations reuse working memories that keep the constant facts (false: a rule fires without any patient). */
	boolean reusesWorkingMemories() {
		return sessions.reusesWorkingMemories();
	}

	/**
	 * Runs the rules on one patient and returns every fact in working memory afterwards: the patient,
	 * the parameters and all findings the rules inserted.
	 *
	 * @throws EvaluationLimitException when the rules passed the firing or time limit of one evaluation
	 */
	public Collection<Object> evaluate(PatientFacts patient, AgendaEventListener listener) {
		return sessions.run(patient, listener, limits);
	}
}
