package org.parcours.bench;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;

import org.drools.core.common.InternalWorkingMemoryEntryPoint;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import org.parcours.assessment.Evaluation;

/**
 * Engine options of a rule set's rules knowledge base that cannot be given as system properties when
 * it is built, applied to it afterwards for {@link PairedAssessmentBenchmark}, and what the knowledge
 * base says of them. The rule set keeps its knowledge base and its reused working memories to itself,
 * so they are reached by reflection: this is a measuring tool, run on a throw-away rule set.
 */
final class BuiltKnowledgeBase {

	private BuiltKnowledgeBase() {
	}

	/**
	 * {@code alphaNetworkCompiler=inmemory}, then the rule set's working memories dropped. (An immutable
	 * knowledge base was measured so too, on a build whose reused working memory skipped the facts such
	 * a knowledge base drops at insert; see docs/performance.md.)
	 */
	static void apply(Evaluation evaluation, String option) {
		KieBase kieBase = kieBase(evaluation);
		switch (option) {
			case "alphaNetworkCompiler=inmemory" -> compileAlphaNetworks((InternalRuleBase) kieBase);
			default -> throw new IllegalArgumentException("Unknown option " + option);
		}
		// the next evaluation makes a working memory of the changed knowledge base
		((Collection<?>) field(field(evaluation.ruleSet(), "sessions"), "ready")).clear();
	}

	/**
	 * The engine's alpha network compiler ({@code KieBaseUpdaterANC.generateAndSetInMemoryANC}), one
	 * object type's network at a time: the engine compiles them all at once and fails as a whole when the
	 * Java it generates for one does not compile (it generates duplicate {@code case} labels for
	 * {@code PatientFacts}' network of the default rules); such a network keeps the interpreted nodes.
	 */
	private static void compileAlphaNetworks(InternalRuleBase kieBase) {
		try {
			Class<?> compiler = Class.forName("org.drools.ancompiler.ObjectTypeNodeCompiler");
			Class<?> memoryCompiler = Class.forName("org.kie.memorycompiler.KieMemoryCompiler");
			Method compile = memoryCompiler.getMethod("compile", Map.class, ClassLoader.class);
			Map<?, ?> networks = (Map<?, ?>) compiler.getMethod("compiledNetworkSourceMap", kieBase.getRete().getClass()).invoke(null, kieBase.getRete());
			for (Map.Entry<?, ?> network : networks.entrySet()) {
				Object sources = network.getValue();
				String name = (String) sources.getClass().getMethod("getName").invoke(sources);
				String source = (String) sources.getClass().getMethod("getSource").invoke(sources);
				try {
					Map<?, ?> classes = (Map<?, ?>) compile.invoke(null, Map.of(name, source), kieBase.getRootClassLoader());
					sources.getClass().getMethod("createInstanceAndSet", Class.class).invoke(sources, classes.get(name));
				}
				catch (InvocationTargetException ex) {
					System.out.println("alpha network not compiled: " + name + ": " + ex.getCause().getMessage().lines().findFirst().orElse(""));
				}
			}
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("The alpha network compiler is not on the class path", ex);
		}
	}

	/** What the rules knowledge base says of the options measured, and the object store of a working memory made from it now. */
	static String describe(Evaluation evaluation) {
		KieBase knowledgeBase = kieBase(evaluation);
		InternalRuleBase kieBase = (InternalRuleBase) knowledgeBase;
		long nodes = kieBase.getRete().getObjectTypeNodes().size();
		long compiled = kieBase.getRete().getObjectTypeNodes().stream().map(ObjectTypeNode::getObjectSinkPropagator)
			.filter(propagator -> propagator.getClass().getName().startsWith("org.drools.ancompiler")
					|| propagator.getClass().getSuperclass().getName().equals("org.drools.ancompiler.CompiledNetwork"))
			.count();
		KieSession session = knowledgeBase.newKieSession();
		try {
			String store = ((InternalWorkingMemoryEntryPoint) session.getEntryPoint("DEFAULT")).getObjectStore().getClass().getSimpleName();
			return String.format("mutability %s, shared alpha nodes %s, shared beta nodes %s, object store %s, %d of %d object type nodes compiled",
					kieBase.getKieBaseConfiguration().isMutabilityEnabled() ? "allowed" : "disabled", kieBase.getRuleBaseConfiguration().isShareAlphaNodes(),
					kieBase.getRuleBaseConfiguration().isShareBetaNodes(), store, compiled, nodes);
		}
		finally {
			session.dispose();
		}
	}

	private static KieBase kieBase(Evaluation evaluation) {
		return (KieBase) field(field(evaluation.ruleSet(), "sessions"), "kieBase");
	}

	private static Object field(Object owner, String name) {
		try {
			Field field = owner.getClass().getDeclaredField(name);
			field.setAccessible(true);
			return field.get(owner);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
