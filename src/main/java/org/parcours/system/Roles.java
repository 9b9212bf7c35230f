package org.parcours.system;

import java.util.List;

/** The roles the API knows; a configured user with any other role is a typo and stops start-up. */
final class Roles {

	/** Assesses patients: single assessments, rosters, CDS Hooks; may read the rules status. */
	static final String ASSESSOR = "assessor";

	/** Activates edited rules and reads their status. */
	static final String RULES_ADMIN = "rules-admin";

	/** Scrapes metrics (Prometheus) and sees health details. */
	static final String MONITORING = "monitoring";

	static final List<String> ALL = List.of(ASSESSOR, RULES_ADMIN, MONITORING);

	private Roles() {
	}
}
