package org.parcours.rules.history;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.parcours.ParcoursApplication;
import org.parcours.rules.FixtureRules;
import org.parcours.rules.RulesDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service stopped and started again on the same rules and history directories, over real HTTP:
 * the same files keep their version, the history keeps every activation, and a restored older
 * version answers, also after the next restart.
 */
class RulesHistoryRestartTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path temporary;

	@Test
	void aRestartKeepsTheVersionAndTheHistoryAndARestoredVersionAnswers() throws Exception {
		RulesDirectory rules = RulesDirectory.copyOfFixture(temporary.resolve("rules"));
		Path history = temporary.resolve("history");
		String fixture;
		String raised;
		try (Service service = Service.start(rules.root(), history)) {
			fixture = service.json("GET", "/api/v1/rules", "admin:admin-secret", null).path("version").asText();
			rules.replace(FixtureRules.THRESHOLDS, FixtureRules.THRESHOLD, "polypharmacy.min-medications,6");
			raised = service.json("POST", "/api/v1/rules/reload", "admin:admin-secret", null).path("version").asText();
		}
		assertThat(raised).isNotEqualTo(fixture);

		try (Service service = Service.start(rules.root(), history)) {
			assertThat(service.json("GET", "/api/v1/rules", "admin:admin-secret", null).path("version").asText()).isEqualTo(raised);
			JsonNode activations = service.json("GET", "/api/v1/rules/history", "assessor:assessor-secret", null).path("activations");
			assertThat(activations.valueStream().map(entry -> entry.path("version").asText() + " " + entry.path("trigger").asText() + " "
					+ entry.path("user").asText("-") + " after " + entry.path("previousVersion").asText("none")).toList())
				.containsExactly(raised + " startup - after " + raised, raised + " api admin after " + fixture, fixture + " startup - after none");

			JsonNode restored = service.json("POST", "/api/v1/rules/history/" + fixture + "/restore", "admin:admin-secret", null);
			assertThat(restored.path("version").asText()).isEqualTo(fixture);
			assertThat(restored.path("trigger").asText()).isEqualTo("restore");
			JsonNode answer = service.json("POST", "/api/v1/assessments", "assessor:assessor-secret", FixtureRules.FIVE_MEDICATIONS);
			assertThat(answer.path("rulesVersion").asText()).isEqualTo(fixture);
			assertThat(answer.path("riskLevel").path("level").asInt()).isEqualTo(2);
		}

		try (Service service = Service.start(rules.root(), history)) {
			assertThat(service.json("GET", "/api/v1/rules", "admin:admin-secret", null).path("version").asText()).isEqualTo(fixture);
			JsonNode reproduced = service.json("POST", "/api/v1/assessments?rulesVersion=" + raised, "assessor:assessor-secret",
					FixtureRules.FIVE_MEDICATIONS);
			assertThat(reproduced.path("rulesVersion").asText()).isEqualTo(raised);
			assertThat(reproduced.path("riskLevel").path("level").asInt()).isEqualTo(1);
			assertThat(service.json("GET", "/api/v1/rules/history", "admin:admin-secret", null).path("activations").size()).isEqualTo(5);
		}
	}

	/** The packaged application's web server on a free port, with the test users and the given directories. */
	private record Service(ConfigurableApplicationContext context, HttpClient http, int port) implements AutoCloseable {

		static Service start(Path rules, Path history) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(ParcoursApplication.class).profiles("test")
				.run("--server.port=0", "--parcours.rules.directory=" + rules, "--parcours.rules.history-directory=" + history);
			return new Service(context, HttpClient.newHttpClient(),
					Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
		}

		JsonNode json(String method, String path, String user, String body) throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
				.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
			if (body != null) {
				request.header("Content-Type", "application/json");
			}
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isEqualTo(200);
			return JSON.readTree(response.body());
		}

		@Override
		public void close() {
			context.close();
		}
	}
}
