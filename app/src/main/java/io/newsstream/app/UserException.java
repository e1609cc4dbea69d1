package io.newsstream.app;

/** A problem the user can fix (a missing file, a bad argument); printed without a stack trace, exit 2. */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(String message) {
        super(message);
    }
}
