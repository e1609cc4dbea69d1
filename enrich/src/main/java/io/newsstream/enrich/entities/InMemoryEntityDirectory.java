package io.newsstream.enrich.entities;

import io.newsstream.common.model.EntityType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link EntityDirectory} kept in memory: a least-recently-used map of at most
 * {@code maxShortForms} short forms, each with how often every full name it stood for was seen.
 * A short form resolves only when one full name has at least {@value #DOMINANCE} times the
 * sightings of any other, so "Biden" stays unresolved while two Bidens are equally current.
 * Thread-safe (one lock; the critical sections are a few map operations).
 */
public final class InMemoryEntityDirectory implements EntityDirectory {

    /** Default bound: ample for a news stream's active cast, a few MiB of heap. */
    public static final int DEFAULT_MAX_SHORT_FORMS = 50_000;
    private static final int DOMINANCE = 3;
    private static final int MAX_NAMES_PER_SHORT_FORM = 8;

    private final Map<String, Map<String, Integer>> byShortForm;

    public InMemoryEntityDirectory() {
        this(DEFAULT_MAX_SHORT_FORMS);
    }

    /** @param maxShortForms how many short forms to remember before the least recently used go */
    public InMemoryEntityDirectory(int maxShortForms) {
        if (maxShortForms < 1) {
            throw new IllegalArgumentException("maxShortForms must be at least 1, was " + maxShortForms);
        }
        this.byShortForm = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Integer>> eldest) {
                return size() > maxShortForms;
            }
        };
    }

    @Override
    public void learn(EntityType type, String shortForm, String canonical) {
        String key = key(type, shortForm);
        synchronized (byShortForm) {
            Map<String, Integer> names = byShortForm.computeIfAbsent(key, k -> new HashMap<>());
            if (names.size() >= MAX_NAMES_PER_SHORT_FORM && !names.containsKey(canonical)) {
                return;
            }
            names.merge(canonical, 1, Integer::sum);
        }
    }

    @Override
    public Optional<String> resolve(EntityType type, String shortForm) {
        String key = key(type, shortForm);
        synchronized (byShortForm) {
            Map<String, Integer> names = byShortForm.get(key);
            if (names == null || names.isEmpty()) {
                return Optional.empty();
            }
            String best = null;
            int bestCount = 0;
            int second = 0;
            for (Map.Entry<String, Integer> e : names.entrySet()) {
                if (e.getValue() > bestCount) {
                    second = bestCount;
                    best = e.getKey();
                    bestCount = e.getValue();
                } else if (e.getValue() > second) {
                    second = e.getValue();
                }
            }
            return second == 0 || bestCount >= DOMINANCE * second ? Optional.of(best) : Optional.empty();
        }
    }

    /** How many short forms the directory holds now. */
    public int size() {
        synchronized (byShortForm) {
            return byShortForm.size();
        }
    }

    private static String key(EntityType type, String shortForm) {
        return type.name() + '|' + EntityLexicon.normalize(shortForm);
    }
}
