package org.parcours.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress lines as a person reads them: share done, time left, rows and rate; throttled. */
class ProgressReportTests {

	@Test
	void theShareAndTimeLeftComeFromTheBytesRead() {
		// a quarter of the file read and written in 30 s: three quarters left at the same pace is 90 s
		assertThat(ProgressReport.line(25_000, 30, 250, 25_000, 1_000))
			.isEqualTo("parcours score: 25 % (25,000 rows, 833 rows/s), about 1 min 30 s left");
		assertThat(ProgressReport.line(80_000, 100, 800, 80_000, 1_000)).endsWith("about 25 s left");
	}

	@Test
	void rowsReadButNotYetWrittenAreNotCountedAsDone() {
		// 40 % of the bytes read, but only half of the rows read are written yet: 20 % done
		assertThat(ProgressReport.line(2_000, 10, 400, 4_000, 1_000)).startsWith("parcours score: 20 % ")
			.endsWith("about 40 s left");
	}

	@Test
	void theShareNeverSaysDoneBeforeTheRunIs() {
		// the whole file read and every row read written: buffers may still hold rows, the run is not over
		assertThat(ProgressReport.line(1_000, 2, 1_000, 1_000, 1_000)).startsWith("parcours score: 99 % ").endsWith("about < 1 s left");
	}

	@Test
	void nothingReadYetGivesNoEstimate() {
		assertThat(ProgressReport.line(0, 0, 0, 0, 1_000)).isEqualTo("parcours score: 0 % (0 rows, 0 rows/s), time left not known yet");
	}

	@Test
	void anUnknownSizeGivesRowsAndRateOnly() {
		assertThat(ProgressReport.line(12_000, 4, 5_000, 12_000, 0)).isEqualTo("parcours score: 12,000 rows, 3,000 rows/s");
	}

	@Test
	void durationsAreRoundedForReading() {
		assertThat(ProgressReport.duration(0.4)).isEqualTo("< 1 s");
		assertThat(ProgressReport.duration(59.4)).isEqualTo("59 s");
		assertThat(ProgressReport.duration(65)).isEqualTo("1 min 05 s");
		assertThat(ProgressReport.duration(3599)).isEqualTo("59 min 59 s");
		assertThat(ProgressReport.duration(2 * 3600 + 7 * 60 + 10)).isEqualTo("2 h 07 min");
	}

	@Test
	void aLineComesWithTheFirstRowsThenAtMostOneASecond() {
		AtomicLong bytes = new AtomicLong();
		AtomicLong read = new AtomicLong();
		List<String> lines = new ArrayList<>();
		ProgressReport report = new ProgressReport(bytes::get, read::get, 10_000, lines::add);
		bytes.set(100);
		read.set(512);
		report.written(512, 0.05);
		bytes.set(200);
		read.set(1_024);
		report.written(1_024, 0.6);
		report.written(1_536, 0.99);
		bytes.set(500);
		read.set(2_048);
		report.written(2_048, 1.2);
		report.written(2_560, 2.1);
		bytes.set(900);
		read.set(3_072);
		report.written(3_072, 2.3);
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("parcours score: 1 % (512 rows");
		assertThat(lines.get(1)).startsWith("parcours score: 5 % (2,048 rows");
		assertThat(lines.get(2)).startsWith("parcours score: 9 % (3,072 rows");
	}
}
