package org.parcours.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import com.opencsv.RFC4180ParserBuilder;

/**
 * The floor under roster scoring (run by {@code bench/roster.sh}; not a test): read a CSV and write
 * every row back with OpenCSV, nothing else, single thread. Prints rows and rows per second.
 */
public final class RosterBaseline {

	public static void main(String[] args) throws Exception {
		long start = System.nanoTime();
		long rows = copy(Path.of(args[0]), Path.of(args[1]));
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("baseline: %d rows read and written in %.1f s = %.0f rows/s%n", rows, seconds, rows / seconds);
	}

	static long copy(Path input, Path output) throws IOException {
		long rows = 0;
		try (BufferedReader in = Files.newBufferedReader(input, StandardCharsets.UTF_8);
				CSVReader reader = new CSVReaderBuilder(in).withCSVParser(new RFC4180ParserBuilder().build()).build();
				BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
				ICSVWriter writer = new CSVWriterBuilder(out).withLineEnd("\n").build()) {
			for (String[] row = reader.readNext(); row != null; row = reader.readNext()) {
				writer.writeNext(row, false);
				rows++;
			}
		}
		catch (com.opencsv.exceptions.CsvValidationException ex) {
			throw new IOException(ex);
		}
		return rows - 1;
	}
}
