package org.parcours.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;

import org.drools.compiler.compiler.io.memory.MemoryFileSystem;
import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.compiler.kie.builder.impl.InternalKieModuleProvider;
import org.drools.compiler.kie.builder.impl.KieBuilderImpl;
import org.drools.compiler.kproject.models.KieBaseModelImpl;
import org.drools.model.Model;
import org.drools.modelcompiler.CanonicalKieModule;
import org.drools.util.PortablePath;
import org.drools.wiring.api.classloader.ProjectClassLoader;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.util.maven.support.ReleaseIdImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the DRL files and CSV decision tables of a rule set together with the executable model, into
 * the rule models a knowledge base is assembled from ({@link ModelAssembly}). Every build gets its own
 * ReleaseId, and the module is removed from the KIE repository as soon as it is built, so repeated
 * reloads do not accumulate modules.
 */
final class DrlCompiler {

	private static final Logger log = LoggerFactory.getLogger(DrlCompiler.class);

	private static final AtomicLong BUILDS = new AtomicLong();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private static final String RESOURCES = "src/main/resources/";

	/**
	 * How a build names the files it compiles, and the builds that must take turns. While a build runs,
	 * Drools keeps the DRL it made of each decision table under the table's path, so two builds at once
	 * with two versions of one table (a reload past its deadline still compiling while the next one
	 * starts, an archived version compiled for a reproduction) lose one version's rules
	 * (DrlCompilerConcurrencyTests): builds of one kind take turns. The parameter part names its files
	 * apart, so that it compiles at the same time as the rules part (a table with both kinds of row is
	 * in both). The rules part keeps the files' own names: the order in which rules of equal salience
	 * fire follows the order the build adds them in, which depends on their files' names.
	 */
	enum Part {

		RULES(""), PARAMETERS("parameters-");

		private final String prefix;

		private final Object turn = new Object();

		Part(String prefix) {
			this.prefix = prefix;
		}

		/** The name this build gives the file: the prefix before its file name, in its own directory. */
		String name(String path) {
			int file = path.lastIndexOf('/') + 1;
			return path.substring(0, file) + prefix + path.substring(file);
		}

		/** The file's own path, from a name this build gave it (a build's messages name its files so). */
		String path(String name) {
			int file = name.lastIndexOf('/') + 1;
			return name.startsWith(prefix, file) ? name.substring(0, file) + name.substring(file + prefix.length()) : name;
		}
	}

	private DrlCompiler() {
	}

	/**
	 * The knowledge base of these files' rules: from the module stored in the cache for their content
	 * hash when there is a valid one the engine can read, else from a fresh compilation (then stored).
	 * Either way the compiled code is checked before any of it runs.
	 */
	static KieBase compile(List<RuleFile> files, String contentHash, CompiledRulesCache cache) {
		return compile(files, contentHash, cache, Part.RULES);
	}

	/** As {@link #compile(List, String, CompiledRulesCache)}, for one part of a rule set (see {@link Part}). */
	static KieBase compile(List<RuleFile> files, String contentHash, CompiledRulesCache cache, Part part) {
		return ModelAssembly.knowledgeBase(List.of(models(files, contentHash, cache, part)));
	}

