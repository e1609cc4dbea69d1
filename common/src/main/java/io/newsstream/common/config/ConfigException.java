package io.newsstream.common.config;

/** A setting has a value that cannot be used; the message names the setting and the value. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
