package org.parcours.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.model.Model;
import org.drools.modelcompiler.CanonicalKiePackages;
import org.drools.modelcompiler.KieBaseBuilder;
import org.drools.modelcompiler.KiePackagesBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;

/**
 * Knowledge bases assembled from compiled rule models, several builds' models in one, with one
 * configuration made once: an engine container would read the knowledge base's configuration again
 * from the property files of every jar through a class loader of its own for each knowledge base.
 *
 * <p>Rules of equal salience fire in their load order, which the engine numbers model by model, from
 * 0 in each. One build of several files has one model per package, numbered in the order of its files;
 * models of the files compiled one by one are numbered again here, package by package, in the order
 * of the files, so that each rule gets the number a build of all the files together would give it
 * ({@code ModelAssemblyTests}).
 */
final class ModelAssembly {

	/** The engine's default configuration, with the service's class loader; nothing changes it once made. */
	private static final KieBaseConfiguration CONFIGURATION = KieServices.get().newKieBaseConfiguration(null,
			ModelAssembly.class.getClassLoader());

	private ModelAssembly() {
	}

	/** One knowledge base of these builds' models, each build's in its files' order. */
	static KieBase knowledgeBase(List<List<Model>> builds) {
		KiePackagesBuilder packages = new KiePackagesBuilder(CONFIGURATION);
		Map<RuleKey, Integer> buildOf = new HashMap<>();
		for (int build = 0; build < builds.size(); build++) {
			for (Model model : builds.get(build)) {
				packages.addModel(model);
				for (org.drools.model.Rule rule : model.getRules()) {
					buildOf.put(new RuleKey(rule.getPackage(), rule.getName()), build);
				}
			}
		}
		CanonicalKiePackages built = packages.build();
		if (builds.size() > 1) {
			built.getKiePackages().forEach(kiePackage -> renumbered(kiePackage, buildOf));
		}
		return new KieBaseBuilder(CONFIGURATION).createKieBase(built);
	}

	/**
	 * A package's rules numbered from 0 in the order of their builds, then of their number in their own
	 * model: the order a build of all their files together gives them.
	 */
	private static void renumbered(InternalKnowledgePackage kiePackage, Map<RuleKey, Integer> buildOf) {
		List<RuleImpl> rules = new ArrayList<>(kiePackage.getRules().stream().map(RuleImpl.class::cast).toList());
		rules.sort(Comparator.<RuleImpl>comparingInt(rule -> buildOf.getOrDefault(new RuleKey(rule.getPackageName(), rule.getName()), 0))
			.thenComparingInt(RuleImpl::getLoadOrder));
		for (int order = 0; order < rules.size(); order++) {
			rules.get(order).setLoadOrder(order);
		}
	}

	private record RuleKey(String packageName, String name) {
	}
}
