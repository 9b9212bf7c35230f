package org.parcours.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import org.parcours.rules.RuleCatalogue;
import org.parcours.rules.RuleCatalogue.DefinedRule;
import org.parcours.rules.RuleFile;
import org.parcours.rules.RuleProblem;

/**
 * What the golden cases exercise: every level rule must fire in at least one case that checks the
 * level, and every programme must have its outcome stated by at least one case. Otherwise an edit to
 * that rule or programme could go live with nothing to catch a mistake, so it is reported by rule id.
 * The cases run in parallel, so what they exercised is gathered in concurrent sets.
 */
final class CaseCoverage {

	private final List<DefinedRule> levelRules;

	private final List<DefinedRule> programmeRules;

	private final Set<String> firedInLevelCases = ConcurrentHashMap.newKeySet();

	private final List<String> programmes;

	private final Set<String> statedProgrammes = ConcurrentHashMap.newKeySet();

	/** {@code programmes}: the ids the rule set declares ({@code RuleSet.programmes()}). */
	CaseCoverage(List<RuleFile> files, List<String> programmes) {
		this.levelRules = RuleCatalogue.rulesCreating(files, "LevelFinding");
		this.programmeRules = RuleCatalogue.rulesCreating(files, "Programme");
		this.programmes = programmes;
	}

	/** Records the rules fired for a case that checks the level; none for the others. */
	AgendaEventListener listenerFor(GoldenCase goldenCase) {
		if (!goldenCase.expect().has("level") && !goldenCase.expect().has("levelRules")) {
			return null;
		}
		return new DefaultAgendaEventListener() {
			@Override
			public void afterMatchFired(AfterMatchFiredEvent event) {
				firedInLevelCases.add(event.getMatch().getRule().getName());
			}
		};
	}

	void answered(GoldenCase goldenCase) {
		goldenCase.expect().path("programmes").propertyNames().forEach(statedProgrammes::add);
	}

	List<RuleProblem> uncovered() {
		List<RuleProblem> problems = new ArrayList<>();
		for (DefinedRule rule : levelRules) {
			if (!firedInLevelCases.contains(rule.name())) {
				problems.add(new RuleProblem(rule.file(), rule.line(), "level rule '" + rule.name() + "' fires in no golden case that "
						+ "checks the level: add a case under cases/ whose patient meets it and that states the expected level"));
			}
		}
		for (String programme : programmes) {
			if (!statedProgrammes.contains(programme)) {
				DefinedRule declared = programmeRules.stream().filter(rule -> rule.text().contains("new Programme(\"" + programme + "\"")).findFirst()
					.orElse(new DefinedRule("cases/", 0, programme, ""));
				problems.add(new RuleProblem(declared.file(), declared.line(), "programme '" + programme + "' is checked by no golden "
						+ "case: add cases under cases/ stating its expected status"));
			}
		}
		return problems;
	}
}
