package io.dbferry.introspect;

import java.util.Objects;

/**
 * The one unchecked root of every error dbferry reports, carrying a stable {@link ErrorCode}.
 *
 * <p>Messages are written for the user: they name the object (table, column, URL with the password
 * redacted) and say what to do. The CLI prints {@link #getMessage()} on one line; the cause is shown only
 * with {@code --verbose}.
 */
public class DbferryException extends RuntimeException {

    private final ErrorCode code;

    /**
     * Creates an exception without a cause.
     *
     * @param code the stable error code, never null
     * @param message the user-facing message, never null
     */
    public DbferryException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * Creates an exception wrapping the failure that caused it.
     *
     * @param code the stable error code, never null
     * @param message the user-facing message, never null
     * @param cause the underlying failure, may be null
     */
    public DbferryException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * The stable code of this failure.
     *
     * @return never null
     */
    public ErrorCode code() {
        return code;
    }
}
