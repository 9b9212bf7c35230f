package org.parcours.rules;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the rule set at start-up. An invalid rule set stops start-up with the list of problems
 * (see {@link RuleSetFailureAnalyzer}); the service never starts on rules it could not compile.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RulesProperties.class)
class RulesConfiguration {

	private static final Logger log = LoggerFactory.getLogger(RulesConfiguration.class);

	@Bean
	RuleSetLoader ruleSetLoader(Clock clock) {
		return new RuleSetLoader(clock);
	}

	@Bean
	ActiveRuleSet activeRuleSet(RuleSetLoader loader, RulesProperties properties, List<ActivationCheck> checks) {
		long start = System.nanoTime();
		List<RuleFile> files = RuleSetLoader.read(properties.directory().toAbsolutePath().normalize());
		RuleSet ruleSet = loader.build(files);
		List<RuleProblem> problems = checks.stream().flatMap(check -> check.check(ruleSet, files).stream()).toList();
		if (!problems.isEmpty()) {
			throw new RuleSetException("Activation checks", problems);
		}
		log.info("Rule set {} active: {} files from {} compiled in {} ms", ruleSet.version(), ruleSet.files().size(),
				properties.directory().toAbsolutePath().normalize(), Duration.ofNanos(System.nanoTime() - start).toMillis());
		return new ActiveRuleSet(ruleSet);
	}
}
