package org.parcours.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.TerminalNode;
import org.drools.model.Model;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rules part compiled file by file and assembled gives every rule what a compilation of the whole
 * part gives it: rules of equal salience fire by their load order, then by their terminal node's id
 * (the order the knowledge base added them), so both must be equal rule by rule.
 */
class ModelAssemblyTests {

	@Test
	void theDefaultRulesPartAssembledFileByFileOrdersEveryRuleAsTheWholePartCompiledAtOnce() {
		List<RuleFile> files = RuleSetLoader.read(DefaultRules.DIRECTORY);
		RuleSourceSplit split = RuleSourceSplit.of(files);
		assertThat(split.ruleUnits()).as("every default rule file with conditions compiles on its own").hasSizeGreaterThan(25);

		assertSameOrder(split);
	}

	@Test
	void theOrderHoldsForAnyNumberOfFiles() {
		// the build orders its files by a hash map of their names, whose order changes with its size:
		// 40 more files of equal salience take the default rules' 58 past the map's next resize
		List<RuleFile> files = new ArrayList<>(RuleSetLoader.read(DefaultRules.DIRECTORY));
		IntStream.range(0, 40).forEach(n -> files.add(new RuleFile("programmes/added-" + n + ".drl", ("""
				package programmes
				import org.parcours.facts.*
				rule "ADDED-%d"
				when
				    PatientFacts(age > %d)
				then
				    insert(new Threshold("added-%d", %d));
				end
				""".formatted(n, n, n, n)).getBytes(StandardCharsets.UTF_8))));

		assertSameOrder(RuleSourceSplit.of(files));
	}

	@Test
	void aKnowledgeBaseAssembledAgainFromTheSameModelsRunsTheirSameClasses() {
		RuleSourceSplit split = RuleSourceSplit.of(RuleSetLoader.read(DefaultRules.DIRECTORY));
		List<RuleFile> unit = split.ruleUnits().get(0);
		List<Model> models = DrlCompiler.models(unit, RuleSourceSplit.ruleUnitHash(unit), CompiledRulesCache.NONE, DrlCompiler.Part.RULES);

		KieBase first = ModelAssembly.knowledgeBase(List.of(models));
		KieBase second = ModelAssembly.knowledgeBase(List.of(models));

		RuleImpl rule = (RuleImpl) first.getKiePackages().stream().flatMap(kiePackage -> kiePackage.getRules().stream()).findFirst().orElseThrow();
		RuleImpl again = (RuleImpl) second.getRule(rule.getPackageName(), rule.getName());
		assertThat(again).isNotSameAs(rule);
		assertThat(again.getConsequence().getClass()).isSameAs(rule.getConsequence().getClass());
		assertThat(((InternalRuleBase) second).getSessionConfiguration()).as("each knowledge base's own, though their configuration is one")
			.isNotSameAs(((InternalRuleBase) first).getSessionConfiguration());
	}

	private static void assertSameOrder(RuleSourceSplit split) {
		KieBase whole = DrlCompiler.compile(split.rules(), split.rulesHash(), CompiledRulesCache.NONE);
		List<String> order = DrlCompiler.buildOrder(split.rules());
		KieBase assembled = ModelAssembly.knowledgeBase(split.ruleUnits().stream()
			.sorted(Comparator.comparingInt(unit -> order.indexOf(unit.get(0).path())))
			.map(unit -> DrlCompiler.models(unit, RuleSourceSplit.ruleUnitHash(unit), CompiledRulesCache.NONE, DrlCompiler.Part.RULES))
			.toList());

		Map<String, String> wholeOrder = order(whole);
		assertThat(wholeOrder).hasSizeGreaterThan(200);
		assertThat(order(assembled)).isEqualTo(wholeOrder);
	}

	/** Each rule's salience, load order and terminal nodes' ids, by package and name. */
	private static Map<String, String> order(KieBase kieBase) {
		InternalRuleBase ruleBase = (InternalRuleBase) kieBase;
		Map<String, String> order = new TreeMap<>();
		kieBase.getKiePackages().forEach(kiePackage -> kiePackage.getRules().forEach(rule -> {
			RuleImpl impl = (RuleImpl) rule;
			StringBuilder ids = new StringBuilder();
			for (TerminalNode node : ruleBase.getReteooBuilder().getTerminalNodes(impl.getFullyQualifiedName())) {
				ids.append(' ').append(node.getId());
			}
			order.put(impl.getPackageName() + "." + impl.getName(), impl.getSalienceValue() + " " + impl.getLoadOrder() + ids);
		}));
		return order;
	}
}
