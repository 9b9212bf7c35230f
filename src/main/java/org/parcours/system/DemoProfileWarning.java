package org.parcours.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says loudly that the demo profile's user (application-demo.yaml) is for a developer's machine only. */
@Component
@Profile("demo")
class DemoProfileWarning {

	private static final Logger log = LoggerFactory.getLogger(DemoProfileWarning.class);

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		log.warn("DEMO PROFILE ACTIVE: user 'demo' (password 'demo', every role) is for local use only, NOT FOR PRODUCTION. "
				+ "Run the packaged jar without the demo profile and configure users with PARCOURS_SECURITY_USERS_<N>_*.");
	}
}
