package org.parcours.facts;

import java.util.List;

/**
 * Several items' points given by one rule firing (the HFRS codes a patient has): the answer reads each
 * of them as if it had been inserted on its own, and a total sums them with
 * {@code accumulate(ScorePoints(...) from $items.points(); ...)}.
 */
public record ScoreItems(List<ScorePoints> points) {

	public ScoreItems {
		points = List.copyOf(points);
	}
}
