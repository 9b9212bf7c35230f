package org.parcours.roster;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * The files of the {@code score} command. A name ending in {@code .gz} is gzip, read or written on
 * the fly, so that a compressed roster never has to be unpacked on disk. The input counts the bytes
 * read from the file itself (compressed bytes for gzip), which against the file's size tells how far
 * the run is.
 */
public final class RosterFile {

	private static final int BUFFER = 1 << 16;

	private RosterFile() {
	}

	/** An open input: the text reader and how many bytes of the file lie behind it. */
	public record Input(BufferedReader reader, long size, Counter counter) implements AutoCloseable {

		public long bytesRead() {
			return counter.count;
		}

		@Override
		public void close() throws IOException {
			reader.close();
		}
	}

	public static Input open(Path path) throws IOException {
		Counter counter = new Counter(Files.newInputStream(path));
		InputStream bytes = counter;
		if (gzip(path)) {
			try {
				// a small buffer: the compressed bytes counted stay close to the rows handed over
				bytes = new GZIPInputStream(counter, 8192);
			}
			catch (ZipException | java.io.EOFException ex) {
				counter.close();
				throw new RosterFileException(RosterFileException.Kind.UNREADABLE_INPUT, "input",
						"the input file " + path + " ends in .gz but is not gzip");
			}
		}
		// A decoder that replaces bytes that are not UTF-8: one odd character must not end the run.
		return new Input(new BufferedReader(new InputStreamReader(bytes, StandardCharsets.UTF_8), BUFFER), Files.size(path), counter);
	}

	static Writer create(Path path, boolean gzip) throws IOException {
		OutputStream bytes = Files.newOutputStream(path);
		if (gzip) {
			bytes = new GZIPOutputStream(bytes, BUFFER);
		}
		return new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), BUFFER);
	}

	static boolean gzip(Path path) {
		return path.getFileName().toString().endsWith(".gz");
	}

	/** Bytes read so far; written by the reading thread only, read by the one reporting progress. */
	public static final class Counter extends FilterInputStream {

		private volatile long count;

		private Counter(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			count += skipped;
			return skipped;
		}
	}
}
