package org.parcours.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import org.parcours.rules.RulesProperties;

/**
 * Stops the service before it starts, with one line naming the setting, when its rules directory
 * is not there: otherwise the operator reads the failure as a chain of beans that could not be
 * created. Checked once the configuration is known (command line, environment, files) and before any
 * bean exists, so nothing needs closing; the exit code is the batch commands' "rules that do not load".
 */
public final class RulesDirectoryCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final int EXIT_CODE = 5;

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		problem(event.getEnvironment()).ifPresent(problem -> {
			System.err.println("parcours: " + problem);
			System.exit(EXIT_CODE);
		});
	}

	static Optional<String> problem(Environment environment) {
		// bound as the application binds it, so the default and the accepted spellings are the same
		Path path = Binder.get(environment).bindOrCreate("parcours.rules", RulesProperties.class).directory();
		if (Files.isDirectory(path) && Files.isReadable(path)) {
			return Optional.empty();
		}
		return Optional.of("parcours.rules.directory=" + path + " is not a readable directory (" + path.toAbsolutePath().normalize() + ")");
	}
}
