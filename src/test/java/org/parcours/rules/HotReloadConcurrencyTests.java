package org.parcours.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Several callers assess continuously while the reload endpoint alternates the rule set between two
 * versions: no request fails and every answer's level is the one of the version it names. The rule
 * set here is two rule files (a DRL and the decision table holding its threshold, with the default
 * vocabularies) rather than the default rules, whose compilation takes seconds: what is under test is
 * the swap, not the rules, and twenty real reloads of this set stay within seconds.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class HotReloadConcurrencyTests {

	static final String THRESHOLDS = """
			RuleSet,stratification
			Import,org.parcours.facts.*
			,
			RuleTable Level thresholds
			NAME,ACTION
			,
			,"insert(new Threshold(drools.getRule().getName(), $param));"
			threshold,value [whole number]
			level-2.min-age,%d
			""";

	static final String LEVELS = """
			package stratification

			import org.parcours.facts.*

			rule "T-2"
			when
			    $t : Threshold(name == "level-2.min-age")
			    $p : PatientFacts(age >= $t.value())
			then
			    insert(new LevelFinding(2, "T-2", "age " + $p.age() + " (at least " + $t.display() + ")"));
			end

			rule "T-1"
			salience -100
			when
			    PatientFacts()
			    not LevelFinding(level >= 2)
			then
			    insert(new LevelFinding(1, "T-1", "otherwise"));
			end
			""";

	static final Path RULES = twoFileRuleSet();

	@DynamicPropertySource
	static void rulesDirectory(DynamicPropertyRegistry registry) {
		registry.add("parcours.rules.directory", RULES::toString);
		// a two-file fixture rule set, tested here rather than by golden cases
		registry.add("parcours.rules.cases.allow-none", () -> "true");
	}

	@AfterAll
	static void deleteRules() throws IOException {
		FileSystemUtils.deleteRecursively(RULES);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ActiveRuleSet active;

	MvcResult assessAged60() throws Exception {
		return mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"age\": 60}")).andReturn();
	}

	@Test
	void answersNeverMixVersionsWhileTheRulesAlternateUnderLoad() throws Exception {
		// a version is the content hash and the load time to the second; the content decides the answer
		Map<String, Integer> levelOfContent = new ConcurrentHashMap<>();
		levelOfContent.put(content(active.get().version()), 2);
		List<String> activated = new ArrayList<>();
		Queue<String> answers = new ConcurrentLinkedQueue<>();
		Queue<String> errors = new ConcurrentLinkedQueue<>();
		AtomicBoolean reloading = new AtomicBoolean(true);
		ExecutorService assessors = Executors.newFixedThreadPool(3);
		for (int t = 0; t < 3; t++) {
			assessors.execute(() -> {
				while (reloading.get()) {
					try {
						MvcResult result = assessAged60();
						String body = result.getResponse().getContentAsString();
						if (result.getResponse().getStatus() != 200) {
							errors.add(result.getResponse().getStatus() + " " + body);
						}
						else {
							answers.add(JsonPath.read(body, "$.rulesVersion") + " " + JsonPath.read(body, "$.riskLevel.level"));
						}
					}
					catch (Exception ex) {
						errors.add(ex.toString());
					}
				}
			});
		}
		int swaps = 22;
		try {
			for (int i = 0; i < swaps; i++) {
				boolean raised = i % 2 == 0;
				writeThreshold(RULES, raised ? 61 : 60);
				String version = JsonPath.read(mvc.perform(post("/api/v1/rules/reload").with(httpBasic("admin", "admin-secret")))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.version");
				activated.add(version);
				levelOfContent.put(content(version), raised ? 1 : 2);
			}
		}
		finally {
			reloading.set(false);
			assessors.shutdown();
			assertThat(assessors.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		}

		assertThat(errors).isEmpty();
		assertThat(activated).hasSize(swaps);
		assertThat(levelOfContent).hasSize(2);
		assertThat(answers).hasSizeGreaterThan(swaps).allSatisfy(answer -> {
			String[] versionAndLevel = answer.split(" ");
			assertThat(levelOfContent).containsEntry(content(versionAndLevel[0]), Integer.valueOf(versionAndLevel[1]));
		});
		assertThat(answers.stream().map(answer -> content(answer.split(" ")[0])).distinct().count()).isEqualTo(2);
		System.out.printf("%d answers over %d swaps, %d versions answered, no error%n", answers.size(), swaps,
				answers.stream().map(answer -> answer.split(" ")[0]).distinct().count());
	}

	static String content(String version) {
		return version.substring(0, version.indexOf('-'));
	}

	static void writeThreshold(Path rules, int minAge) {
		try {
			Files.writeString(rules.resolve("stratification/thresholds.drl.csv"), THRESHOLDS.formatted(minAge));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path twoFileRuleSet() {
		try {
			Path rules = Files.createTempDirectory("rules-");
			Files.createDirectories(rules.resolve("stratification"));
			Files.createDirectories(rules.resolve("vocabulary"));
			try (var vocabularies = Files.list(DefaultRules.DIRECTORY.resolve("vocabulary"))) {
				for (Path vocabulary : vocabularies.toList()) {
					Files.copy(vocabulary, rules.resolve("vocabulary").resolve(vocabulary.getFileName().toString()));
				}
			}
			Files.writeString(rules.resolve("stratification/levels.drl"), LEVELS);
			writeThreshold(rules, 60);
			return rules;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
