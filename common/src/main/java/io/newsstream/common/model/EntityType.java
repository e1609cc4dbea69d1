package io.newsstream.common.model;

/** The kinds of named entity the pipeline reports. */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION,
    MISC
}
