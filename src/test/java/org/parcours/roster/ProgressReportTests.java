package org.parcours.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress lines as a person reads them: share, time left, rows and rate; throttled. */
class ProgressReportTests {

	@Test
	void theShareAndTimeLeftComeFromTheBytesRead() {
		// a quarter of the file in 30 s: three quarters left at the same pace is 90 s
		assertThat(ProgressReport.line(25_000, 30, 250, 1_000))
			.isEqualTo("parcours score: 25 % (25,000 rows, 833 rows/s), about 1 min 30 s left");
		assertThat(ProgressReport.line(80_000, 100, 800, 1_000)).endsWith("about 25 s left");
	}

	@Test
	void theShareNeverSaysDoneBeforeTheRunIs() {
		// the reader runs a little ahead of the rows written: the whole file read is not the end
		assertThat(ProgressReport.line(990, 2, 1_000, 1_000)).startsWith("parcours score: 99 % ").endsWith("about < 1 s left");
	}

	@Test
	void nothingReadYetGivesNoEstimate() {
		assertThat(ProgressReport.line(0, 0, 0, 1_000)).isEqualTo("parcours score: 0 % (0 rows, 0 rows/s), time left not known yet");
	}

	@Test
	void anUnknownSizeGivesRowsAndRateOnly() {
		assertThat(ProgressReport.line(12_000, 4, 5_000, 0)).isEqualTo("parcours score: 12,000 rows, 3,000 rows/s");
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
		List<String> lines = new ArrayList<>();
		ProgressReport report = new ProgressReport(bytes::get, 10_000, lines::add);
		bytes.set(100);
		report.written(512, 0.05);
		bytes.set(200);
		report.written(1_024, 0.6);
		report.written(1_536, 0.99);
		bytes.set(500);
		report.written(2_048, 1.2);
		report.written(2_560, 2.1);
		bytes.set(900);
		report.written(3_072, 2.3);
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).startsWith("parcours score: 1 % (512 rows");
		assertThat(lines.get(1)).startsWith("parcours score: 5 % (2,048 rows");
		assertThat(lines.get(2)).startsWith("parcours score: 9 % (3,072 rows");
	}
}
