package org.parcours.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.internal.builder.DecisionTableConfiguration;
import org.kie.internal.builder.DecisionTableInputType;
import org.kie.internal.builder.KnowledgeBuilderFactory;

/**
 * Compiles the DRL files and CSV decision tables of a rule set together with the executable model.
 * Every build gets its own ReleaseId, and the module is removed from the KIE repository as soon as
 * its container exists, so repeated reloads do not accumulate modules.
 */
final class DrlCompiler {

	private static final AtomicLong BUILDS = new AtomicLong();

	private DrlCompiler() {
	}

	static KieContainer compile(List<RuleFile> files) {
		KieServices kie = KieServices.get();
		ReleaseId releaseId = kie.newReleaseId("org.parcours", "rules", "1.0." + BUILDS.incrementAndGet());
		KieFileSystem kfs = kie.newKieFileSystem();
		kfs.generateAndWritePomXML(releaseId);
		for (RuleFile file : files) {
			if (file.isDrl() || file.isDecisionTable()) {
				kfs.write("src/main/resources/" + file.path(), resource(kie, file));
			}
		}
		KieBuilder builder = kie.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
		List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
		List<RuleProblem> errors = new ArrayList<>(messages.stream()
			.filter(message -> !isGenerated(message))
			.map(message -> problem(message, files))
			.filter(problem -> !(problem.line() == 0 && problem.message().contains("Parser returned a null Package")))
			.toList());
		errors.addAll(GeneratedCodeLocator.locate(messages.stream().filter(DrlCompiler::isGenerated).toList(), files));
		if (!errors.isEmpty()) {
			kie.getRepository().removeKieModule(releaseId);
			throw new RuleSetException("Compilation", errors);
		}
		List<RuleProblem> forbidden = RuleBytecodeCheck.check(builder.getKieModule(), files);
		if (!forbidden.isEmpty()) {
			kie.getRepository().removeKieModule(releaseId);
			throw new RuleSetException("Safety check of the compiled rules", forbidden);
		}
		KieContainer container = kie.newKieContainer(releaseId);
		kie.getRepository().removeKieModule(releaseId);
		return container;
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

	private static RuleProblem problem(Message message, List<RuleFile> files) {
		String path = message.getPath() == null ? "" : message.getPath();
		String text = message.getText().strip();
		if (path.startsWith("src/main/resources/")) {
			path = path.substring("src/main/resources/".length());
		}
		String file = path;
		return files.stream()
			.filter(candidate -> candidate.path().equals(file) && candidate.isDecisionTable())
			.findFirst()
			.map(table -> new RuleProblem(file, DecisionTableRows.lineOf(table, text), text))
			.orElseGet(() -> new RuleProblem(file, Math.max(message.getLine(), 0), text));
	}
}
