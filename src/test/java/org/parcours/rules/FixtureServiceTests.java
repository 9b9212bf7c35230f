package org.parcours.rules;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The service started on one writable copy of the fixture rule set ({@link FixtureRules}), shared by
 * the test classes that edit and reload rules, or need a rule of their own: one configuration, so Spring
 * starts one application for all of them. Each test starts from the fixture as it is, reloaded if a previous
 * test left another version active.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
public abstract class FixtureServiceTests {

	protected static final RulesDirectory RULES = RulesDirectory.temporaryCopyOfFixture();

	/** The history of this application's activations, next to the copy (where it is by default). */
	protected static final Path HISTORY = RULES.root().resolveSibling(RULES.root().getFileName() + "-history");

	static {
		// the cached application outlives any one test class, so the copy goes when the test JVM ends
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			FileSystemUtils.deleteRecursively(RULES.root().toFile());
			FileSystemUtils.deleteRecursively(HISTORY.toFile());
		}));
	}

	@DynamicPropertySource
	static void rulesDirectory(DynamicPropertyRegistry registry) {
		registry.add("parcours.rules.directory", () -> RULES.root().toString());
		registry.add("parcours.rules.history-directory", HISTORY::toString);
	}

	@Autowired
	protected ActiveRuleSet active;

	@Autowired
	protected RuleReloader reloader;

	@BeforeEach
	protected void backToTheFixtureRules() {
		RULES.reset();
		if (!active.get().contentHash().equals(FixtureRules.get().contentHash())) {
			reloader.reload(ReloadAttempt.Trigger.API);
		}
	}

	/** Adds a rule file to the fixture and activates it, for the test that follows (the next one starts without it). */
	protected void activateWith(String file, String content) {
		RULES.write(file, content);
		ReloadAttempt attempt = reloader.reload(ReloadAttempt.Trigger.API);
		if (attempt.outcome() != ReloadAttempt.Outcome.ACTIVATED) {
			throw new IllegalStateException("the fixture with " + file + " was refused: " + attempt.problems());
		}
	}
}
