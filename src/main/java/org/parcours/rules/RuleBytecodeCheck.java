package org.parcours.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.kie.api.builder.KieModule;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;

import org.parcours.rules.GeneratedClassReader.GeneratedClass;
import org.parcours.rules.GeneratedClassReader.GeneratedMethod;
import org.parcours.rules.GeneratedClassReader.Use;

/**
 * Checks what the rules compiled to, not their text: every class the executable model generated from
 * the rule files is read (with ASM) before any of it runs, and refused when it uses a member that
 * {@link RuleCodeAllowList} does not offer, calls code through {@code invokedynamic} other than the
 * lambdas and string concatenation the compiler emits, loops, or recurses. Tricks that fool a text
 * check (reflection through an allowed type, a Unicode escape that ends a string literal, code in a
 * decision-table cell) all end up here as the calls they really make.
 * <p>
 * Code written in rule files (consequences, constraints, {@code from} expressions, functions) lands
 * in the generated lambda classes, in lambda methods and in the package's function methods; a
 * backward jump there is a loop and is refused, so that no rule edit can spin an evaluation for ever.
 * The rest is the engine's own plumbing (rule definitions, domain metadata, the module description):
 * its members are checked too, since a constant in a condition is evaluated there, but it is not
 * subject to the loop rule. Each refusal names the rule file, the rule (or function) and the member.
 */
final class RuleBytecodeCheck {

