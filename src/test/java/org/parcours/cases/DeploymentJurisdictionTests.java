package org.parcours.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.parcours.assessment.Assess;
import org.parcours.assessment.Assessment;
import org.parcours.rules.DefaultRules;
import org.parcours.rules.RuleSet;
import org.parcours.rules.RuleSetLoader;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jurisdictions a deployment offers (programmes/deployment.drl.csv): none offers every programme;
 * a row DE leaves only the programmes serving Germany, in the rule set's list and in every answer; a
 * country row offers a programme serving one of its regions (CH offers RAC Réseau, CH-GE).
 */
class DeploymentJurisdictionTests {

	private static final String PATIENT = """
			{"age": 80, "residence": {"setting": "home", "region": "DE"}, "conditions": [{"system": "icd-10", "code": "I50.9"}],
			 "stay": {"reason": "heart-failure"}}
			""";

	@TempDir
	Path rules;

	private RuleSet deployedIn(String... jurisdictions) throws IOException {
		Path copy = Files.createDirectory(rules.resolve(String.join("-", jurisdictions)));
		RulesDirectory.copyOfDefault(copy);
		Path table = copy.resolve("programmes/deployment.drl.csv");
		StringBuilder rows = new StringBuilder(Files.readString(table));
		for (String jurisdiction : jurisdictions) {
			rows.append("deployment jurisdiction ").append(jurisdiction).append(',').append(jurisdiction).append('\n');
		}
		Files.writeString(table, rows);
		return new RuleSetLoader(Clock.systemUTC()).load(copy);
	}

	@Test
	void withoutADeploymentRowEveryProgrammeIsOffered() {
		assertThat(DefaultRules.get().programmes()).contains("prado-heart-failure", "rac-reseau", "dmp-heart-failure", "be-care-pathway-ckd")
			.hasSize(19);
	}

	@Test
	void aGermanDeploymentSeesTheDmpsOnly() throws IOException {
		RuleSet german = deployedIn("DE");
		List<String> dmps = List.of("dmp-asthma", "dmp-copd", "dmp-coronary-heart-disease", "dmp-diabetes-1", "dmp-diabetes-2", "dmp-heart-failure");
		assertThat(german.programmes()).containsExactlyElementsOf(dmps);
		Assessment answer = Assess.on(german).assess(Assess.patient(PATIENT));
		assertThat(answer.programmes()).extracting(Assessment.ProgrammeOutcome::id).containsExactlyElementsOf(dmps);
	}

	@Test
	void aCountryOffersTheProgrammesOfItsRegions() throws IOException {
		assertThat(deployedIn("CH").programmes()).containsExactly("rac-reseau");
		assertThat(deployedIn("FR", "BE").programmes()).doesNotContain("rac-reseau", "dmp-copd")
			.contains("prado-heart-failure", "telemonitoring-heart-failure", "be-care-pathway-diabetes-2");
	}
}
