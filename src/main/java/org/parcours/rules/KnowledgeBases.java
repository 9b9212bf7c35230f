package org.parcours.rules;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

import org.drools.core.impl.InternalRuleBase;
import org.drools.model.Model;
import org.kie.api.KieBase;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The compiled halves of a rule set (see {@link RuleSourceSplit}): the rules part, one knowledge base
 * assembled from each file's compiled rules, and the parameter part as one knowledge base per file,
 * each shared by every rule set with the same part or share. An edit thus compiles the edited file's
 * shares alone (a rule edit: the other files' rules keep their loaded classes, already compiled by the
 * just-in-time compiler, in the new knowledge base), and a rule set that differs from the
 * active one only in its parameters runs on the very knowledge base of the rules the active one runs
 * on: the same loaded classes, already compiled by the JVM's just-in-time compiler, no new class
 * loader, no second check of the compiled code; and a reload of unchanged files compiles, reads and
 * checks nothing. Knowledge bases are remembered weakly, by the content hash of their part or share:
 * one stays known as long as a rule set that uses it is alive (the active
 * one, one kept for history), and nothing else keeps it. Nothing changes a knowledge base once it is
 * known here.
 */
final class KnowledgeBases {

	private static final Logger log = LoggerFactory.getLogger(KnowledgeBases.class);

	/**
	 * A rule set's compiled halves: the parameter part, one knowledge base per file in the order of the
	 * files (fired once, in that order, for the constant facts), and the shared rules part. The parameter
	 * part is one knowledge base when it compiles only whole (see {@link #parametersPart}), and it is
	 * the rules part itself, not shared, for a rule set that could not be cut in two.
	 */
	record Halves(List<KieBase> parameters, KieBase rules, RulesPartCode code) {

		Halves {
			parameters = List.copyOf(parameters);
		}
	}

	/**
	 * How many of the rules part's files were given classes of their own by this compilation, of how many:
	 * the others run on the classes of a rule set still in use (the active one), which the just-in-time
	 * compiler has compiled already. A part compiled whole, or read whole from the cache, is all new.
	 */
	record RulesPartCode(int filesAnew, int files) {

		static final RulesPartCode WHOLE = new RulesPartCode(1, 1);

		/**
		 * Whether most of the part runs on classes already compiled: at most a third of its files new. An
		 * edit of one of the default rules' 34 files is (measured: its warm-up gave nothing); an edit of a
		 * function of {@code programmes}, whose files are most of the part, is not.
		 */
		boolean mostlyCompiledAlready() {
			return filesAnew * 3 <= files;
		}
	}

	private static final String COMPILATION = "Compilation";

	private final CompiledRulesCache cache;

	/** Knowledge bases of the rules part and of each file's parameters by their content hash (the hashes never meet, see RuleSourceSplit). */
	private final Weakly<KieBase> parts = new Weakly<>();

	/**
	 * The models of each file of the rules part by the content hash of the file and what it compiles with;
	 * each stays known as long as a knowledge base assembled from it is alive ({@link #modelsInUse}).
	 */
	private final Weakly<List<Model>> files = new Weakly<>();

