package org.parcours.roster;

import java.util.List;

import org.parcours.patient.Patient;
import org.parcours.vocabulary.Mappings;

/**
 * A column layout of rosters, mapped onto the {@link Patient} input of the API. A profile does I/O
 * only: it says which cell holds which input and how its words translate; it decides nothing
 * clinical, and every mapped patient is validated and evaluated like an API request.
 */
public interface RosterProfile {

	String name();

	/**
	 * Checks a header and returns the mapper for its rows, reading codes with the run's mapping
	 * tables; a {@link RosterFileException} when unusable.
	 */
	Mapper bind(String[] header, Mappings mappings);

	/** Maps the rows of one header. Stateless, so that workers share it. */
	public interface Mapper {

		/** The header column that identifies a row, echoed in the output; -1 when the layout has none. */
		int idColumn();

		Row map(String[] cells);
	}

	/**
	 * One row mapped: the patient (possibly invalid, always validated afterwards) and the errors met
	 * while reading the cells. {@code ageUpperBound} is set when the roster gives an age band rather
	 * than an age: {@code patient.age()} is then the band's lower bound (see {@link RowScorer}).
	 */
	public record Row(Patient patient, Integer ageUpperBound, List<RowError> errors) {
	}
}
