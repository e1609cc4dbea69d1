package io.newsstream.enrich.entities;

import io.newsstream.common.model.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The general word lists the entity step relies on (countries, capitals and world regions,
 * international organisations, demonyms, titles, pronouns, organisation suffixes and cue words),
 * loaded once from the resources beside this class. Immutable and thread-safe. None of the lists
 * is tuned to particular articles; docs/entities.md names their sources.
 */
public final class EntityLexicon {

    private static final String BASE = "/io/newsstream/enrich/entities/";
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Lazily loaded shared instance; the lists never change at run time. */
    private static final class Holder {
        static final EntityLexicon DEFAULTS = new EntityLexicon();
    }

    private final Map<String, String> countries = new HashMap<>();
    private final Map<String, String> places = new HashMap<>();
    private final Map<String, String> organizationsByName = new HashMap<>();
    private final Map<String, String> organizationsByAcronym = new HashMap<>();
    private final Map<String, String> demonyms = new HashMap<>();
    private final Set<String> titles = new HashSet<>();
    private final Set<String> pronouns = new HashSet<>();
    private final Set<String> orgSuffixes = new HashSet<>();
    private final Set<String> orgCues = new HashSet<>();
    private final Set<String> legalForms = new HashSet<>();
    private final Set<String> institutionCues = new HashSet<>();
    private final Set<String> nonEntities = new HashSet<>();
    private final Set<String> koreanSurnames = new HashSet<>();
    private final int longestTitleWords;

    private EntityLexicon() {
        for (List<String> row : rows("countries.tsv")) {
            addNames(countries, row);
        }
        for (List<String> row : rows("places.txt")) {
            addNames(places, row);
        }
        for (List<String> row : rows("organizations.tsv")) {
            String canonical = row.get(0);
            organizationsByName.put(normalize(canonical), canonical);
            for (String alt : row.subList(1, row.size())) {
                if (isAcronym(alt)) {
                    organizationsByAcronym.put(alt, canonical);
                } else {
                    organizationsByName.put(normalize(alt), canonical);
                }
            }
        }
        for (List<String> row : rows("demonyms.tsv")) {
            String word = normalize(row.get(0));
            String place = row.size() > 1 ? row.get(1) : row.get(0);
            demonyms.put(word, place);
            demonyms.put(plural(word), place);
        }
        int longest = 1;
        for (String t : lines("titles.txt")) {
            String n = normalize(t);
            titles.add(n);
            longest = Math.max(longest, n.split(" ").length);
        }
        longestTitleWords = longest;
        lines("pronouns.txt").forEach(p -> pronouns.add(normalize(p)));
        orgSuffixes.addAll(lines("org-suffixes.txt"));
        lines("legal-forms.txt").forEach(c -> legalForms.add(normalize(c)));
        lines("org-cues.txt").forEach(c -> orgCues.add(normalize(c)));
        lines("speech-verbs.txt").forEach(c -> institutionCues.add(normalize(c)));
        lines("non-entities.txt").forEach(c -> nonEntities.add(normalize(c)));
        koreanSurnames.addAll(lines("korean-surnames.txt"));
    }

    /** The shared lexicon built from the bundled resources. */
    public static EntityLexicon defaults() {
        return Holder.DEFAULTS;
    }

