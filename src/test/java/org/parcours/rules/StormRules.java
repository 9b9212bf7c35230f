package org.parcours.rules;

/**
 * Rule files a careless author could write, each well-formed and safe by every check made before
 * running it, that never stop firing: one keeps inserting facts, two re-fire each other without end.
 */
public final class StormRules {

	/** The age that starts the storms of {@link #FOR_ONE_PATIENT}; no golden case has it. */
	public static final int STORMING_AGE = 123;

	/** The age that starts the two rules re-firing each other in {@link #FOR_ONE_PATIENT}. */
	public static final int PING_PONG_AGE = 122;

	public static final String FILE = "stratification/storm.drl";

	/** An inserting storm for patients aged {@value #STORMING_AGE}, a ping-pong for {@value #PING_PONG_AGE}. */
	public static final String FOR_ONE_PATIENT = """
			package stratification

			import org.parcours.facts.*

			rule "X-STORM-SEED"
			when
			    PatientFacts(age == %d)
			then
			    insert(Flag.yes("storm", "X-STORM-SEED"));
			end

			// every fact it inserts matches it again: the working memory grows until something stops it
			rule "X-STORM"
			when
			    Flag(name == "storm")
			then
			    insert(Flag.yes("storm", "X-STORM"));
			end

			rule "X-PING-SERVE"
			when
			    PatientFacts(age == %d)
			then
			    insert(Flag.yes("ping", "X-PING-SERVE"));
			end

			rule "X-PING"
			when
			    $ball : Flag(name == "ping")
			then
			    delete($ball);
			    insert(Flag.yes("pong", "X-PING"));
			end

			rule "X-PONG"
			when
			    $ball : Flag(name == "pong")
			then
			    delete($ball);
			    insert(Flag.yes("ping", "X-PONG"));
			end
			""".formatted(STORMING_AGE, PING_PONG_AGE);

	/** An inserting storm started by every patient. */
	public static final String FOR_EVERY_PATIENT = """
			package stratification

			import org.parcours.facts.*

			rule "X-STORM-SEED"
			when
			    PatientFacts()
			then
			    insert(Flag.yes("storm", "X-STORM-SEED"));
			end

			rule "X-STORM"
			when
			    Flag(name == "storm")
			then
			    insert(Flag.yes("storm", "X-STORM"));
			end
			""";

	private StormRules() {
	}
}
