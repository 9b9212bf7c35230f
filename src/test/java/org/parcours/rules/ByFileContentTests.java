package org.parcours.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByFileContentTests {

	private final List<String> computed = new ArrayList<>();

	private final ByFileContent<String> lengths = new ByFileContent<>(file -> {
		computed.add(file.path());
		return file.path() + ":" + file.content().length;
	});

	@Test
	void aFileIsReadAgainOnlyWhenItsPathOrContentChanged() {
		assertThat(lengths.of(file("a.drl", "rule"))).isEqualTo("a.drl:4");
		assertThat(lengths.of(file("a.drl", "rule"))).isEqualTo("a.drl:4");
		assertThat(lengths.of(file("a.drl", "rules"))).isEqualTo("a.drl:5");
		assertThat(lengths.of(file("b.drl", "rule"))).isEqualTo("b.drl:4");

		assertThat(computed).containsExactly("a.drl", "a.drl", "b.drl");
	}

	private static RuleFile file(String path, String text) {
		return new RuleFile(path, text.getBytes(StandardCharsets.UTF_8));
	}
}