    /**
     * Case- and accent-insensitive key of a name: NFKC, typographic apostrophes unified, marks
     * removed, lower case, single spaces.
     */
    public static String normalize(String s) {
        if (isPlainAscii(s)) {
            return s.toLowerCase(Locale.ROOT);
        }
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC)
                .replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00A0', ' ');
        n = MARKS.matcher(Normalizer.normalize(n, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(n.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    /** The canonical name of a country or a well-known place or region this name denotes. */
    public Optional<String> place(String name) {
        String key = normalize(name);
        String c = countries.get(key);
        return Optional.ofNullable(c != null ? c : places.get(key));
    }

    /** True when the name is a country (or territory) name or one of its alternative names. */
    public boolean isCountry(String name) {
        return countries.containsKey(normalize(name));
    }

    /** The canonical name of an international organisation this name or acronym denotes. */
    public Optional<String> organization(String name) {
        String byAcronym = organizationsByAcronym.get(name.trim());
        if (byAcronym != null) {
            return Optional.of(byAcronym);
        }
        return Optional.ofNullable(organizationsByName.get(normalize(name)));
    }

    /** The place a nationality adjective or demonym refers to ("Azerbaijani" to "Azerbaijan"). */
    public Optional<String> demonymPlace(String word) {
        return Optional.ofNullable(demonyms.get(normalize(word)));
    }

    /** True for honorifics, titles and role words that precede names ("Mr.", "Prime Minister"). */
    public boolean isTitle(String words) {
        return titles.contains(normalize(words));
    }

    /** How many words the longest title has; bounds the title look-up window. */
    public int longestTitleWords() {
        return longestTitleWords;
    }

    public boolean isPronoun(String word) {
        return pronouns.contains(normalize(word));
    }

    /** True for a word that ends organisation names ("Airways", "Corp."); case-sensitive. */
    public boolean isOrgSuffix(String word) {
        return orgSuffixes.contains(word);
    }

    /** True for a company legal form ("Inc.", "Ltd", "GmbH"), which names are often cited without. */
    public boolean isLegalForm(String word) {
        return legalForms.contains(normalize(word));
    }

    /** True for a common noun that, just before a name, marks it as an organisation. */
    public boolean isOrgCue(String word) {
        return orgCues.contains(normalize(word));
    }

    /** True for a word that, just after a place-like name, shows it stands for an institution. */
    public boolean isInstitutionCue(String word) {
        return institutionCues.contains(normalize(word));
    }

    /** True for a common Korean family name in one of its usual romanisations ("Kim", "Lee"); case-sensitive. */
    public boolean isKoreanSurname(String word) {
        return koreanSurnames.contains(word);
    }

    /** True for days, months and holidays, which a newsroom does not count as entities. */
    public boolean isNonEntity(String name) {
        return nonEntities.contains(normalize(name));
    }

    /** The type a gazetteer entry forces on this name, if any. */
    public Optional<EntityType> forcedType(String name) {
        if (place(name).isPresent()) {
            return Optional.of(EntityType.LOCATION);
        }
        if (organization(name).isPresent()) {
            return Optional.of(EntityType.ORGANIZATION);
        }
        return Optional.empty();
    }

    /** ASCII with single inner spaces: normalising is just lower-casing (the common, hot case). */
    private static boolean isPlainAscii(String s) {
        int n = s.length();
        if (n == 0 || s.charAt(0) == ' ' || s.charAt(n - 1) == ' ') {
            return n == 0;
        }
        char prev = 'x';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128 || (c < ' ') || (c == ' ' && prev == ' ')) {
                return false;
            }
            prev = c;
        }
        return true;
    }

    static boolean isAcronym(String s) {
        int upper = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                return false;
            }
        }
        return upper >= 2 && s.length() <= 10;
    }

    private static String plural(String word) {
        if (word.endsWith("s") || word.endsWith("sh") || word.endsWith("ch") || word.endsWith("ese")) {
            return word;
        }
        return word + "s";
    }

    private static void addNames(Map<String, String> into, List<String> row) {
        String canonical = row.get(0);
        for (String name : row) {
            into.put(normalize(name), canonical);
        }
    }

    /** Rows of a resource: tab separates the first column from '|'-separated alternatives. */
    private static List<List<String>> rows(String resource) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines(resource)) {
            List<String> row = new ArrayList<>();
            for (String cell : line.split("[\t|]")) {
                if (!cell.isBlank()) {
                    row.add(cell.trim());
                }
            }
            if (!row.isEmpty()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> lines(String resource) {
        String path = BASE + resource;
        try (InputStream in = EntityLexicon.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("entity resource " + path + " is missing from the classpath");
            }
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line.strip());
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read entity resource " + path, e);
        }
    }
}
