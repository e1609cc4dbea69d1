package io.newsstream.enrich.nlp;

/** Tells the language of a text. Implementations are thread-safe. */
public interface LanguageDetector {
    /** Undetermined: too short or too mixed to tell. */
    String UNDETERMINED = "und";

    /** ISO 639-1 code such as {@code en}, or {@link #UNDETERMINED}. */
    String detect(String text);
}