	/**
	 * The rule models these files compile to (one per package), from the module stored in the cache for
	 * their content hash when there is a valid one the engine can read, else from a fresh compilation
	 * (then stored). Either way the compiled code is checked before any of it is loaded.
	 */
	static List<Model> models(List<RuleFile> files, String contentHash, CompiledRulesCache cache, Part part) {
		KieServices kie = KieServices.get();
		long start = System.nanoTime();
		Optional<InternalKieModule> cached = cache.read(contentHash).flatMap(DrlCompiler::loaded);
		if (cached.isPresent()) {
			log.debug("Compiled rules read from the cache in {} ms", millisSince(start));
			try {
				return checkedModels(cached.get(), files);
			}
			catch (RuntimeException ex) {
				// refused by the compiled-code check (an entry not written by this service) or unusable: the files decide
				log.warn("A cached compiled rule set could not be used ({}); compiling", ex.getClass().getSimpleName());
			}
		}
		start = System.nanoTime();
		InternalKieModule module;
		synchronized (part.turn) {
			long cpu = THREADS.getCurrentThreadCpuTime();
			module = compiled(kie, files, part);
			// the thread's CPU time too: on a shared machine the wall time says more about the others' load
			log.debug("Rules compiled in {} ms ({} ms of CPU, {} part, {} files)", millisSince(start),
					(THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000, part.name().toLowerCase(Locale.ROOT), files.size());
		}
		List<Model> models = checkedModels(module, files);
		cache.write(contentHash, module.getBytes());
		return models;
	}

	private static long millisSince(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	/**
	 * The module's rule models, once its compiled code passed the check: its classes are loaded only then,
	 * by a class loader of their own over the service's.
	 */
	private static List<Model> checkedModels(InternalKieModule module, List<RuleFile> files) {
		long start = System.nanoTime();
		List<RuleProblem> forbidden = RuleBytecodeCheck.check(module, files);
		if (!forbidden.isEmpty()) {
			throw new RuleSetException("Safety check of the compiled rules", forbidden);
		}
		if (!(module instanceof CanonicalKieModule canonical)) {
			throw new IllegalStateException("Not an executable model: " + module.getClass().getSimpleName());
		}
		long checked = System.nanoTime();
		canonical.setModuleClassLoader(ProjectClassLoader.createProjectClassLoader(DrlCompiler.class.getClassLoader(), canonical.getClassesMap()));
		KieBaseModelImpl description = (KieBaseModelImpl) canonical.getKieModuleModel().getKieBaseModels().values().iterator().next();
		// one model per package; by name, so that a module's models come in the same order every time
		List<Model> models = canonical.getModelForKBase(description).stream().sorted(Comparator.comparing(Model::getName)).toList();
		log.debug("Compiled code checked in {} ms, models loaded in {} ms", (checked - start) / 1_000_000, millisSince(checked));
		return models;
	}

	/**
	 * A module read back from the cache, with the default module description a build without one gets,
	 * or empty (then it is compiled) when the engine cannot read it.
	 */
	private static Optional<InternalKieModule> loaded(byte[] stored) {
		try {
			MemoryFileSystem jar = files(stored);
			KieModuleModel description = KieServices.get().newKieModuleModel();
			KieBuilderImpl.setDefaultsforEmptyKieModule(description);
			return Optional.of(InternalKieModuleProvider.get(ReleaseIdImpl.fromPropertiesString(jar.findPomProperties()), description, jar));
		}
		catch (IOException | RuntimeException ex) {
			log.warn("A cached compiled rule set could not be read by the engine ({}); compiling", ex.getClass().getSimpleName());
			return Optional.empty();
		}
	}

	/**
	 * The files of a module stored as a jar, as {@link MemoryFileSystem#readFromJar(byte[])} reads them
	 * (every entry but directories and the manifest), but each entry in one read: the engine's reads one
	 * byte at a time through the inflater, which was most of the time a cached start spent reading the
	 * cache's entries.
	 */
	static MemoryFileSystem files(byte[] jar) throws IOException {
		MemoryFileSystem files = new MemoryFileSystem();
		try (JarInputStream entries = new JarInputStream(new ByteArrayInputStream(jar))) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				if (!entry.isDirectory()) {
					files.write(entry.getName(), entries.readAllBytes(), true);
				}
			}
		}
		return files;
	}

