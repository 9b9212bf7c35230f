package org.parcours.rules;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two rule sets compiled at the same moment (a reload past its deadline still compiling while the next
 * one starts, or an archived version compiled for a reproduction meanwhile) each get all their rules.
 * Drools' compilation of the same packages on two threads at once lost a decision table's rules, so
 * compilations take turns.
 */
class DrlCompilerConcurrencyTests {

	@Test
	void twoCompilationsStartedTogetherEachKeepEveryRule() throws Exception {
		RuleSourceSplit split = RuleSourceSplit.of(RuleSourceSplitTests.files(RuleSourceSplitTests.DRL, RuleSourceSplitTests.TABLE));
		for (int round = 0; round < 3; round++) {
			CyclicBarrier together = new CyclicBarrier(2);
			CompletableFuture<KieBase> parameters = CompletableFuture.supplyAsync(() -> compileAfter(together, split.parameters()));
			CompletableFuture<KieBase> rules = CompletableFuture.supplyAsync(() -> compileAfter(together, split.rules()));

			assertThat(RuleSourceSplitTests.ruleNames(rules.get())).contains("SPLIT-L2", "SPLIT-L3", "SPLIT-NEXT 1");
			assertThat(RuleSourceSplitTests.ruleNames(parameters.get())).contains("SPLIT-PROGRAMME", "split.min-medications", "SPLIT-NEXT 2");
		}
	}

	private static KieBase compileAfter(CyclicBarrier together, List<RuleFile> files) {
		try {
			together.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return DrlCompiler.compile(files, RuleSetLoader.contentHashOf(files), CompiledRulesCache.NONE);
	}
}
