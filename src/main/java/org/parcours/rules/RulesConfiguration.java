package org.parcours.rules;

import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

import org.parcours.rules.ReloadAttempt.Outcome;
import org.parcours.rules.ReloadAttempt.Trigger;

/**
 * Loads the rule set at start-up, in the background of the rest of the start-up, through the same
 * pipeline as every reload. An invalid rule set
 * stops start-up with the list of problems (see {@link RuleSetFailureAnalyzer}); the service never
 * starts on rules it could not check, compile and test, nor on rules its {@link ActivationRecorder}s
 * could not record. A start-up may reuse the verdict of the golden cases and population guard (see
 * {@link GateVerdicts}). Its compilation, or read of the compiled-rules cache, begins earlier still, as soon
 * as the configuration is read ({@link EarlyCompilation}). Then watches the directory for edits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class RulesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

	/** Begins the rules stage's compilation, or its read of the cache, as soon as the configuration is read. */
	@Bean
	static EarlyCompilation earlyCompilation() {
		return new EarlyCompilation();
	}

	@Bean
	RuleSetLoader ruleSetLoader(Clock clock, RulesProperties properties, EarlyCompilation early) {
		return new RuleSetLoader(clock, early.knowledgeBasesFor(properties));
	}

	static CompiledRulesCache cache(RulesProperties properties) {
		RulesProperties.Cache cache = properties.cache();
		return cache.enabled()
				? new CompiledRulesCache(cache.directory().toAbsolutePath().normalize(), 2 * cache.maxEntries(), CompilerIdentity.current())
				: CompiledRulesCache.NONE;
	}

	@Bean
	CandidatePipeline candidatePipeline(RuleSetLoader loader, List<ActivationCheck> checks, RulesProperties properties,
			MeterRegistry registry, Clock clock, ConfigurableEnvironment environment) {
		RulesProperties.Cache cache = properties.cache();
		GateVerdicts verdicts = cache.enabled() && !properties.cases().alwaysRun()
				? new GateVerdicts(cache.directory().toAbsolutePath().normalize(), cache.maxEntries(),
						GateIdentity.of(checks, properties, jsonSettings(environment)), clock)
				: GateVerdicts.NONE;
		return new CandidatePipeline(loader, checks,
				new EvaluationLimits(properties.maxFiringsPerEvaluation(), properties.maxEvaluationTime(), registry), verdicts);
	}

	/**
	 * The {@code spring.jackson.*} settings, in any property source (environment variables included): they
	 * shape how a golden case's patient is read.
	 */
	private static Map<String, String> jsonSettings(ConfigurableEnvironment environment) {
		Map<String, String> settings = new TreeMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> enumerable) {
				for (String name : enumerable.getPropertyNames()) {
					if (name.startsWith("spring.jackson.") || name.startsWith("SPRING_JACKSON_")) {
						settings.putIfAbsent(name, environment.getProperty(name));
					}
				}
			}
		}
		return settings;
	}

	/** Empty until the start-up activation below: nothing answers before a rule set is active. */
	@Bean
	ActiveRuleSet activeRuleSet() {
		return new ActiveRuleSet();
	}

	@Bean
	ReloadMetrics reloadMetrics(MeterRegistry registry) {
		return new ReloadMetrics(registry);
	}

	/**
	 * The rules stage of the start-up (read, check, compile, golden cases, record), on a thread of its own
	 * while the rest of the application (web server, security, FHIR, actuator) is built: the context is not
	 * ready, so the web server does not listen, until it has ended, and a failure ends the start-up with its
	 * problems (see {@link RuleSetFailureAnalyzer}). No bean may depend on it: the rule set is reached
	 * through {@link ActiveRuleSet}.
	 */
	@Bean(bootstrap = Bean.Bootstrap.BACKGROUND)
	StartUpActivation startUpActivation(ActiveRuleSet active, CandidatePipeline pipeline, RulesProperties properties,
			List<ActivationRecorder> recorders, ReloadMetrics metrics, EarlyCompilation early) {
		long start = System.nanoTime();
		// held until the build below has found them (see EarlyCompilation)
		KnowledgeBases.Halves compiledEarly = early.await();
		Path directory = directory(properties);
		List<RuleFile> files = RuleSetLoader.read(directory);
		CandidatePipeline.Checked checked = pipeline.buildAtStartUp(files);
		Reference.reachabilityFence(compiledEarly);
		RuleSet ruleSet = checked.ruleSet();
		ActivationRecorder.Activation activation = new ActivationRecorder.Activation(ruleSet.version(), ruleSet.contentHash(), files,
				ruleSet.loadedAt(), Trigger.STARTUP, null, checked.verdictReusedFrom());
		try {
			recorders.forEach(recorder -> recorder.activating(activation));
		}
		catch (UncheckedIOException ex) {
			throw new RuleSetException(ActivationRecorder.STAGE,
					List.of(new RuleProblem(null, 0, "the activation could not be recorded in the rules history: " + ex.getCause())));
		}
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		active.activate(ruleSet);
		active.record(new ReloadAttempt(ruleSet.loadedAt(), Trigger.STARTUP, Outcome.ACTIVATED, millis, ruleSet.version(), null, List.of()));
		metrics.active(ruleSet);
		log.info("Rule set {} active: {} files from {} checked and compiled in {} ms{}", ruleSet.version(), ruleSet.files().size(),
				directory, millis, checked.verdictReusedFrom() == null ? ""
						: " (golden cases and population guard not run: passed on " + checked.verdictReusedFrom() + ")");
		return new StartUpActivation(ruleSet.version(), checked.verdictReusedFrom());
	}

	/** The thread of the start-up activation (Spring's name for the executor of background bean initialisation). */
	@Bean
	Executor bootstrapExecutor() {
		return new SimpleAsyncTaskExecutor("rules-start-up-");
	}

	@Bean
	RuleReloader ruleReloader(ActiveRuleSet active, CandidatePipeline pipeline, RulesProperties properties, Clock clock,
			ReloadMetrics metrics, CandidateWarmUp warmUp, List<ActivationRecorder> recorders) {
		return new RuleReloader(active, pipeline, directory(properties), clock, metrics, properties.reloadDeadline(),
				warmUp, properties.warmUp(), recorders);
	}

	@Bean
	@ConditionalOnProperty(name = "parcours.rules.watch.enabled", havingValue = "true", matchIfMissing = true)
	RulesWatcher rulesWatcher(RuleReloader reloader, RulesProperties properties) {
		return new RulesWatcher(reloader, directory(properties), properties.watch());
	}

	static Path directory(RulesProperties properties) {
		return properties.directory().toAbsolutePath().normalize();
	}
}
