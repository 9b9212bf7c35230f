package org.parcours.rules;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kie.api.KieBase;

import org.parcours.rules.DrlCompiler.Part;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compilations at the same moment each get all their rules. Drools keeps the DRL of a decision table by
 * the table's path while a build runs, so two builds at once of two versions of one table lost one
 * version's rules: the two parts of a rule set name their files apart, and builds of one part take turns
 * (a reload past its deadline still compiling while the next one starts, an archived version compiled
 * for a reproduction).
 */
class DrlCompilerConcurrencyTests {

	private static final RuleSourceSplit SPLIT = RuleSourceSplit.of(RuleSourceSplitTests.files(RuleSourceSplitTests.DRL, RuleSourceSplitTests.TABLE));

	/** The first table compiled as the rules part too (the two builds take turns) or as the parameter part (at the same time). */
	@ParameterizedTest
	@EnumSource(Part.class)
	void twoVersionsOfATableCompiledAtOnceEachKeepTheirRules(Part firstPart) throws Exception {
		for (int round = 0; round < 3; round++) {
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<KieBase> parameters = CompletableFuture.supplyAsync(() -> compileAfter(together, SPLIT.parameters(), firstPart));
			CompletableFuture<KieBase> rules = CompletableFuture.supplyAsync(() -> compileAfter(together, SPLIT.rules(), Part.RULES));

			assertThat(RuleSourceSplitTests.ruleNames(rules.get())).contains("SPLIT-L2", "SPLIT-L3", "SPLIT-NEXT 1");
			assertThat(RuleSourceSplitTests.ruleNames(parameters.get())).contains("SPLIT-PROGRAMME", "split.min-medications", "SPLIT-NEXT 2");
		}
	}

	private static KieBase compileAfter(CyclicBarrier together, List<RuleFile> files, Part part) {
		try {
			together.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return DrlCompiler.compile(files, RuleSetLoader.contentHashOf(files), CompiledRulesCache.NONE, part);
	}
}
