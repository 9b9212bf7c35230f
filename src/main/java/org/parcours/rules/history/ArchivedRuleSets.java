package org.parcours.rules.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.CandidatePipeline;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetException;

/**
 * Rule sets by version, to reproduce a past answer: the active one when it is that version, otherwise
 * the archived files compiled on first use through the same gate as any activation (safety check,
 * compilation, golden cases, under the same limits), and kept compiled among the last few used.
 * Concurrent requests for the same version wait for one compilation.
 */
public final class ArchivedRuleSets {

	private final RuleSetArchive archive;

	private final CandidatePipeline pipeline;

	private final ActiveRuleSet active;

	private final Map<String, FutureTask<RuleSet>> compiled;

	ArchivedRuleSets(RuleSetArchive archive, CandidatePipeline pipeline, ActiveRuleSet active, int capacity) {
		this.archive = archive;
		this.pipeline = pipeline;
		this.active = active;
		this.compiled = new LinkedHashMap<>(capacity + 1, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, FutureTask<RuleSet>> eldest) {
				return size() > capacity;
			}
		};
	}

	/**
	 * @throws ArchivedVersionException 404 when the version was never activated here, 422 when it no longer passes the gate
	 */
	public RuleSet get(String version) {
		RuleSet current = active.get();
		if (current.version().equals(version)) {
			return current;
		}
		ArchivedVersion archived = archive.version(version).orElseThrow(() -> ArchivedVersionException.unknown(version));
		FutureTask<RuleSet> build;
		boolean mine = false;
		synchronized (compiled) {
			build = compiled.get(version);
			if (build == null) {
				build = new FutureTask<>(() -> pipeline.build(archive.files(archived)));
				compiled.put(version, build);
				mine = true;
			}
		}
		if (mine) {
			build.run();
		}
		try {
			return build.get();
		}
		catch (ExecutionException ex) {
			forget(version, build);
			if (ex.getCause() instanceof RuleSetException failure) {
				throw ArchivedVersionException.refused(version, failure);
			}
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while compiling rule set " + version, ex);
		}
	}

	/** How many versions are compiled and kept (the bound is {@code parcours.rules.history-compiled-versions}). */
	int compiledCount() {
		synchronized (compiled) {
			return compiled.size();
		}
	}

	private void forget(String version, FutureTask<RuleSet> build) {
		synchronized (compiled) {
			compiled.remove(version, build);
		}
	}
}
