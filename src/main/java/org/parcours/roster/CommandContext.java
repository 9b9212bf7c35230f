package org.parcours.roster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import org.parcours.rules.RuleSetException;

/**
 * The application of a batch command: started without its web server, so that the command activates
 * rules exactly as the service does (same checks, same golden cases), quietly, with a rule set that
 * does not load reported as one {@link RosterFileException}.
 */
public final class CommandContext {

	private CommandContext() {
	}

	/**
	 * Starts {@code application} on the rules of {@code rules} (the configured directory when
	 * {@code null}); {@code option} is the command's name for that directory, used in messages.
	 */
	public static ConfigurableApplicationContext start(Class<?> application, String option, String rules) {
		// Rules that do not load are reported below in one message; Spring's own account of the failed
		// start-up (the bean chain, then the same analysis) would only repeat it at length.
		List<String> properties = new ArrayList<>(List.of("--spring.main.log-startup-info=false", "--logging.level.root=WARN",
				"--logging.level.org.springframework.context.annotation=ERROR", "--logging.level.org.springframework.boot.diagnostics=OFF",
				"--parcours.rules.watch.enabled=false"));
		if (rules != null) {
			if (!Files.isDirectory(Path.of(rules)) || !Files.isReadable(Path.of(rules))) {
				throw new RosterFileException(RosterFileException.Kind.RULES, option, "--" + option + " " + rules + ": not a readable directory");
			}
			properties.add("--parcours.rules.directory=" + rules);
		}
		try {
			return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false).run(properties.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof RuleSetException problems) {
					throw new RosterFileException(RosterFileException.Kind.RULES, option,
							"the rule set could not be loaded. " + problems.getMessage());
				}
			}
			throw ex;
		}
	}
}
