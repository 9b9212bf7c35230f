package org.parcours.roster;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Progress of a {@code score} run, written for a person: the share done and an estimate of the time
 * left, from the bytes read against the file's size; rows and rate only when the size is unknown. A
 * first line comes with the first rows written, then at most one line a second, so that a long run
 * shows it is alive without flooding a log.
 */
final class ProgressReport implements RosterJob.Progress {

	static final double EVERY_SECONDS = 1;

	private final LongSupplier bytesRead;

	private final LongSupplier rowsRead;

	private final long size;

	private final Consumer<String> out;

	private double next;

	/** {@code size} is the input's size in bytes, or 0 or less when unknown. */
	ProgressReport(LongSupplier bytesRead, LongSupplier rowsRead, long size, Consumer<String> out) {
		this.bytesRead = bytesRead;
		this.rowsRead = rowsRead;
		this.size = size;
		this.out = out;
	}

	@Override
	public void written(long rows, double seconds) {
		if (seconds >= next) {
			next = seconds + EVERY_SECONDS;
			out.accept(line(rows, seconds, bytesRead.getAsLong(), rowsRead.getAsLong(), size));
		}
	}

	/**
	 * One line: {@code 37 % (41,472 rows, 10,368 rows/s), about 1 min 05 s left}. The input is read
	 * ahead of the rows written (rows queued for scoring), so the share of bytes read is scaled by the
	 * share of the rows read that are written; buffers still read a little ahead, so the line stays at
	 * 99 % at most until the summary line says done.
	 */
	static String line(long rows, double seconds, long bytesRead, long rowsRead, long size) {
		String rate = String.format(Locale.ROOT, "%,d rows, %,.0f rows/s", rows, seconds > 0 ? rows / seconds : 0);
		if (size <= 0) {
			return "parcours score: " + rate;
		}
		double read = Math.min(1, Math.max(0, (double) bytesRead / size));
		double done = rowsRead > 0 ? read * Math.min(1, (double) rows / rowsRead) : read;
		int percent = (int) Math.min(99, Math.floor(done * 100));
		String left = done > 0 ? "about " + duration(seconds * (1 - done) / done) + " left" : "time left not known yet";
		return String.format(Locale.ROOT, "parcours score: %d %% (%s), %s", percent, rate, left);
	}

	/** A duration rounded for reading: {@code 8 s}, {@code 3 min 05 s}, {@code 2 h 07 min}; under a second is {@code < 1 s}. */
	static String duration(double seconds) {
		long s = Math.round(seconds);
		if (s < 1) {
			return "< 1 s";
		}
		if (s < 60) {
			return s + " s";
		}
		if (s < 3600) {
			return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
		}
		long minutes = Math.round(seconds / 60);
		return String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60);
	}
}