	/** The models each knowledge base of a rules part was assembled from, kept as long as it is alive. */
	private final Map<KieBase, List<List<Model>>> modelsInUse = new WeakHashMap<>();

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
			return new Halves(List.of(whole), whole, RulesPartCode.WHOLE);
		}
		// the two parts compile at the same time, on two cores where there are two: a cold start, or an edit of
		// a file in both parts, waits for the longer compilation instead of both one after the other
		CompletableFuture<List<KieBase>> parameterPart = CompletableFuture.supplyAsync(() -> timed("Parameter", () -> parametersPart(split)),
				KnowledgeBases::onItsOwnThread);
		List<RuleSetException> failures = new ArrayList<>();
		KieBase rules = null;
		// counted before the compilation, which makes every file's models known
		int filesAnew = (int) split.ruleUnits().stream().filter(unit -> this.files.known(RuleSourceSplit.ruleUnitHash(unit)) == null).count();
		try {
			rules = timed("Rules", () -> rulesPart(split));
		}
		catch (RuleSetException ex) {
			failures.add(ex);
		}
		List<KieBase> parameters = null;
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
		return new Halves(parameters, rules, codeOf(rules, filesAnew, split.ruleUnits().size()));
	}

	/** A rules part assembled from its files' models has {@code filesAnew} of them new; one compiled whole is all new. */
	private synchronized RulesPartCode codeOf(KieBase rules, int filesAnew, int files) {
		return modelsInUse.containsKey(rules) ? new RulesPartCode(filesAnew, files) : RulesPartCode.WHOLE;
	}

	private static <T> T timed(String part, Supplier<T> build) {
		long start = System.nanoTime();
		T kieBase = build.get();
		log.debug("{} part ready in {} ms", part, (System.nanoTime() - start) / 1_000_000);
		return kieBase;
	}

	private static void onItsOwnThread(Runnable compilation) {
		Thread thread = new Thread(compilation, "rules-parameter-part");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * The knowledge bases of this parameter part, one per file's share (compiled with its package's
	 * functions): for each, the one already built for it if a rule set still uses it, else a new one. A
	 * share that does not compile so (a mistake, or a reference to a rule or query of another file) makes
	 * the whole part compile as one, as the engine reads the files: the rules then run as they compile
	 * whole, and a mistake is reported as by a compilation of the whole. A share refused by the
	 * compiled-code check is refused.
	 */
	private List<KieBase> parametersPart(RuleSourceSplit split) {
		ByFile<KieBase> shares = ByFile.of(split.shares(), share -> {
			String key = RuleSourceSplit.shareHash(share);
			return parts.get(key, () -> DrlCompiler.compile(share, key, cache.shares(), DrlCompiler.Part.PARAMETERS));
		});
		if (!shares.alone().isEmpty()) {
			String key = split.parametersHash();
			KieBase whole = parts.get(key, () -> DrlCompiler.compile(split.parameters(), key, cache, DrlCompiler.Part.PARAMETERS));
			log.info("The parameters of {} do not compile without the other files': the parameter part is compiled whole", shares.alone());
			return List.of(whole);
		}
		if (!shares.failures().isEmpty()) {
			throw merged(shares.failures(), split.parameters());
		}
		return shares.built();
	}

	/** The knowledge base of this rules part: the one already built for it if a rule set still uses it, else a new one. */
	private KieBase rulesPart(RuleSourceSplit split) {
		String key = split.rulesHash();
		// a table with rows with and without conditions is in both parts: its rows without are taken out
		// of the rules part before it is shared, since afterwards nothing changes it
		return parts.get(key, () -> unreferencingItsWorkingMemories(PatientSessions.withoutConditionFreeRules(fileByFile(split))));
	}

	/**
	 * The rules part assembled from each file's models (compiled with its package's functions): for each
	 * file, the models already loaded for it if a rule set still uses them (the same classes, already
	 * compiled by the just-in-time compiler), else the cache's or a new compilation's. A file that does
	 * not compile so (a mistake, or a reference to a rule or query of another file) makes the whole part
	 * compile as one, as for the parameter shares: a mistake is then reported as by a compilation of the
	 * whole. A file refused by the compiled-code check is refused.
	 */
	private KieBase fileByFile(RuleSourceSplit split) {
		// in the order a build of the whole part adds their rules: rules of equal salience fire in that order
		List<String> order = DrlCompiler.buildOrder(split.rules());
		List<List<RuleFile>> units = split.ruleUnits().stream().sorted(Comparator.comparingInt(unit -> order.indexOf(unit.get(0).path()))).toList();
		ByFile<List<Model>> models = ByFile.of(units, unit -> {
			String key = RuleSourceSplit.ruleUnitHash(unit);
			return files.get(key, () -> DrlCompiler.models(unit, key, cache.shares(), DrlCompiler.Part.RULES));
		});
		if (!models.alone().isEmpty()) {
			log.info("The rules of {} do not compile without the other files': the rules part is compiled whole", models.alone());
			return DrlCompiler.compile(split.rules(), split.rulesHash(), cache);
		}
		if (!models.failures().isEmpty()) {
			throw merged(models.failures(), split.rules());
		}
		KieBase assembled = ModelAssembly.knowledgeBase(models.built());
		synchronized (this) {
			modelsInUse.put(assembled, List.copyOf(models.built()));
		}
		return assembled;
	}

	/**
	 * What each file's share of a part built, in the order of the files, the failures, and the files whose
	 * share did not compile alone (a mistake, or a reference to another file's rule): those make the whole
	 * part compile as one.
	 */
	private record ByFile<T>(List<T> built, List<RuleSetException> failures, List<String> alone) {

		static <T> ByFile<T> of(List<List<RuleFile>> shares, Function<List<RuleFile>, T> build) {
			ByFile<T> byFile = new ByFile<>(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
			for (List<RuleFile> share : shares) {
				try {
					byFile.built.add(build.apply(share));
				}
				catch (RuleSetException ex) {
					byFile.failures.add(ex);
					if (ex.stage().equals(COMPILATION)) {
						byFile.alone.add(share.get(0).path());
					}
				}
			}
			return byFile;
		}
	}

	/**
	 * What was built for a key (a part's or a file's content hash) while something still uses it, else a
	 * new one. A knowledge base of an unchanged parameter part then costs neither a read of the cache nor a
	 * check of its compiled code (firing it for the constant facts on an empty working memory changes
	 * nothing in it), and unchanged files' models keep their loaded classes.
	 */
	private static final class Weakly<T> {

		private final Map<String, WeakReference<T>> values = new HashMap<>();

		T get(String key, Supplier<T> build) {
			T known = known(key);
			if (known != null) {
				log.debug("Part {} unchanged: what was built for it is shared", key.substring(0, 12));
				return known;
			}
			T built = build.get();
			synchronized (this) {
				// a candidate built at the same time (a reload past its deadline, still running) may have been first
				T first = known(key);
				if (first != null) {
					return first;
				}
				values.values().removeIf(reference -> reference.get() == null);
				values.put(key, new WeakReference<>(built));
				return built;
			}
		}

		private synchronized T known(String key) {
			WeakReference<T> reference = values.get(key);
			return reference == null ? null : reference.get();
		}
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

	/**
	 * One failure with the problems of every failure at the earliest stage (a compilation's before the
	 * compiled-code check's, as one compilation of the whole would report), in the order of the files.
	 */
	private static RuleSetException merged(List<RuleSetException> failures, List<RuleFile> files) {
		String stage = failures.stream().map(RuleSetException::stage).filter(COMPILATION::equals).findFirst().orElse(failures.get(0).stage());
		List<String> order = files.stream().map(RuleFile::path).toList();
		List<RuleProblem> problems = failures.stream().filter(failure -> failure.stage().equals(stage)).flatMap(failure -> failure.problems().stream())
			.sorted(Comparator.comparingInt(problem -> order.indexOf(problem.file()) < 0 ? order.size() : order.indexOf(problem.file())))
			.distinct().toList();
		return new RuleSetException(stage, problems);
	}
}