	private static InternalKieModule compiled(KieServices kie, List<RuleFile> files, Part part) {
		// unique across processes too: a cached module keeps the id it was built with
		ReleaseId releaseId = kie.newReleaseId("org.parcours", "rules", "1.0." + BUILDS.incrementAndGet() + "-" + UUID.randomUUID());
		KieFileSystem kfs = kie.newKieFileSystem();
		kfs.generateAndWritePomXML(releaseId);
		for (RuleFile file : files) {
			if (file.isDrl() || file.isDecisionTable()) {
				kfs.write(RESOURCES + part.name(file.path()), resource(kie, file));
			}
		}
		// the compiler reads the service's class files from memory after the first build (see CompilerClassPath)
		KieBuilder builder = kie.newKieBuilder(kfs, CompilerClassPath.SHARED).buildAll(ExecutableModelProject.class);
		List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
		List<RuleProblem> errors = new ArrayList<>(messages.stream()
			.filter(message -> !isGenerated(message))
			.map(message -> problem(message, files, part))
			.filter(problem -> !(problem.line() == 0 && problem.message().contains("Parser returned a null Package")))
			.toList());
		errors.addAll(GeneratedCodeLocator.locate(messages.stream().filter(DrlCompiler::isGenerated).toList(), files));
		// nothing is read from the engine's repository of modules: the models are taken from the module itself
		kie.getRepository().removeKieModule(releaseId);
		if (!errors.isEmpty()) {
			throw new RuleSetException("Compilation", errors);
		}
		return (InternalKieModule) builder.getKieModule();
	}

	/**
	 * The paths of these files in the order a build of them all adds their rules: the DRL files, then the
	 * decision tables, each in the order of the engine's file system of the build (its map of file names:
	 * the files of the build's source, copied after the module's description, keyed by their paths). Rules of
	 * equal salience fire in that order, so a knowledge base assembled from the files' own builds follows it.
	 */
	static List<String> buildOrder(List<RuleFile> files) {
		KieServices kie = KieServices.get();
		ReleaseId releaseId = kie.newReleaseId("org.parcours", "rules", "1.0");
		MemoryFileSystem source = new MemoryFileSystem();
		source.write("pom.xml", new byte[0], true);
		for (RuleFile file : files) {
			source.write(RESOURCES + file.path(), new byte[0], true);
		}
		MemoryFileSystem target = new MemoryFileSystem();
		target.write(((ReleaseIdImpl) releaseId).getPomXmlPath(), new byte[0], true);
		target.write(((ReleaseIdImpl) releaseId).getPomPropertiesPath(), new byte[0], true);
		target.write("META-INF/kmodule.xml", new byte[0], true);
		source.getFilePaths().stream().map(PortablePath::asString).filter(name -> name.startsWith(RESOURCES))
			.forEach(name -> target.write(name.substring(RESOURCES.length()), new byte[0], true));
		Map<String, RuleFile> byPath = new HashMap<>();
		files.forEach(file -> byPath.put(file.path(), file));
		List<String> ordered = target.getFilePaths().stream().map(PortablePath::asString).filter(byPath::containsKey).toList();
		List<String> order = new ArrayList<>(ordered.stream().filter(path -> byPath.get(path).isDrl()).toList());
		order.addAll(ordered.stream().filter(path -> byPath.get(path).isDecisionTable()).toList());
		return order;
	}

	private static Resource resource(KieServices kie, RuleFile file) {
		Resource resource = kie.getResources().newByteArrayResource(file.content()).setSourcePath(file.path());
		if (file.isDecisionTable()) {
			DecisionTableConfiguration csv = KnowledgeBuilderFactory.newDecisionTableConfiguration();
			csv.setInputType(DecisionTableInputType.CSV);
			resource.setResourceType(ResourceType.DTABLE);
			resource.setConfiguration(csv);
		}
		else {
			resource.setResourceType(ResourceType.DRL);
		}
		return resource;
	}

	/**
	 * Locates a build message in the clinician's file. Decision tables are compiled through generated
	 * DRL whose line numbers mean nothing to the author, so their messages are placed on the CSV row
	 * that defines the rule they name.
	 */
	private static boolean isGenerated(Message message) {
		return message.getPath() != null && message.getPath().startsWith("src/main/java/");
	}

	private static RuleProblem problem(Message message, List<RuleFile> files, Part part) {
		String path = message.getPath() == null ? "" : message.getPath();
		String text = message.getText().strip();
		String file = part.path(path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : path);
		return files.stream()
			.filter(candidate -> candidate.path().equals(file) && candidate.isDecisionTable())
			.findFirst()
			.map(table -> new RuleProblem(file, DecisionTableRows.lineOf(table, text), text))
			.orElseGet(() -> new RuleProblem(file, Math.max(message.getLine(), 0), text));
	}
}
