package org.parcours.cases;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.parcours.assessment.Assess;

import static org.assertj.core.api.Assertions.assertThat;

/** The example answers in the programme section of docs/api.md are what the rules answer today. */
class ApiDocProgrammeExamplesTests {

	private static final Pattern EXAMPLE = Pattern.compile("`([a-z-]+)` — \\[`(datasets/examples/[a-z0-9-]+\\.json)`\\]\\([^)]*\\):\\s*```json\\n(.*?)```",
			Pattern.DOTALL);

	@TestFactory
	Stream<DynamicTest> apiDocShowsTheRealAnswers() throws IOException {
		Matcher matcher = EXAMPLE.matcher(Files.readString(Path.of("docs/api.md")));
		Stream.Builder<DynamicTest> tests = Stream.builder();
		int count = 0;
		while (matcher.find()) {
			String programme = matcher.group(1);
			Path request = Path.of(matcher.group(2));
			JsonNode shown = Cases.JSON.readTree(matcher.group(3));
			tests.add(DynamicTest.dynamicTest(programme + " for " + request.getFileName(), () -> {
				ObjectNode actual = Cases.JSON.valueToTree(Assess.programme(Assess.json(Files.readString(request)), programme));
				actual.remove("title");
				assertThat(actual).isEqualTo(shown);
			}));
			count++;
		}
		assertThat(count).as("one example per programme in docs/api.md").isEqualTo(10);
		return tests.build();
	}
}
