package io.newsstream.enrich.entities;

import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.Span;
import io.newsstream.enrich.nlp.EntityResolver;
import io.newsstream.enrich.nlp.Mention;
import io.newsstream.enrich.nlp.ScoredSentence;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entity id across languages: resolves with the language's resolver, then names each entity by
 * its English form where one is known, so "Moskau", "Moscou" and "Moscow" are one entity and
 * {@code news.dashboard.entities} counts them together. Places take their English name from the
 * {@link WorldNames} gazetteers (a country's name is a place, whatever type the model gave it), and a
 * compass part of a first-level subdivision the article also names takes the English adjective form
 * ("Südbayern" beside "Bayern" → "Southern Bavaria"); people and organisations from the English names seen in English
 * articles, matched by a transliteration-aware key ("Wladimir Putin" and "Vladimir Putin": w/v,
 * diacritics, doubled letters, y/j/i). The original name stays as an alias. English articles keep
 * their names and teach the key. Thread-safe.
 */
public final class CrossLanguageResolver implements EntityResolver {

    /** Most English names remembered for the transliteration match; the oldest are forgotten past it. */
    static final int MAX_LEARNED = 200_000;

    private final EntityResolver delegate;
    private final String language;
    private final WorldNames places;
    private final LearnedNames learned;

    /**
     * @param delegate the language's own resolver
     * @param language the language of the articles this instance resolves
     * @param places   the place gazetteers
     * @param learned  English names shared by the resolvers of all languages
     */
    public CrossLanguageResolver(EntityResolver delegate, String language, WorldNames places, LearnedNames learned) {
        this.delegate = delegate;
        this.language = language;
        this.places = places;
        this.learned = learned;
    }

    @Override
    public List<Entity> resolve(String text, List<Mention> mentions, List<ScoredSentence> sentences) {
        List<Entity> entities = delegate.resolve(text, mentions, sentences);
        if (language.equals("en")) {
            for (Entity e : entities) {
                if (e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION) {
                    learned.learn(e.type(), e.name());
                }
            }
            return entities;
        }
        List<Entity> named = new ArrayList<>();
        Set<String> placesNamed = new HashSet<>();
        for (Entity e : entities) {
            Entity typed = e;
            if (e.type() != EntityType.LOCATION && places.country(e.name()).isPresent()) {
                // a country's name is a place whatever the model says ("Suecia" tagged as an organisation)
                typed = new Entity(EntityIds.of(EntityType.LOCATION, e.name()), e.name(), EntityType.LOCATION,
                        e.mentions(), e.aliases(), e.salience(), e.sentiment(), e.spans());
            }
            Entity t = typed;
            Entity n = english(t).map(en -> renamed(t, en)).orElse(t);
            named.add(n);
            if (n.type() == EntityType.LOCATION) {
                placesNamed.add(n.name());
            }
        }
        Map<String, Entity> byId = new LinkedHashMap<>();
        for (Entity n : named) {
            Entity e = n;
            if (e.type() == EntityType.LOCATION && places.english(e.name()).isEmpty()) {
                // "Südbayern" beside "Bayern": a compass part of a region the article names is that part
                Optional<WorldNames.CompassPart> part = places.compassPart(e.name(), language);
                if (part.isPresent() && placesNamed.contains(part.get().region())) {
                    e = renamed(e, part.get().name());
                }
            }
            byId.merge(e.id(), e, CrossLanguageResolver::merge);
        }
        return List.copyOf(byId.values());
    }

    private Optional<String> english(Entity e) {
        if (e.type() == EntityType.LOCATION) {
            return places.english(e.name());
        }
        if (e.type() == EntityType.PERSON || e.type() == EntityType.ORGANIZATION) {
            return learned.english(e.type(), e.name());
        }
        return Optional.empty();
    }

    private static Entity renamed(Entity e, String english) {
        if (english.equals(e.name())) {
            return e;
        }
        List<String> aliases = new ArrayList<>(e.aliases());
        if (!aliases.contains(e.name())) {
            aliases.add(0, e.name());
        }
        aliases.remove(english);
        return new Entity(EntityIds.of(e.type(), english), english, e.type(), e.mentions(), aliases, e.salience(),
                e.sentiment(), e.spans());
    }

    private static Entity merge(Entity a, Entity b) {
        List<String> aliases = new ArrayList<>(a.aliases());
        for (String x : b.aliases()) {
            if (!aliases.contains(x) && !x.equals(a.name())) {
                aliases.add(x);
            }
        }
        List<Span> spans = new ArrayList<>(a.spans());
        spans.addAll(b.spans());
        spans.sort(java.util.Comparator.comparingInt(Span::start));
        return new Entity(a.id(), a.name(), a.type(), a.mentions() + b.mentions(), aliases,
                Math.max(a.salience(), b.salience()), a.sentiment(), spans);
    }

    /** Transliteration-aware key of a name: "Wladimir Putin" and "Vladimir Putin" share one. */
    static String key(String name) {
        String n = Normalizer.normalize(name.toLowerCase(Locale.ROOT).replace("ß", "ss"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replaceAll("[^\\p{L} ]+", " ")
                .replace('w', 'v')
                .replace("ph", "f")
                .replace("kh", "h")
                .replace("sch", "sh")
                .replace('y', 'i')
                .replace('j', 'i')
                .replaceAll("(\\p{L})\\1+", "$1")
                .replaceAll("\\s+", " ")
                .trim();
        return n;
    }

    /** English names of people and organisations, by key; bounded, shared by the languages' resolvers. */
    public static final class LearnedNames {
        private final Map<String, String> byKey;

        public LearnedNames() {
            this(MAX_LEARNED);
        }

        LearnedNames(int max) {
            this.byKey = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > max;
                }
            };
        }

        synchronized void learn(EntityType type, String englishName) {
            if (englishName.indexOf(' ') > 0 || type == EntityType.ORGANIZATION) {
                byKey.putIfAbsent(type + "|" + key(englishName), englishName);
            }
        }

        synchronized Optional<String> english(EntityType type, String name) {
            return Optional.ofNullable(byKey.get(type + "|" + key(name)));
        }
    }
}
