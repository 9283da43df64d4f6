package io.dbferry.transfer.pipeline;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first failure of any worker of a parallel load: it is the one reported; what fails afterwards
 * (threads interrupted by the cancellation) is a consequence and is dropped. Thread-safe.
 */
final class FirstFailure {

    private final AtomicReference<Throwable> first = new AtomicReference<>();
    private final CompletableFuture<Void> signal = new CompletableFuture<>();

    /**
     * Records a failure if it is the first.
     *
     * @return true when it was the first
     */
    boolean record(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (first.compareAndSet(null, cause)) {
            signal.completeExceptionally(cause);
            return true;
        }
        return false;
    }

    boolean failed() {
        return first.get() != null;
    }

    /** The first failure, null while there is none. */
    Throwable first() {
        return first.get();
    }

    /** A future that fails with the first failure, for waiting on "all done or one failed". */
    CompletableFuture<Void> signal() {
        return signal;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof CancellationException ? new Cancelled() : t;
    }

    /** A worker stopped because the load was cancelled; never the failure reported. */
    static final class Cancelled extends RuntimeException {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }
}
