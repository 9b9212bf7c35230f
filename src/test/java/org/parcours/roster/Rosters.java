package org.parcours.roster;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.validation.Validation;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import org.parcours.assessment.Assess;
import org.parcours.patient.PatientValidator;
import org.parcours.rules.DefaultRules;

/**
 * Scores rosters held in strings against the default rules, without Spring: the real profiles,
 * validator, pipeline and rules, with the output read back through OpenCSV.
 */
final class Rosters {

	static final PatientValidator VALIDATOR = new PatientValidator(Validation.byDefaultProvider().configure()
		.messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator());

	/** The output of one run: the header, the rows and the summary. */
	record Scored(List<String> header, List<String[]> rows, RosterSummary summary, String text) {

		String cell(int row, String column) {
			int index = header.indexOf(column);
			if (index < 0) {
				throw new AssertionError("no column " + column + " in " + header);
			}
			return rows.get(row)[index];
		}
	}

	private Rosters() {
	}

	static Scored score(String csv) {
		return score(csv, CanonicalProfile.NAME, RosterJob.Options.defaults(List.of()));
	}

	static Scored score(String csv, String profile, RosterJob.Options options) {
		try {
			RosterJob job = RosterJob.open(new StringReader(csv), RosterProfiles.named(profile), options, DefaultRules.get(), VALIDATOR,
					Assess.TODAY);
			StringWriter out = new StringWriter();
			RosterSummary summary = job.run(out, RosterJob.Progress.NONE);
			List<String[]> all = read(out.toString());
			return new Scored(List.of(all.get(0)), all.subList(1, all.size()), summary, out.toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String[]> read(String csv) {
		try (CSVReader reader = new CSVReader(new StringReader(csv))) {
			return reader.readAll();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (CsvException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
