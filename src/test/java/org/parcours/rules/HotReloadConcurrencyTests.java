package org.parcours.rules;

import java.io.IOException;
import java.nio.file.Files;
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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Several callers assess continuously while the reload endpoint alternates the rule set between two
 * versions: no request fails and every answer's level is the one of the version it names. The rule
 * set is the fixture ({@link FixtureRules}), its threshold alternating between 5 and 6 medications,
 * rather than the default rules, whose compilation takes seconds: what is under test is the swap, not
 * the rules, and twenty real reloads of the fixture, golden cases included, stay within seconds.
 */
class HotReloadConcurrencyTests extends FixtureServiceTests {

	@Autowired
	MockMvc mvc;

	MvcResult assessFiveMedications() throws Exception {
		return mvc.perform(post("/api/v1/assessments").with(httpBasic("assessor", "assessor-secret"))
			.contentType(MediaType.APPLICATION_JSON).content(FixtureRules.FIVE_MEDICATIONS)).andReturn();
	}

	@Test
	void answersNeverMixVersionsWhileTheRulesAlternateUnderLoad() throws Exception {
		// a version is the content hash and the load time to the second; the content decides the answer
		Map<String, Integer> levelOfContent = new ConcurrentHashMap<>();
		levelOfContent.put(active.get().version(), 2);
		List<String> activated = new ArrayList<>();
		Queue<String> answers = new ConcurrentLinkedQueue<>();
		Queue<String> errors = new ConcurrentLinkedQueue<>();
		AtomicBoolean reloading = new AtomicBoolean(true);
		ExecutorService assessors = Executors.newFixedThreadPool(3);
		for (int t = 0; t < 3; t++) {
			assessors.execute(() -> {
				while (reloading.get()) {
					try {
						MvcResult result = assessFiveMedications();
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
				writeThreshold(raised ? 6 : 5);
				String version = JsonPath.read(mvc.perform(post("/api/v1/rules/reload").with(httpBasic("admin", "admin-secret")))
					.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.version");
				activated.add(version);
				levelOfContent.put(version, raised ? 1 : 2);
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
			assertThat(levelOfContent).containsEntry(versionAndLevel[0], Integer.valueOf(versionAndLevel[1]));
		});
		assertThat(answers.stream().map(answer -> answer.split(" ")[0]).distinct().count()).isEqualTo(2);
		System.out.printf("%d answers over %d swaps, %d versions answered, no error%n", answers.size(), swaps,
				answers.stream().map(answer -> answer.split(" ")[0]).distinct().count());
	}

	/** Writes the fixture's threshold table with this minimum number of medications for level 2. */
	static void writeThreshold(int minMedications) {
		try {
			String fixture = Files.readString(FixtureRules.DIRECTORY.resolve(FixtureRules.THRESHOLDS));
			Files.writeString(RULES.root().resolve(FixtureRules.THRESHOLDS),
					fixture.replace(FixtureRules.THRESHOLD, "polypharmacy.min-medications," + minMedications));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
