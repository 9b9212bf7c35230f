package org.parcours.roster;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * Reads CSV records (RFC 4180, through OpenCSV's parser) one at a time, so that a bad row costs one
 * error row and never the rest of the file. A quoted field may span lines; a quote that is still
 * open after {@value #MAX_LINES_PER_RECORD} lines (or at the end of the input) is taken to be a
 * stray: the line that opened it becomes one malformed record and the lines after it are read again
 * as records of their own. Blank lines are not records; they are counted.
 */
public final class CsvRecords {

	static final int MAX_LINES_PER_RECORD = 100;

	/** One record: its fields, or the reason it could not be read ({@code fields} is then {@code null}). */
	public record Record(String[] fields, String problem) {
	}

	private final BufferedReader in;

	private final Deque<String> replay = new ArrayDeque<>();

	private ICSVParser parser = newParser();

	private long blankLines;

	public CsvRecords(BufferedReader in) {
		this.in = in;
	}

	public long blankLines() {
		return blankLines;
	}

	/** The next record, or {@code null} at the end of the input. */
	public Record next() throws IOException {
		String line;
		do {
			line = nextLine();
			if (line == null) {
				return null;
			}
			if (line.isEmpty()) {
				blankLines++;
			}
		}
		while (line.isEmpty());
		String[] fields = parser.parseLineMulti(line);
		if (!parser.isPending()) {
			return new Record(fields, null);
		}
		List<String> consumed = new ArrayList<>();
		consumed.add(line);
		while (parser.isPending()) {
			String more = consumed.size() < MAX_LINES_PER_RECORD ? nextLine() : null;
			if (more == null) {
				parser = newParser();
				for (int i = consumed.size() - 1; i >= 1; i--) {
					replay.push(consumed.get(i));
				}
				return new Record(null, "has a quoted field that is never closed");
			}
			consumed.add(more);
			String[] rest = parser.parseLineMulti(more);
			fields = concat(fields, rest);
		}
		return new Record(fields, null);
	}

	private String nextLine() throws IOException {
		return replay.isEmpty() ? in.readLine() : replay.pop();
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	private static ICSVParser newParser() {
		return new RFC4180ParserBuilder().build();
	}

	/**
	 * The column names of the first record, a byte-order mark taken off the first; a
	 * {@link RosterFileException} when the input is empty or its first line cannot be read.
	 */
	public String[] header() throws IOException {
		Record header = next();
		if (header == null) {
			throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "header", "the roster is empty; its first line must be a header");
		}
		if (header.fields() == null) {
			throw new RosterFileException(RosterFileException.Kind.BAD_HEADER, "header", "the header " + header.problem());
		}
		String[] names = header.fields().clone();
		if (names.length > 0 && names[0].startsWith("\uFEFF")) {
			names[0] = names[0].substring(1);
		}
		return names;
	}
}
