package org.parcours;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import org.parcours.impact.ImpactCli;
import org.parcours.roster.RosterCli;
import org.parcours.system.RulesDirectoryCheck;

@SpringBootApplication
public class ParcoursApplication {

	public static void main(String[] args) {
		if (ImpactCli.handles(args)) {
			System.exit(ImpactCli.run(args, System.err, ParcoursApplication.class));
		}
		if (RosterCli.handles(args)) {
			// Batch commands run without the web server and end with their own exit code.
			System.exit(RosterCli.run(args, System.err, ParcoursApplication.class));
		}
		SpringApplication application = new SpringApplication(ParcoursApplication.class);
		application.addListeners(new RulesDirectoryCheck());
		application.run(args);
	}
}
