package org.parcours.rules.history;

import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.parcours.rules.ActivationRecorder;
import org.parcours.rules.ActiveRuleSet;
import org.parcours.rules.CandidatePipeline;
import org.parcours.rules.RulesProperties;

/**
 * The history of the rule sets the service ran. Only the web service records activations: a
 * command-line run scores with the rules it is given and serves nobody, so it adds nothing to the record.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HistoryProperties.class)
class HistoryConfiguration {

	private static final Logger log = LoggerFactory.getLogger(HistoryConfiguration.class);

	@Bean
	RuleSetArchive ruleSetArchive(HistoryProperties history, RulesProperties rules) {
		Path directory = rules.directory().toAbsolutePath().normalize();
		Path archive = history.directory(directory);
		if (archive.startsWith(directory)) {
			throw new IllegalStateException("parcours.rules.history-directory=" + archive + " is inside the rules directory " + directory
					+ ": the history would become part of the rule set it records. Choose a directory outside it.");
		}
		return new RuleSetArchive(archive);
	}

	@Bean
	@ConditionalOnWebApplication
	ActivationRecorder historyRecorder(RuleSetArchive archive) {
		log.info("Rules history kept in {}", archive.root());
		return archive::record;
	}

	@Bean
	ArchivedRuleSets archivedRuleSets(RuleSetArchive archive, CandidatePipeline pipeline, ActiveRuleSet active, HistoryProperties history) {
		return new ArchivedRuleSets(archive, pipeline, active, history.historyCompiledVersions());
	}
}