	private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)", Pattern.MULTILINE);

	private static final Pattern RULE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|(\\S+))");

	private static final Pattern FUNCTION = Pattern.compile("^\\s*function\\s+[\\w.<>\\[\\], ?]+?\\s+(\\w+)\\s*\\(");

	private static final Pattern LAMBDA_PACKAGE = Pattern.compile("/P[0-9A-F]{2}$");

	/** An anonymous or local class ({@code Outer$1}, {@code Outer$1Name}): only code in a rule file declares those. */
	private static final Pattern LOCAL_CLASS = Pattern.compile("\\$\\d");

	/** Methods of a generated lambda class that the engine writes around the rule's own expression. */
	private static final Set<String> LAMBDA_SCAFFOLDING = Set.of("<init>", "<clinit>", "values", "valueOf", "$values",
			"getExpressionHash", "predicateInformation");

	private static final Set<String> ALLOWED_BOOTSTRAPS = Set.of("java/lang/invoke/LambdaMetafactory.metafactory",
			"java/lang/invoke/LambdaMetafactory.altMetafactory", "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
			"java/lang/invoke/StringConcatFactory.makeConcat");

	private RuleBytecodeCheck() {
	}

	/** The problems of the classes a build generated; empty when every one may run. */
	static List<RuleProblem> check(KieModule module, List<RuleFile> files) {
		InternalKieModule kieModule = (InternalKieModule) module;
		Map<String, byte[]> classes = new TreeMap<>();
		kieModule.getFileNames().stream().filter(name -> name.endsWith(".class"))
			.forEach(name -> classes.put(name.substring(0, name.length() - ".class".length()), kieModule.getBytes(name)));
		return check(classes, files);
	}

	static List<RuleProblem> check(Map<String, byte[]> classes, List<RuleFile> files) {
		Map<String, GeneratedClass> generated = new LinkedHashMap<>();
		classes.forEach((name, bytes) -> generated.put(name, GeneratedClass.read(bytes)));
		Sources sources = Sources.of(files);
		Map<String, Set<String>> rulesOfClass = new HashMap<>();
		Map<String, Set<String>> rulesOfMethod = new HashMap<>();
		generated.values().forEach(type -> type.methods.forEach(method -> {
			if (method.rule != null) {
				method.generatedTypes.forEach(used -> rulesOfClass.computeIfAbsent(used, k -> new LinkedHashSet<>()).add(method.rule));
				method.generatedCalls.forEach(called -> rulesOfMethod.computeIfAbsent(called, k -> new LinkedHashSet<>()).add(method.rule));
			}
		}));
		Set<String> functions = sources.functionNames();
		Set<RuleProblem> problems = new LinkedHashSet<>();
		Set<String> recursive = recursiveMethods(generated);
		generated.forEach((className, type) -> {
			String pkg = packageOf(className);
			boolean lambdaClass = simpleName(className).startsWith("Lambda") || LOCAL_CLASS.matcher(simpleName(className)).find();
			if (!generated.containsKey(type.superName) && !List.of("java/lang/Object", "java/lang/Enum", "java/lang/Record")
				.contains(type.superName)) {
				for (Place place : places(sources, pkg, rulesOfClass.get(className), null)) {
					problems.add(place.problem("a type extending " + dotted(type.superName) + " is not allowed in rules"));
				}
			}
			for (GeneratedMethod method : type.methods) {
				String key = className + "." + method.name + method.descriptor;
				boolean function = simpleName(className).startsWith("Rules") && (method.access & Opcodes.ACC_STATIC) != 0
						&& functions.contains(pkg + "." + method.name);
				boolean lambdaMethod = method.name.startsWith("lambda$");
				boolean ruleCode = function || lambdaMethod || (lambdaClass && !LAMBDA_SCAFFOLDING.contains(method.name)
						&& (method.access & Opcodes.ACC_SYNTHETIC) == 0);
				Set<String> rules = new LinkedHashSet<>();
				if (method.rule != null) {
					rules.add(method.rule);
				}
				rules.addAll(rulesOfClass.getOrDefault(className, Set.of()));
				rules.addAll(rulesOfMethod.getOrDefault(key, Set.of()));
				// where a refusal is reported, looked up only for a refusal: a decision table's row is found by reading the table
				Supplier<List<Place>> where = () -> places(sources, pkg, rules, function ? method.name : null);
				for (Use use : method.uses) {
					String refusal = refusal(use, generated);
					if (refusal != null) {
						where.get().forEach(place -> problems.add(place.problem(refusal)));
					}
				}
				if (ruleCode && method.loops) {
					where.get().forEach(place -> problems.add(place.problem("a loop (while, for or do) is not allowed in rule code: a rule must "
							+ "end on every patient; repetition belongs in a tested Java helper of the fact model")));
				}
				if (recursive.contains(key)) {
					where.get().forEach(place -> problems.add(place.problem("code that calls itself (directly or through other functions) is not "
							+ "allowed in rules: it could run without end")));
				}
			}
		});
		return List.copyOf(problems);
	}

	/** Why a use is refused, or null when rules may make it. */
	private static String refusal(Use use, Map<String, GeneratedClass> generated) {
		return switch (use.kind()) {
			case INDY -> ALLOWED_BOOTSTRAPS.contains(use.owner() + "." + use.name()) ? null
					: "invokedynamic through " + dotted(use.owner()) + "." + use.name() + " is not allowed in rules (it reaches method handles)";
			case TYPE -> generated.containsKey(use.owner()) || RuleCodeAllowList.typeAllowed(use.owner()) ? null
					: dotted(use.owner()) + " (as a class literal) is not allowed in rules (it reaches reflection)";
			case METHOD, FIELD -> {
				String owner = declaringOwner(use, generated);
				if (owner == null) {
					yield null;
				}
				yield RuleCodeAllowList.refusal(owner, use.name())
					.map(reaches -> display(use, owner) + " is not allowed in rules (it reaches " + reaches + ")").orElse(null);
			}
		};
	}

	/**
	 * The class outside the generated code whose member is used, or null when the member is the
	 * generated code's own (checked where it is declared). A member reached through a generated class
	 * but inherited from outside is checked on the outside class.
	 */
	private static String declaringOwner(Use use, Map<String, GeneratedClass> generated) {
		String owner = use.owner();
		while (generated.containsKey(owner)) {
			GeneratedClass type = generated.get(owner);
			if (type.declares(use.name(), use.descriptor())) {
				return null;
			}
			owner = type.superName;
		}
		return owner;
	}

	/** Generated methods that can reach themselves through calls among generated methods. */
	private static Set<String> recursiveMethods(Map<String, GeneratedClass> generated) {
		Map<String, Set<String>> calls = new HashMap<>();
		generated.forEach((name, type) -> type.methods.forEach(method -> calls.put(name + "." + method.name + method.descriptor,
				method.generatedCalls)));
		Set<String> recursive = new LinkedHashSet<>();
		for (String start : calls.keySet()) {
			Set<String> seen = new LinkedHashSet<>();
			List<String> todo = new ArrayList<>(calls.getOrDefault(start, Set.of()));
			while (!todo.isEmpty()) {
				String next = todo.remove(todo.size() - 1);
				if (next.equals(start)) {
					recursive.add(start);
					break;
				}
				if (seen.add(next)) {
					todo.addAll(calls.getOrDefault(next, Set.of()));
				}
			}
		}
		return recursive;
	}

	private static List<Place> places(Sources sources, String pkg, Set<String> rules, String function) {
		List<Place> places = new ArrayList<>();
		if (function != null) {
			places.add(sources.function(pkg, function));
		}
		if (rules != null) {
			rules.forEach(rule -> places.add(sources.rule(pkg, rule)));
		}
		if (places.isEmpty()) {
			places.add(new Place("rules package '" + pkg + "'", 0, ""));
		}
		return places;
	}

	private static String display(Use use, String owner) {
		if (use.kind() == Use.Kind.FIELD) {
			return dotted(owner) + "." + use.name();
		}
		String parameters = Arrays.stream(Type.getArgumentTypes(use.descriptor())).map(Type::getClassName)
			.collect(Collectors.joining(", "));
		return use.name().equals("<init>") ? "new " + dotted(owner) + "(" + parameters + ")" : dotted(owner) + "." + use.name() + "(" + parameters + ")";
	}

	private static String dotted(String internalName) {
		return internalName.replace('/', '.');
	}

	private static String simpleName(String internalName) {
		return internalName.substring(internalName.lastIndexOf('/') + 1);
	}

	/** The rule package a generated class belongs to: lambdas sit one level down, in {@code P<hex>}. */
	private static String packageOf(String internalName) {
		int slash = internalName.lastIndexOf('/');
		String dir = slash < 0 ? "" : internalName.substring(0, slash);
		return LAMBDA_PACKAGE.matcher(dir).replaceFirst("").replace('/', '.');
	}

	/** A rule's file and its line in the DRL the file is or expands to. */
	private record RuleDefinition(RuleFile file, int drlLine, String name) {

		/** A decision table's rule is placed on the CSV row that defines it (read from the table only here, for a refusal). */
		Place place() {
			String label = "rule \"" + name + "\"";
			return new Place(file.path(), file.isDrl() ? drlLine : DecisionTableRows.lineOf(file, label), label);
		}
	}

	/** Where a refusal is reported: the clinician's file and line, and the rule or function it is in. */
	private record Place(String file, int line, String label) {

		RuleProblem problem(String message) {
			return new RuleProblem(file, line, (label.isEmpty() ? "" : label + ": ") + message);
		}
	}

	/** Which file and line defines each rule and function, per package, decision tables through the DRL they expand to. */
	private record Sources(Map<String, RuleDefinition> rules, Map<String, Place> functions) {

		static Sources of(List<RuleFile> files) {
			Map<String, RuleDefinition> rules = new HashMap<>();
			Map<String, Place> functions = new HashMap<>();
			for (RuleFile file : files) {
				if (!file.isDrl() && !file.isDecisionTable()) {
					continue;
				}
				String drl = file.isDrl() ? file.text() : DecisionTableRows.drl(file);
				Matcher pkg = PACKAGE.matcher(drl);
				String packageName = pkg.find() ? pkg.group(1) : "";
				String[] lines = drl.split("\\R", -1);
				for (int i = 0; i < lines.length; i++) {
					Matcher rule = RULE.matcher(lines[i]);
					if (rule.find()) {
						String name = rule.group(1) != null ? rule.group(1) : rule.group(2);
						rules.putIfAbsent(packageName + "." + name, new RuleDefinition(file, i + 1, name));
					}
					Matcher function = FUNCTION.matcher(lines[i]);
					if (function.find()) {
						String name = function.group(1);
						functions.putIfAbsent(packageName + "." + name, new Place(file.path(), file.isDrl() ? i + 1 : 0, "function \"" + name + "\""));
					}
				}
			}
			return new Sources(rules, functions);
		}

		Set<String> functionNames() {
			return functions.keySet();
		}

		Place rule(String pkg, String name) {
			RuleDefinition definition = rules.get(pkg + "." + name);
			return definition == null ? new Place("rules package '" + pkg + "'", 0, "rule \"" + name + "\"") : definition.place();
		}

		Place function(String pkg, String name) {
			return functions.getOrDefault(pkg + "." + name, new Place("rules package '" + pkg + "'", 0, "function \"" + name + "\""));
		}
	}
}
