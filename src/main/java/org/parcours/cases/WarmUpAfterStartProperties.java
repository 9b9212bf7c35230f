package org.parcours.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The warm-up of the active rule set after a start-up ({@link WarmUpAfterStart}):
 * {@code enabled} turns it on or off; it ends after {@code assessments} assessments of the golden cases'
 * patients or {@code cpu} of its thread's CPU time, whichever comes first (about 18,000 evaluations
 * bring a fresh JVM to the steady cost of an evaluation); {@code pause} is how long it waits before
 * looking again when requests or a reload are running.
 */
@ConfigurationProperties("parcours.rules.warm-up-after-start")
record WarmUpAfterStartProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20000") int assessments,
		@DefaultValue("20s") Duration cpu, @DefaultValue("200ms") Duration pause) {
}
