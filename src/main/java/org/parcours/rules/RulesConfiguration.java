package org.parcours.rules;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.parcours.rules.ReloadAttempt.Outcome;
import org.parcours.rules.ReloadAttempt.Trigger;

/**
 * Loads the rule set at start-up through the same pipeline as every reload. An invalid rule set
 * stops start-up with the list of problems (see {@link RuleSetFailureAnalyzer}); the service never
 * starts on rules it could not check, compile and test, nor on rules its {@link ActivationRecorder}s
 * could not record. Then watches the directory for edits.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class RulesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

	@Bean
	RuleSetLoader ruleSetLoader(Clock clock, RulesProperties properties) {
		RulesProperties.Cache cache = properties.cache();
		return new RuleSetLoader(clock, cache.enabled()
				? new CompiledRulesCache(cache.directory().toAbsolutePath().normalize(), 2 * cache.maxEntries(), CompilerIdentity.current())
				: CompiledRulesCache.NONE);
	}

	@Bean
	CandidatePipeline candidatePipeline(RuleSetLoader loader, List<ActivationCheck> checks, RulesProperties properties,
			MeterRegistry registry) {
		return new CandidatePipeline(loader, checks,
				new EvaluationLimits(properties.maxFiringsPerEvaluation(), properties.maxEvaluationTime(), registry));
	}

	@Bean
	ActiveRuleSet activeRuleSet(CandidatePipeline pipeline, RulesProperties properties, List<ActivationRecorder> recorders) {
		long start = System.nanoTime();
		Path directory = directory(properties);
		List<RuleFile> files = RuleSetLoader.read(directory);
		RuleSet ruleSet = pipeline.build(files);
		ActivationRecorder.Activation activation = new ActivationRecorder.Activation(ruleSet.version(), ruleSet.contentHash(), files,
				ruleSet.loadedAt(), Trigger.STARTUP, null);
		try {
			recorders.forEach(recorder -> recorder.activating(activation));
		}
		catch (UncheckedIOException ex) {
			throw new RuleSetException(ActivationRecorder.STAGE,
					List.of(new RuleProblem(null, 0, "the activation could not be recorded in the rules history: " + ex.getCause())));
		}
		long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
		ActiveRuleSet active = new ActiveRuleSet(ruleSet);
		active.record(new ReloadAttempt(ruleSet.loadedAt(), Trigger.STARTUP, Outcome.ACTIVATED, millis, ruleSet.version(), null, List.of()));
		log.info("Rule set {} active: {} files from {} checked and compiled in {} ms", ruleSet.version(), ruleSet.files().size(),
				directory, millis);
		return active;
	}

	@Bean
	RuleReloader ruleReloader(ActiveRuleSet active, CandidatePipeline pipeline, RulesProperties properties, Clock clock,
			MeterRegistry registry, CandidateWarmUp warmUp, List<ActivationRecorder> recorders) {
		return new RuleReloader(active, pipeline, directory(properties), clock, new ReloadMetrics(registry), properties.reloadDeadline(),
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
