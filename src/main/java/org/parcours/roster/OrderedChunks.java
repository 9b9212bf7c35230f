package org.parcours.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * The rows of a CSV input worked on in parallel and handed back in input order, streamed: a reader
 * thread cuts the records into chunks, a pool of workers turns each record into a result, and the
 * caller takes the chunks of results in order. The queue of chunks in flight is bounded, so memory
 * stays the same whatever the length of the input, and a slow consumer slows the reader.
 *
 * @param <R> what a worker makes of one record (given with its row number, data rows from 1)
 */
public final class OrderedChunks<R> implements AutoCloseable {

	private final List<R> end = List.of();

	private final CsvRecords records;

	private final int chunkRows;

	private final BiFunction<CsvRecords.Record, Long, R> work;

	private final BlockingQueue<Future<List<R>>> inFlight;

	private final ExecutorService workers;

	private final Thread reader;

	private volatile long rowsRead;

	/** Starts reading {@code records} (past their header) at once, with {@code workers} worker threads. */
	public OrderedChunks(CsvRecords records, int workers, int chunkRows, String threadName, BiFunction<CsvRecords.Record, Long, R> work) {
		this.records = records;
		this.chunkRows = chunkRows;
		this.work = work;
		this.inFlight = new ArrayBlockingQueue<>(Math.max(2, workers * 4));
		this.workers = Executors.newFixedThreadPool(workers, daemon(threadName + "-worker"));
		this.reader = daemon(threadName + "-reader").newThread(this::read);
		reader.start();
	}

	/**
	 * The next chunk of results in input order, or {@code null} after the last one.
	 *
	 * @throws ExecutionException when the input could not be read (workers must turn a bad row into a result)
	 */
	public List<R> next() throws InterruptedException, ExecutionException {
		List<R> chunk = inFlight.take().get();
		return chunk == end ? null : chunk;
	}

	/** Records read from the input so far; the reader runs ahead of the results taken. */
	public long rowsRead() {
		return rowsRead;
	}

	@Override
	public void close() {
		reader.interrupt();
		workers.shutdownNow();
	}

	private void read() {
		try {
			try {
				List<CsvRecords.Record> chunk = new ArrayList<>(chunkRows);
				long count = 0;
				for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
					chunk.add(record);
					count++;
					if (chunk.size() == chunkRows) {
						rowsRead = count;
						submit(chunk, count - chunk.size());
						chunk = new ArrayList<>(chunkRows);
					}
				}
				if (!chunk.isEmpty()) {
					submit(chunk, count - chunk.size());
				}
				rowsRead = count;
				inFlight.put(CompletableFuture.completedFuture(end));
			}
			catch (IOException ex) {
				inFlight.put(CompletableFuture.failedFuture(new UncheckedIOException(ex)));
			}
			catch (RuntimeException ex) {
				inFlight.put(CompletableFuture.failedFuture(ex));
			}
		}
		catch (InterruptedException ex) {
			// the consumer stopped; nothing left to hand over
		}
	}

	private void submit(List<CsvRecords.Record> chunk, long rowsBefore) throws InterruptedException {
		inFlight.put(workers.submit(() -> {
			List<R> results = new ArrayList<>(chunk.size());
			for (int i = 0; i < chunk.size(); i++) {
				results.add(work.apply(chunk.get(i), rowsBefore + i + 1));
			}
			return results;
		}));
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}
