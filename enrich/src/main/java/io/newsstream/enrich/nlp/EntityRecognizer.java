package io.newsstream.enrich.nlp;

import java.util.List;

/** Finds the named-entity mentions in a text. Implementations are thread-safe. */
public interface EntityRecognizer {
    /** Mentions in text order, offsets into {@code text}. */
    List<Mention> recognize(String text);
}
