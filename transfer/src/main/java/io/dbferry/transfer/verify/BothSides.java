package io.dbferry.transfer.verify;

import io.dbferry.introspect.DbferryException;
import io.dbferry.introspect.ErrorCode;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs the source's and the target's part of a step at the same time: the source's on a thread of its own,
 * the target's on the caller's, and waits for both. Each side is only ever used by one thread at a time.
 * Not thread-safe; close it to stop its thread.
 */
final class BothSides implements AutoCloseable {

    /**
     * The results of both sides.
     *
     * @param source the source's result
     * @param target the target's result
     */
    record Both<S, T>(S source, T target) {}

    private final ExecutorService sourceThread = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "dbferry-verify-source");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Runs both parts and waits for both, also when one fails.
     *
     * @return both results, never null
     * @throws RuntimeException what either part threw (the target's first; the source's is then suppressed in it)
     */
    <S, T> Both<S, T> run(Supplier<S> source, Supplier<T> target) {
        Future<S> sourceResult = sourceThread.submit(source::get);
        T targetResult;
        try {
            targetResult = target.get();
        } catch (RuntimeException e) {
            try {
                await(sourceResult);
            } catch (RuntimeException sourceFailure) {
                e.addSuppressed(sourceFailure);
            }
            throw e;
        }
        return new Both<>(await(sourceResult), targetResult);
    }

    private static <S> S await(Future<S> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.cancel(true);
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "interrupted while reading the source", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new DbferryException(ErrorCode.VERIFY_FAILED, "failed reading the source: " + e.getCause(),
                    e.getCause());
        }
    }

    /** Stops the source thread. */
    @Override
    public void close() {
        sourceThread.shutdownNow();
    }
}
