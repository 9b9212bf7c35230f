package org.parcours.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.EvalCondition;
import org.drools.base.rule.RuleConditionElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * What Drools itself flags in the default rules when it compiles them: a pattern that loses property
 * reactivity (a method called with a variable bound elsewhere, say {@code hasChronic($category)}) and
 * an {@code eval} over facts that the engine can neither index nor track. Both cost every evaluation;
 * {@code rules/README.md} shows the shapes to write instead.
 */
class DroolsCompileWarningsTests {

	private static final List<String> warnings = new ArrayList<>();

	private static RuleSet ruleSet;

	@BeforeAll
	static void compileTheDefaultRulesWithDroolsLogRecorded() {
		Logger drools = (Logger) LoggerFactory.getLogger("org.drools");
		ListAppender<ILoggingEvent> recorded = new ListAppender<>();
		recorded.start();
		drools.addAppender(recorded);
		try {
			// compiled here rather than taken from DefaultRules: the warnings are logged while the rules compile
			ruleSet = new RuleSetLoader(Clock.systemUTC()).load(DefaultRules.DIRECTORY);
		}
		finally {
			drools.detachAppender(recorded);
		}
		recorded.list.stream()
			.filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
			.map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
			.forEach(warnings::add);
	}

	@Test
	void droolsWarnsOfNothingWhenItCompilesTheDefaultRules() {
		assertThat(warnings).isEmpty();
	}

	// Drools logs its eval warning ten times per JVM and then no more, so the log alone cannot prove it
	// absent in a test run that has compiled other rule sets: the rules themselves are read instead
	@Test
	void noRuleTestsAFactInAnEval() {
		List<String> rules = ruleSet.rulesKnowledgeBase().getKiePackages().stream()
			.flatMap(kiePackage -> kiePackage.getRules().stream())
			.map(RuleImpl.class::cast)
			.filter(rule -> hasEvalOverAFact(rule.getLhs()))
			.map(RuleImpl::getName)
			.toList();
		assertThat(rules).isEmpty();
	}

	private static boolean hasEvalOverAFact(RuleConditionElement element) {
		if (element instanceof EvalCondition eval) {
			// Drools' own test (EvalCondition.logWarnIfImproperEval): a declaration bound by a pattern
			return Arrays.stream(eval.getRequiredDeclarations()).anyMatch(declaration -> declaration.getPattern() != null);
		}
		return element.getNestedElements().stream().anyMatch(DroolsCompileWarningsTests::hasEvalOverAFact);
	}
}
