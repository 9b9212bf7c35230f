package org.parcours.rules;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compilation begun before the rules stage: the stage's own build finds its knowledge bases
 * only for the very files it reads itself, and nothing refused by the safety check is ever compiled.
 */
class EarlyCompilationTests {

	@TempDir
	Path temporary;

	@Test
	void theRulesStageRunsOnTheKnowledgeBasesCompiledEarlyForTheSameFiles() {
		RulesDirectory rules = RulesDirectory.copyOfFixture(temporary.resolve("rules"));
		MockEnvironment environment = settings(rules);
		EarlyCompilation early = started(environment);

		KnowledgeBases.Halves compiledEarly = early.await();
		RuleSet ruleSet = loader(early, environment).build(RuleSetLoader.read(rules.root()));

		assertThat(compiledEarly).isNotNull();
		assertThat(ruleSet.rulesKnowledgeBase()).isSameAs(compiledEarly.rules());
	}

	@Test
	void filesChangedAfterTheEarlyCompilationAreCompiledAgain() {
		RulesDirectory rules = RulesDirectory.copyOfFixture(temporary.resolve("rules"));
		MockEnvironment environment = settings(rules);
		EarlyCompilation early = started(environment);
		KnowledgeBases.Halves compiledEarly = early.await();

		rules.replace("stratification/levels.drl", "rule \"L1\"", "// edited after the early compilation\nrule \"L1\"");
		RuleSet ruleSet = loader(early, environment).build(RuleSetLoader.read(rules.root()));

		assertThat(ruleSet.rulesKnowledgeBase()).isNotSameAs(compiledEarly.rules());
	}

	@Test
	void filesRefusedByTheSafetyCheckAreNotCompiled() {
		RulesDirectory rules = RulesDirectory.copyOfFixture(temporary.resolve("rules"));
		rules.replace("stratification/levels.drl", "insert(new LevelFinding(1, \"L1\"", "System.exit(1); insert(new LevelFinding(1, \"L1\"");
		assertThat(RuleSafetyCheck.check(RuleSetLoader.read(rules.root()))).isNotEmpty();

		assertThat(started(settings(rules)).await()).isNull();
	}

	@Test
	void otherSettingsThanTheEarlyCompilationReadGetKnowledgeBasesOfTheirOwn() {
		RulesDirectory rules = RulesDirectory.copyOfFixture(temporary.resolve("rules"));
		EarlyCompilation early = started(settings(rules));
		early.await();
		RulesProperties same = properties(settings(rules));
		RulesProperties other = properties(settings(rules).withProperty("parcours.rules.cache.max-entries", "3"));

		assertThat(early.knowledgeBasesFor(same)).isSameAs(early.knowledgeBasesFor(same));
		assertThat(early.knowledgeBasesFor(other)).isNotSameAs(early.knowledgeBasesFor(same));
	}

	private MockEnvironment settings(RulesDirectory rules) {
		return new MockEnvironment().withProperty("parcours.rules.directory", rules.root().toString())
			.withProperty("parcours.rules.cache.directory", temporary.resolve("cache").toString());
	}

	private static EarlyCompilation started(MockEnvironment environment) {
		EarlyCompilation early = new EarlyCompilation();
		early.setEnvironment(environment);
		early.postProcessBeanFactory(new DefaultListableBeanFactory());
		return early;
	}

	/** The rules stage's loader, as the application wires it. */
	private static RuleSetLoader loader(EarlyCompilation early, MockEnvironment environment) {
		return new RuleSetLoader(Clock.systemUTC(), early.knowledgeBasesFor(properties(environment)));
	}

	private static RulesProperties properties(MockEnvironment environment) {
		return Binder.get(environment).bindOrCreate("parcours.rules", RulesProperties.class);
	}
}
