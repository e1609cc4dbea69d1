package io.newsstream.enrich;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The languages an {@link Enricher} enriches, each with the models for it. A language's models are
 * built once, on the first article in that language (a model takes seconds to load and 100-200 MiB of
 * heap, so a deployment that sees only English never loads the others), and then shared by every
 * thread. A model that cannot be built fails that article and every later one of its language with
 * the same error, naming the model.
 */
public final class Languages {

    private final Map<String, Lazy> byLanguage;

    private Languages(Map<String, Lazy> byLanguage) {
        this.byLanguage = Collections.unmodifiableMap(byLanguage);
    }

    /** One language whose models are already built. */
    public static Languages of(String language, LanguageModels models) {
        return builder().add(language, () -> models).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The language codes enriched, in the order they were added. */
    public Set<String> codes() {
        return byLanguage.keySet();
    }

    /** The models for {@code language}, building them on first use; empty for a language not enriched. */
    public Optional<LanguageModels> models(String language) {
        Lazy lazy = byLanguage.get(language);
        return lazy == null ? Optional.empty() : Optional.of(lazy.get());
    }

    /** True when {@code language}'s models have been built. */
    public boolean loaded(String language) {
        Lazy lazy = byLanguage.get(language);
        return lazy != null && lazy.built();
    }

    public static final class Builder {
        private final Map<String, Lazy> byLanguage = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds {@code language} (an ISO 639-1 code), whose models {@code factory} builds on first use. */
        public Builder add(String language, Supplier<LanguageModels> factory) {
            byLanguage.put(language, new Lazy(factory));
            return this;
        }

        public Languages build() {
            return new Languages(new LinkedHashMap<>(byLanguage));
        }
    }

    /** Builds once; a failure is remembered and thrown again, so every article of the language says why. */
    private static final class Lazy {
        private final Supplier<LanguageModels> factory;
        private volatile LanguageModels value;
        private volatile RuntimeException failure;

        Lazy(Supplier<LanguageModels> factory) {
            this.factory = factory;
        }

        boolean built() {
            return value != null;
        }

        LanguageModels get() {
            LanguageModels v = value;
            if (v != null) {
                return v;
            }
            synchronized (this) {
                if (value == null && failure == null) {
                    try {
                        value = factory.get();
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
                if (failure != null) {
                    throw failure;
                }
                return value;
            }
        }
    }
}
