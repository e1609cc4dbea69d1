package io.newsstream.enrich.entities;

import io.newsstream.common.model.EntityType;
import java.util.Optional;

/**
 * What the pipeline has learned across articles about short forms of names: a surname or an
 * acronym and the full canonical name it stood for ("Merkel" for "Angela Merkel" if an earlier
 * article named him in full). The resolver consults it when an article uses only the short form.
 * Implementations are thread-safe and bounded.
 */
public interface EntityDirectory {

    /** Records that, in one article, {@code shortForm} stood for {@code canonical}. */
    void learn(EntityType type, String shortForm, String canonical);

    /**
     * The canonical name {@code shortForm} stands for, if the directory has seen it and it is
     * unambiguous (one full name clearly dominates).
     */
    Optional<String> resolve(EntityType type, String shortForm);

    /** A directory that never learns and never resolves. */
    static EntityDirectory none() {
        return new EntityDirectory() {
            @Override
            public void learn(EntityType type, String shortForm, String canonical) {
            }

            @Override
            public Optional<String> resolve(EntityType type, String shortForm) {
                return Optional.empty();
            }
        };
    }
}
