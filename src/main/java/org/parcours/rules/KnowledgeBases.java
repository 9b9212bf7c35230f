package org.parcours.rules;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.drools.core.impl.InternalRuleBase;
import org.kie.api.KieBase;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two compiled halves of a rule set (see {@link RuleSourceSplit}), each shared by every rule set
 * with the same part. A rule set that differs from the active one only in its parameters thus runs on
 * the very knowledge base the active one runs on: the same loaded classes, already compiled by the
 * JVM's just-in-time compiler, no new class loader, no second check of the compiled code; and a reload
 * of unchanged files compiles, reads and checks nothing. Knowledge bases are remembered weakly, by the
 * content hash of their part: one stays known as long as a rule set that uses it is alive (the active
 * one, one kept for history), and nothing else keeps it. Nothing changes a knowledge base once it is
 * known here.
 */
final class KnowledgeBases {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeBases.class);

	/**
	 * A rule set's compiled halves: the parameter part (fired once for the constant facts) and the shared
	 * rules part; the same knowledge base twice, not shared, for a rule set that could not be cut in two.
	 */
	record Halves(KieBase parameters, KieBase rules) {
	}

	private final CompiledRulesCache cache;

	/** Knowledge bases of both parts by the content hash of their part (the two hashes never meet, see RuleSourceSplit). */
	private final Map<String, WeakReference<KieBase>> parts = new HashMap<>();

	KnowledgeBases(CompiledRulesCache cache) {
		this.cache = cache;
	}

	/**
	 * Both halves of these files. A compile error or a refused compiled code in either half is reported
	 * with those of the other, in the order of the files, as one compilation of the whole would.
	 */
	Halves compile(List<RuleFile> files) {
		RuleSourceSplit split = RuleSourceSplit.of(files);
		if (!split.cut()) {
			// compiled whole: its parameters are fired and taken out by PatientSessions, on a knowledge base of its own
			KieBase whole = DrlCompiler.compile(split.rules(), split.rulesHash(), cache);
			return new Halves(whole, whole);
		}
		// the two parts compile at the same time, on two cores where there are two: a cold start, or an edit of
		// a file in both parts, waits for the longer compilation instead of both one after the other
		CompletableFuture<KieBase> parameterPart = CompletableFuture.supplyAsync(() -> timed("Parameter", () -> parametersPart(split)),
				KnowledgeBases::onItsOwnThread);
		List<RuleSetException> failures = new ArrayList<>();
		KieBase rules = null;
		try {
			rules = timed("Rules", () -> rulesPart(split));
		}
		catch (RuleSetException ex) {
			failures.add(ex);
		}
		KieBase parameters = null;
		try {
			parameters = parameterPart.join();
		}
		catch (CompletionException ex) {
			if (!(ex.getCause() instanceof RuleSetException failure)) {
				throw ex.getCause() instanceof RuntimeException unexpected ? unexpected : ex;
			}
			failures.add(0, failure);
		}
		if (!failures.isEmpty()) {
			throw merged(failures, files);
		}
		return new Halves(parameters, rules);
	}

	private static KieBase timed(String part, Supplier<KieBase> build) {
		long start = System.nanoTime();
		KieBase kieBase = build.get();
		log.debug("{} part ready in {} ms", part, (System.nanoTime() - start) / 1_000_000);
		return kieBase;
	}

	private static void onItsOwnThread(Runnable compilation) {
		Thread thread = new Thread(compilation, "rules-parameter-part");
		thread.setDaemon(true);
		thread.start();
	}

	/** The knowledge base of this parameter part: the one already built for it if a rule set still uses it, else a new one. */
	private KieBase parametersPart(RuleSourceSplit split) {
		String key = split.parametersHash();
		return shared(key, () -> DrlCompiler.compile(split.parameters(), key, cache, DrlCompiler.Part.PARAMETERS));
	}

	/** The knowledge base of this rules part: the one already built for it if a rule set still uses it, else a new one. */
	private KieBase rulesPart(RuleSourceSplit split) {
		String key = split.rulesHash();
		// a table with rows with and without conditions is in both parts: its rows without are taken out
		// of the rules part before it is shared, since afterwards nothing changes it
		return shared(key, () -> unreferencingItsWorkingMemories(
				PatientSessions.withoutConditionFreeRules(DrlCompiler.compile(split.rules(), key, cache))));
	}

	/**
	 * The knowledge base already built for this part if a rule set still uses it, else a new one. The
	 * parameter part is shared too: an unchanged one then costs neither a read of the cache nor a check
	 * of its compiled code; firing it for the constant facts on an empty working memory changes nothing in it.
	 */
	private KieBase shared(String key, Supplier<KieBase> build) {
		KieBase known = known(key);
		if (known != null) {
			log.debug("Part {} unchanged: its knowledge base is shared", key.substring(0, 12));
			return known;
		}
		KieBase built = build.get();
		synchronized (this) {
			// a candidate built at the same time (a reload past its deadline, still running) may have been first
			KieBase first = known(key);
			if (first != null) {
				return first;
			}
			parts.values().removeIf(reference -> reference.get() == null);
			parts.put(key, new WeakReference<>(built));
			return built;
		}
	}

	private synchronized KieBase known(String key) {
		WeakReference<KieBase> reference = parts.get(key);
		return reference == null ? null : reference.get();
	}

	/**
	 * By default a knowledge base keeps a reference to every working memory made from it (to bring them
	 * up to date when it changes) until that one is disposed. The working memories a rule set keeps for
	 * reuse are never disposed, only dropped with the rule set: a shared knowledge base would keep those
	 * of every rule set that ever used it. Nothing changes it once shared, so it need not know them.
	 */
	private static KieBase unreferencingItsWorkingMemories(KieBase kieBase) {
		((InternalRuleBase) kieBase).getSessionConfiguration().setOption(KeepReferenceOption.NO);
		return kieBase;
	}

	/** One failure with the problems of both halves, in the order of the files, when both failed at the same stage. */
	private static RuleSetException merged(List<RuleSetException> failures, List<RuleFile> files) {
		if (failures.size() == 1 || !failures.get(0).stage().equals(failures.get(1).stage())) {
			return failures.get(0);
		}
		List<String> order = files.stream().map(RuleFile::path).toList();
		List<RuleProblem> problems = failures.stream().flatMap(failure -> failure.problems().stream())
			.sorted(Comparator.comparingInt(problem -> order.indexOf(problem.file()) < 0 ? order.size() : order.indexOf(problem.file())))
			.distinct().toList();
		return new RuleSetException(failures.get(0).stage(), problems);
	}
}
