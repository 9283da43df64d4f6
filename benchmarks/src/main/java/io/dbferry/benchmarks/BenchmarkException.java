package io.dbferry.benchmarks;

/**
 * A benchmark could not run or produced a wrong result; the message says what failed and what to do.
 * The mains print it as one line and exit with code 1.
 */
public final class BenchmarkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure without an underlying cause.
     *
     * @param message what failed and what to do, never null
     */
    public BenchmarkException(String message) {
        super(message);
    }

    /**
     * A failure caused by another exception, whose message the caller has already put in {@code message}.
     *
     * @param message what failed and what to do, never null
     * @param cause the underlying exception, never null
     */
    public BenchmarkException(String message, Throwable cause) {
        super(message, cause);
    }
}
