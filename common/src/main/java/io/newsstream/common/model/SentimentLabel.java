package io.newsstream.common.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A tone a reader would name; written in lower case on the wire. */
public enum SentimentLabel {
    @JsonProperty("positive") POSITIVE,
    @JsonProperty("neutral") NEUTRAL,
    @JsonProperty("negative") NEGATIVE;

    /** The wire form, e.g. {@code "negative"}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
