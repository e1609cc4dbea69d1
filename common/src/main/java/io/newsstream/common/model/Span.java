package io.newsstream.common.model;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A half-open character range {@code [start, end)} into the article's published text; written as a
 * two-element JSON array.
 */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record Span(int start, int end) {
    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
