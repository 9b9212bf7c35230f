package org.parcours.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.kie.api.KieBase;
import org.kie.api.command.Command;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.StatelessKieSession;
import org.kie.internal.command.CommandFactory;

import org.parcours.facts.PatientFacts;
import org.parcours.vocabulary.Vocabulary;

/**
 * One immutable, compiled rule set: every file under the rules directory, its vocabularies and its
 * knowledge base, with a version (content hash plus load time). An evaluation runs entirely on one
 * snapshot, so no answer ever mixes two versions of the rules.
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

	private final KieSessionsPool sessions;

	RuleSet(String contentHash, Instant loadedAt, List<FileHash> files, Vocabulary vocabulary, KieBase kieBase) {
		this.contentHash = contentHash;
		this.version = RuleSetVersion.of(contentHash, loadedAt);
		this.loadedAt = loadedAt;
		this.files = List.copyOf(files);
		this.vocabulary = vocabulary;
		// Stateless sessions from a pool reuse reset working memories: building a session's node
		// memories from scratch cost more than evaluating the rules (measured: see README).
		this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
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
	 * Runs the rules on one patient in a fresh stateless session and returns every fact in working
	 * memory afterwards: the patient, the parameters and all findings the rules inserted.
	 */
	public Collection<Object> evaluate(PatientFacts patient, AgendaEventListener listener) {
		StatelessKieSession session = sessions.newStatelessKieSession();
		if (listener != null) {
			session.addEventListener(listener);
		}
		List<Command<?>> commands = new ArrayList<>(3);
		commands.add(CommandFactory.newInsert(patient));
		commands.add(CommandFactory.newFireAllRules());
		commands.add(CommandFactory.newGetObjects("facts"));
		ExecutionResults results = session.execute(CommandFactory.newBatchExecution(commands));
		@SuppressWarnings("unchecked")
		Collection<Object> facts = (Collection<Object>) results.getValue("facts");
		return facts;
	}
}
