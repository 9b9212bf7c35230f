package org.parcours.rules;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The costly part of the start-up's rules stage, begun as soon as the configuration has been read
 * (when Spring runs its bean factory post-processors) rather than when Spring reaches the rules stage
 * among the singletons, after the web server, security, metrics and the application's own components.
 * The rule files are read and safety-checked and, only if that check finds nothing, compiled (or read
 * from the compiled-rules cache, their compiled code checked) into the knowledge bases that the rules
 * stage's loader shares ({@link #knowledgeBasesFor}).
 *
 * <p>The rules stage then runs every stage as before, on the files it reads itself: it finds these
 * knowledge bases only by the content hash of their parts, so files that changed in between are
 * compiled again, and nothing it would otherwise run is skipped. Nothing here reports a problem: the
 * rules stage meets it again and reports it.
 */
final class EarlyCompilation implements BeanFactoryPostProcessor, EnvironmentAware {

	private static final Logger log = LoggerFactory.getLogger(EarlyCompilation.class);

	private Environment environment;

	/** The settings the early compilation read; null when it did not start. */
	private volatile RulesProperties properties;

	/** The knowledge bases it fills, made on its own thread: the cache's key reads every class file of the service. */
	private volatile CompletableFuture<KnowledgeBases> knowledgeBases;

	private volatile CompletableFuture<KnowledgeBases.Halves> compiled = CompletableFuture.completedFuture(null);

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		RulesProperties settings;
		try {
			settings = Binder.get(environment).bindOrCreate("parcours.rules", RulesProperties.class);
		}
		catch (RuntimeException ex) {
			// the rules stage binds the same settings and reports what is wrong with them
			return;
		}
		CompletableFuture<KnowledgeBases> shared = new CompletableFuture<>();
		CompletableFuture<KnowledgeBases.Halves> future = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				KnowledgeBases knowledgeBases = new KnowledgeBases(RulesConfiguration.cache(settings));
				shared.complete(knowledgeBases);
				future.complete(compile(settings, knowledgeBases));
			}
			catch (Throwable ex) {
				shared.completeExceptionally(ex);
				future.completeExceptionally(ex);
			}
		}, "rules-start-up-early");
		thread.setDaemon(true);
		this.properties = settings;
		this.knowledgeBases = shared;
		this.compiled = future;
		thread.start();
	}

	/** Null when the files cannot be read, are refused by the safety check, or do not compile. */
	private static KnowledgeBases.Halves compile(RulesProperties settings, KnowledgeBases shared) {
		long start = System.nanoTime();
		try {
			List<RuleFile> files = RuleSetLoader.read(RulesConfiguration.directory(settings));
			if (!RuleSafetyCheck.check(files).isEmpty()) {
				return null;
			}
			KnowledgeBases.Halves halves = shared.compile(files);
			log.info("Rules compiled or read from the cache ahead of the rules stage in {} ms", (System.nanoTime() - start) / 1_000_000);
			return halves;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The knowledge bases the early compilation fills, when it read these same settings; otherwise new
	 * ones (then the rules stage compiles or reads the cache itself).
	 */
	KnowledgeBases knowledgeBasesFor(RulesProperties settings) {
		if (settings.equals(properties)) {
			try {
				return knowledgeBases.join();
			}
			catch (CompletionException ex) {
				// the rules stage makes its own and meets the same failure
			}
		}
		return new KnowledgeBases(RulesConfiguration.cache(settings));
	}

	/**
	 * Waits for the early compilation to end and returns its halves (null when there are none). The caller
	 * holds them until its own build has found them: the loader's knowledge bases are remembered weakly,
	 * as long as a rule set uses them.
	 */
	KnowledgeBases.Halves await() {
		try {
			return compiled.join();
		}
		catch (CompletionException ex) {
			return null;
		}
	}
}
