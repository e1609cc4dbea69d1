package io.newsstream.enrich.entities;

import io.newsstream.common.model.Entity;
import io.newsstream.common.model.EntitySentiment;
import io.newsstream.common.model.EntityType;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.common.model.Span;
import io.newsstream.enrich.nlp.EntityResolver;
import io.newsstream.enrich.nlp.Mention;
import io.newsstream.enrich.nlp.ScoredSentence;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an article's mentions into canonical entities, one per real-world entity. The rules, all
 * general (docs/entities.md): titles, honorifics, possessives and a leading "the" are not part of
 * names; pronouns, demonyms, days and months are never entities; countries, capitals and
 * international organisations take their gazetteer name and type; a surname joins the one full
 * name it ends (spelling variants within one edit), or the nearest preceding one when two people
 * share it; an acronym joins the name it is defined for in parentheses or whose initials it is;
 * an organisation name joins the longer one that only adds a nationality ("Foo Office" and
 * "Freedonian Foo Office"); a place-like name that speaks ("X said", "X's statement") votes
 * ORGANIZATION. Type is voted across mentions and MISC is dropped. A surname or acronym seen alone
 * is looked up in the {@link EntityDirectory}, which learns from every article resolved.
 * Thread-safe: all per-article state is local to {@link #resolve}.
 */
public final class CanonicalEntityResolver implements EntityResolver {

    /** Share of salience from how often an entity is mentioned; the rest is how early. */
    static final double SALIENCE_FREQUENCY_WEIGHT = 0.7;
    /** VADER's convention: a compound score within this of zero is neutral. */
    static final double NEUTRAL_BAND = 0.05;

    private static final Pattern DEFINED_ACRONYM =
            Pattern.compile("\\s*\\(\\s*(\\p{Lu}[\\p{Lu}\\p{N}&.-]{1,9})\\s*\\)");
    private static final Pattern NEXT_WORDS =
            Pattern.compile("(?:['\u2019]s?)?\\s+([\\p{L}-]+)(?:\\s+([\\p{L}-]+))?");
    private static final Pattern REPEATED_LETTER = Pattern.compile("(\\p{L})\\1+");
    private static final Pattern Y_ENDING = Pattern.compile("(?:iy|yi|ij|ii|y|i)(?=\\s|$)");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> NAME_PREFIXES = Set.of("former", "late", "acting", "then", "ex", "new");
    private static final Set<String> FORMER = Set.of("former", "ex");
    /** Possessive determiners (English, Spanish, French, German): a one-word "place" after one is a common noun. */
    private static final Set<String> POSSESSIVES = Set.of("our", "my", "your", "their", "nuestra", "nuestro",
            "nuestras", "nuestros", "su", "sus", "mi", "mis", "tu", "tus", "notre", "nos", "votre", "vos", "leur",
            "leurs", "mon", "ma", "mes", "sa", "ses", "unser", "unsere", "unserer", "unseren", "ihr", "ihre", "ihrer",
            "sein", "seine", "seiner", "mein", "meine");
    /** Words an acronym leaves out ("of", "de", "la", "und"). */
    private static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "and", "for", "on", "in", "at", "de", "du",
            "des", "la", "le", "les", "et", "pour", "del", "el", "los", "las", "y", "für", "der", "die", "das", "und",
            "von", "zu");
    /** A French ordinal in Roman numerals ("Ve République", "XXIe siècle"): an era, not a name. */
    private static final Pattern ROMAN_ORDINAL = Pattern.compile("[IVX]+(?:e|er|ème) .*");
    private static final Pattern SURNAME_FIRST = Pattern.compile("\\p{Lu}\\p{Ll}* \\p{Lu}\\p{Ll}+-\\p{Ll}+");
    /** Directory keys under which one-word organisation names typed by a cue or legal form are kept. */
    private static final String ORG_TYPE_KEY = "\u0000org ";
    /** A name followed by one of these (or coordinated with one that is) names the thing, not a person or place. */
    private static final Pattern NAMED_THING = Pattern.compile("(?:(?:,| and| or) \\p{Lu}[\\p{L}-]*)*"
            + " (?:fire|fires|wildfire|wildfires|blaze|submarine|submarines|destroyer|frigate|warship|vessel|ship|reactor)\\b");
    /** Ship prefixes: the name after one is a vessel's. */
    private static final String SHIPS = "(?:ROKS|USS|USNS|HMS|HMAS|HMCS|HMNZS|INS|RFS|MV) ";
    private static final Pattern SHIP_PREFIX = Pattern.compile(SHIPS);
    private static final Pattern SHIP_BEFORE = Pattern.compile("(?<!\\p{L})" + SHIPS + "$");

    private final EntityLexicon lexicon;
    private final EntityDirectory directory;

    /** A resolver with the bundled lexicon and a fresh in-memory directory. */
    public CanonicalEntityResolver() {
        this(EntityLexicon.defaults(), new InMemoryEntityDirectory());
    }

    public CanonicalEntityResolver(EntityLexicon lexicon, EntityDirectory directory) {
        this.lexicon = lexicon;
        this.directory = directory;
    }

    @Override
    public List<Entity> resolve(String text, List<Mention> mentions, List<ScoredSentence> sentences) {
        List<Cand> cands = new ArrayList<>();
        for (Mention m : mentions) {
            Cand c = clean(text, m);
            if (c != null) {
                cands.add(c);
            }
        }
        List<Group> groups = group(cands);
        mergeAcronyms(text, groups);
        for (Group g : groups) {
            g.type = vote(g);
        }
        mergePersons(groups);
        mergeNationalOrganizations(groups);
        mergeShortOrganizations(groups);
        mergeShortPlaces(groups);
        groups.removeIf(g -> namesAThing(text, g));
        List<Entity> out = new ArrayList<>();
        int maxMentions = groups.stream().mapToInt(g -> g.cands.size()).max().orElse(1);
        for (Group g : groups) {
            Entity e = toEntity(text, g, sentences, maxMentions);
            if (e != null) {
                out.add(e);
            }
        }
        out.sort(Comparator.comparingDouble(Entity::salience).reversed()
                .thenComparing(Comparator.comparingInt(Entity::mentions).reversed())
                .thenComparing(Entity::name));
        return out;
    }

    // ---- cleaning -------------------------------------------------------------------------

    private Cand clean(String text, Mention m) {
        int s = Math.max(0, m.start());
        int e = Math.min(text.length(), m.end());
        if (e <= s) {
            return null;
        }
        while (s < e && isTrimmable(text.charAt(s), true)) {
            s++;
        }
        while (e > s && isTrimmable(text.charAt(e - 1), false)) {
            e--;
        }
        String t = text.substring(s, e);
        if (t.endsWith("'s") || t.endsWith("\u2019s")) {
            e -= 2;
        } else if (t.endsWith("s'") || t.endsWith("s\u2019")) {
            e -= 1;
        }
        if (e > s && text.charAt(e - 1) == '.' && !keepsFinalPeriod(text.substring(s, e))) {
            e--;
        }
        // "Foo Bar!, said": an exclamation mark before a comma is part of the name (a party, a brand).
        boolean bang = e + 1 < text.length() && text.charAt(e) == '!' && text.charAt(e + 1) == ','
                && e > s && Character.isLetter(text.charAt(e - 1));
        if (bang) {
            e++;
        }
        if (e <= s) {
            return null;
        }
        EntityType type = m.type();
        if (lexicon.forcedType(text.substring(s, e)).isEmpty()) {
            int[] span = stripLeadingWords(text, s, e, type);
            s = span[0];
            e = span[1];
        }
        if (type != EntityType.PERSON && e - s > 6 && text.startsWith(" party", e - 6)) {
            // "the Freedonian Unity party": the party is the capitalised name.
            e -= 6;
        }
        Matcher inside = SHIP_PREFIX.matcher(text.substring(s, e));
        // "White House Press" before "Secretary": the last word opens a title ("Press Secretary").
        int lastSpace = text.lastIndexOf(' ', e - 1);
        if (lastSpace > s && type != EntityType.PERSON) {
            Matcher next = NEXT_WORDS.matcher(text);
            next.region(e, Math.min(text.length(), e + 60));
            if (next.lookingAt() && text.charAt(e) == ' '
                    && lexicon.isTitle(text.substring(lastSpace + 1, e) + " " + next.group(1))) {
                e = lastSpace;
            }
        }
        boolean ship = inside.lookingAt();
        if (ship) {
            s += inside.end();
        } else {
            ship = SHIP_BEFORE.matcher(text.substring(Math.max(0, s - 7), s)).find();
        }
        String surface = text.substring(s, e);
        if (!isNameLike(surface) || endsATitle(text, s, surface) || ROMAN_ORDINAL.matcher(surface).matches()) {
            return null;
        }
        Cand c = new Cand(surface, s, e, type);
        c.ship = ship;
        if (bang) {
            c.type = EntityType.ORGANIZATION;
            c.cued = true;
        }
        Optional<String> place = lexicon.place(surface);
        Optional<String> org = lexicon.organization(surface);
        if (type == EntityType.LOCATION && place.isEmpty() && surface.indexOf(' ') < 0) {
            String prev = previousWord(text, s);
            if (prev != null && POSSESSIVES.contains(prev.toLowerCase(Locale.ROOT))) {
                // "nuestra Embajada", "notre Ambassade": a common noun capitalised after a possessive.
                return null;
            }
        }
        if (place.isPresent()) {
            c.fixed = place.get();
            c.type = EntityType.LOCATION;
            c.forced = true;
        } else if (org.isPresent()) {
            c.fixed = org.get();
            c.type = EntityType.ORGANIZATION;
            c.forced = true;
        } else if (words(surface).size() >= 2 && lexicon.isLegalForm(lastWord(surface))) {
            // "Acme Inc." is a company whatever the model read, and so is every mention of "Acme".
            c.type = EntityType.ORGANIZATION;
            c.cued = true;
        } else {
            c.type = cueType(text, c);
        }
        return c;
    }

    private static boolean isTrimmable(char ch, boolean leading) {
        if (Character.isWhitespace(ch)) {
            return true;
        }
        String both = "\"\u201c\u201d\u2018*_[]()<>,;:!?\u2014\u2013";
        return both.indexOf(ch) >= 0 || (leading && (ch == '\'' || ch == '\u2019'));
    }

    private boolean keepsFinalPeriod(String s) {
        // "U.S.", "Inc.", "Jr.": the period belongs to an abbreviation, not the sentence.
        String last = s.substring(s.lastIndexOf(' ') + 1);
        return last.indexOf('.') < last.length() - 1 || lexicon.isOrgSuffix(last) || last.length() <= 3;
    }

    /** Drops a leading "the", and for people titles, honorifics and nationality words. */
    private int[] stripLeadingWords(String text, int s, int e, EntityType type) {
        boolean changed = true;
        while (changed) {
            changed = false;
            String t = text.substring(s, e);
            List<int[]> words = words(t);
            if (words.size() < 2) {
                break;
            }
            String first = t.substring(words.get(0)[0], words.get(0)[1]);
            if (first.equalsIgnoreCase("the")) {
                s += words.get(1)[0];
                changed = true;
                continue;
            }
            if (type != EntityType.PERSON) {
                if (Character.isUpperCase(first.charAt(0)) && FORMER.contains(first.toLowerCase(Locale.ROOT))) {
                    // "Former Army chief": the organisation is the Army.
                    s += words.get(1)[0];
                    changed = true;
                    continue;
                }
                break;
            }
            // A title within the first few words ends the role description: "Freedonian Foreign
            // Minister Ivan Petrov", "Pentagon spokesman Pat Ryder".
            for (int i = 0; i < Math.min(4, words.size() - 1) && !changed; i++) {
                int maxK = Math.min(lexicon.longestTitleWords(), words.size() - 1 - i);
                for (int k = maxK; k >= 1 && !changed; k--) {
                    String lead = t.substring(words.get(i)[0], words.get(i + k - 1)[1]);
                    if (lexicon.isTitle(lead)) {
                        s += words.get(i + k)[0];
                        changed = true;
                    }
                }
            }
            if (!changed && (lexicon.demonymPlace(first).isPresent()
                    || NAME_PREFIXES.contains(first.toLowerCase(Locale.ROOT)))) {
                s += words.get(1)[0];
                changed = true;
            }
        }
        return new int[] {s, e};
    }

    private boolean isNameLike(String surface) {
        if (surface.length() < 2 || surface.indexOf('@') >= 0 || surface.indexOf('/') >= 0
                || surface.contains("http") || surface.indexOf('\n') >= 0) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < surface.length() && !letter; i++) {
            // A name has a capital letter somewhere: "the region" is not one.
            letter = Character.isUpperCase(surface.charAt(i)) || Character.isTitleCase(surface.charAt(i));
        }
        return letter && (EntityLexicon.isAcronym(surface) || !lexicon.isPronoun(surface)) && lexicon.demonymPlace(surface).isEmpty()
                && !lexicon.isNonEntity(surface) && !lexicon.isTitle(surface);
    }

    /** Context cues: "media outlet X" is an organisation; so is a non-gazetteer place that speaks. */
    private EntityType cueType(String text, Cand c) {
        String prev = previousWord(text, c.start);
        if (prev != null && lexicon.isOrgCue(prev)) {
            c.cued = true;
            return EntityType.ORGANIZATION;
        }
        if (c.type == EntityType.LOCATION) {
            Matcher next = NEXT_WORDS.matcher(text);
            next.region(c.end, Math.min(text.length(), c.end + 60));
            if (next.lookingAt() && (lexicon.isInstitutionCue(next.group(1))
                    || (next.group(2) != null && lexicon.isInstitutionCue(next.group(2))))) {
                return EntityType.ORGANIZATION;
            }
        }
        return c.type;
    }

    /** The word just before {@code offset}, separated from it by spaces only; null if none. */
    private static String previousWord(String text, int offset) {
        int end = offset;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == offset) {
            return null;
        }
        int start = end;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '-')) {
            start--;
        }
        return start < end ? text.substring(start, end) : null;
    }

    // ---- grouping -------------------------------------------------------------------------

    private List<Group> group(List<Cand> cands) {
        Map<String, Group> byKey = new LinkedHashMap<>();
        for (Cand c : cands) {
            String key = c.fixed != null ? "=" + EntityLexicon.normalize(c.fixed) : groupKey(c);
            byKey.computeIfAbsent(key, k -> new Group(k)).cands.add(c);
        }
        return new ArrayList<>(byKey.values());
    }

    /** Normalised name; in organisation names a nationality word reads as its country. */
    private String groupKey(Cand c) {
        String key = EntityLexicon.normalize(c.surface);
        if (c.type != EntityType.ORGANIZATION) {
            return key;
        }
        String[] words = key.split(" ");
        int n = words.length;
        while (n > 1 && lexicon.isLegalForm(words[n - 1])) {
            n--;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : java.util.Arrays.copyOf(words, n)) {
            sb.append(sb.length() == 0 ? "" : " ")
                    .append(lexicon.demonymPlace(w).map(EntityLexicon::normalize).orElse(w));
        }
        return sb.toString();
    }

    private void mergeAcronyms(String text, List<Group> groups) {
        Map<String, Group> defined = new HashMap<>();
        for (Group g : groups) {
            for (Cand c : g.cands) {
                Matcher m = DEFINED_ACRONYM.matcher(text);
                m.region(c.end, text.length());
                if (m.lookingAt() && EntityLexicon.isAcronym(m.group(1)) && !EntityLexicon.isAcronym(c.surface)) {
                    defined.putIfAbsent(m.group(1), g);
                }
            }
        }
        for (Group g : List.copyOf(groups)) {
            if (!groups.contains(g) || g.hasFixed() || !g.allAcronyms()) {
                continue;
            }
            String acronym = g.cands.get(0).surface;
            Group owner = defined.get(acronym);
            if (owner == null) {
                List<Group> byInitials = new ArrayList<>();
                for (Group h : groups) {
                    if (h != g && !h.allAcronyms() && initialsOf(h).contains(acronym.replace(".", ""))) {
                        byInitials.add(h);
                    }
                }
                owner = byInitials.size() == 1 ? byInitials.get(0) : null;
            }
            if (owner != null && owner != g) {
                owner.absorb(g);
                groups.remove(g);
            }
        }
    }

    private static Set<String> initialsOf(Group g) {
        Set<String> out = new LinkedHashSet<>();
        for (Cand c : g.cands) {
            // "Front national" is "FN": in French, Spanish or German names adjectives are lower case.
            StringBuilder all = new StringBuilder();
            String[] ws = c.surface.split("[\\s-]+");
            for (String w : ws) {
                if (!w.isEmpty() && Character.isLetter(w.charAt(0)) && !FUNCTION_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                    all.append(Character.toUpperCase(w.charAt(0)));
                }
            }
            if (ws.length >= 2 && all.length() >= 2) {
                out.add(all.toString());
            }
            StringBuilder sb = new StringBuilder();
            for (String w : c.surface.split("[\\s-]+")) {
                if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                    sb.append(w.charAt(0));
                }
            }
            if (sb.length() >= 2) {
                out.add(sb.toString());
            }
        }
        return out;
    }

    private void mergePersons(List<Group> groups) {
        List<Group> full = new ArrayList<>();
        for (Group g : groups) {
            if (g.type == EntityType.PERSON && g.maxWords() >= 2) {
                full.add(g);
            }
        }
        // Two full names that differ only in the spelling of the surname or an initial.
        for (int i = 0; i < full.size(); i++) {
            for (int j = i + 1; j < full.size(); j++) {
                Group a = full.get(i);
                Group b = full.get(j);
                if (sameSurname(lastWord(a.longest()), lastWord(b.longest()))
                        && compatibleFirstNames(firstWord(a.longest()), firstWord(b.longest()))) {
                    a.absorb(b);
                    groups.remove(b);
                    full.remove(j--);
                }
            }
        }
        // A lone surname joins the full name it ends.
        for (Group g : List.copyOf(groups)) {
            if (g.maxWords() != 1 || g.hasFixed() || g.allAcronyms()) {
                continue;
            }
            String token = g.cands.get(0).surface;
            List<Group> owners = new ArrayList<>();
            for (Group f : full) {
                String surname = lastWord(f.longest());
                boolean match = g.type == EntityType.PERSON ? sameSurname(surname, token)
                        : EntityLexicon.normalize(surname).equals(EntityLexicon.normalize(token));
                if (match) {
                    owners.add(f);
                }
            }
            if (owners.isEmpty() && g.type == EntityType.PERSON) {
                // "Kim" after "Kim Seo-yeon": a surname-first name (hyphenated given name) has its surname first.
                for (Group f : full) {
                    if (isSurnameFirst(f.longest())
                            && EntityLexicon.normalize(firstWord(f.longest())).equals(EntityLexicon.normalize(token))) {
                        owners.add(f);
                    }
                }
            }
            if (owners.isEmpty() && g.type == EntityType.PERSON) {
                // "Sir Keir" after "Keir Starmer": a first name used alone, if only one person has it.
                for (Group f : full) {
                    if (EntityLexicon.normalize(firstWord(f.longest())).equals(EntityLexicon.normalize(token))) {
                        owners.add(f);
                    }
                }
                if (owners.size() > 1) {
                    owners.clear();
                }
            }
            Group owner = owners.size() == 1 ? owners.get(0) : nearestPreceding(owners, g.firstStart());
            if (owner != null) {
                owner.absorb(g);
                groups.remove(g);
            }
        }
        // Lone surnames spelled two ways with no full name in the article.
        List<Group> singles = new ArrayList<>();
        for (Group g : groups) {
            if (g.type == EntityType.PERSON && g.maxWords() == 1) {
                singles.add(g);
            }
        }
        for (int i = 0; i < singles.size(); i++) {
            for (int j = i + 1; j < singles.size(); j++) {
                if (sameSurname(singles.get(i).longest(), singles.get(j).longest())) {
                    singles.get(i).absorb(singles.get(j));
                    groups.remove(singles.get(j));
                    singles.remove(j--);
                }
            }
        }
    }

    /** "Kim Seo-yeon": two words, the second a hyphenated given name with a lower-case second part. */
    private static boolean isSurnameFirst(String name) {
        return SURNAME_FIRST.matcher(name).matches();
    }

    /** The owner with the last mention before {@code position}; else the most mentioned. */
    private static Group nearestPreceding(List<Group> owners, int position) {
        Group best = null;
        int bestStart = -1;
        for (Group f : owners) {
            for (Cand c : f.cands) {
                if (c.start < position && c.start > bestStart) {
                    best = f;
                    bestStart = c.start;
                }
            }
        }
        if (best == null) {
            for (Group f : owners) {
                if (best == null || f.cands.size() > best.cands.size()) {
                    best = f;
                }
            }
        }
        return best;
    }

    /** "Foo Office" joins "Freedonian Foo Office": the longer name only adds a nationality or country. */
    private void mergeNationalOrganizations(List<Group> groups) {
        for (Group shorter : List.copyOf(groups)) {
            if (shorter.type != EntityType.ORGANIZATION || shorter.hasFixed() || !groups.contains(shorter)) {
                continue;
            }
            for (Group longer : groups) {
                if (longer == shorter || longer.type != EntityType.ORGANIZATION
                        || !longer.key.endsWith(" " + shorter.key)) {
                    continue;
                }
                String prefix = longer.key.substring(0, longer.key.length() - shorter.key.length()).trim();
                boolean national = true;
                for (String w : prefix.split(" ")) {
                    national &= w.equals("the") || lexicon.place(w).isPresent() || lexicon.isCountry(w);
                }
                if (national) {
                    longer.absorb(shorter);
                    groups.remove(shorter);
                    break;
                }
            }
        }
    }

    /**
     * A short organisation name joins the one longer name it abbreviates: "Finance Ministry" joins
     * "Ministry of Economy and Finance" (same head noun, the short form's words all in the long one),
     * and a one-word name joins the one longer organisation name it opens ("Acme" and
     * "Acme Robotics Co.").
     */
    private void mergeShortOrganizations(List<Group> groups) {
        for (Group shorter : List.copyOf(groups)) {
            if (shorter.type != EntityType.ORGANIZATION || shorter.hasFixed() || !groups.contains(shorter)) {
                continue;
            }
            List<String> sw = List.of(shorter.key.split(" "));
            List<Group> owners = new ArrayList<>();
            for (Group longer : groups) {
                if (longer == shorter || longer.type != EntityType.ORGANIZATION) {
                    continue;
                }
                List<String> lw = List.of(longer.key.split(" "));
                if (lw.size() <= sw.size()) {
                    continue;
                }
                // The longer name adds a legal form, an organisation word ("Acme News") or an "of" phrase.
                boolean opens = sw.size() == 1 && lw.get(0).equals(sw.get(0))
                        && ((lw.size() == 2 && lexicon.isOrgSuffix(capitalise(lw.get(1))))
                        || lw.get(1).equals("of")
                        || longer.cands.stream().anyMatch(c -> lexicon.isLegalForm(lastWord(c.surface))));
                String head = sw.get(sw.size() - 1);
                boolean inverted = sw.size() >= 2 && lw.get(0).equals(head) && lw.size() >= 3
                        && (lw.get(1).equals("of") || lw.get(1).equals("for"))
                        && lexicon.isOrgSuffix(capitalise(head)) && lw.containsAll(sw.subList(0, sw.size() - 1));
                if (opens || inverted) {
                    owners.add(longer);
                }
            }
            if (owners.size() == 1) {
                owners.get(0).absorb(shorter);
                groups.remove(shorter);
            }
        }
        // "Duke" typed PERSON beside "Duke University": a one-word name that opens the one organisation
        // name of the article ending in an organisation suffix, and is no person's name part, is that
        // organisation.
        for (Group single : List.copyOf(groups)) {
            if (single.type != EntityType.PERSON || single.hasFixed() || single.maxWords() != 1
                    || single.allAcronyms() || single.cands.stream().anyMatch(c -> c.cued)) {
                continue;
            }
            List<Group> owners = new ArrayList<>();
            boolean personPart = false;
            for (Group other : groups) {
                if (other == single) {
                    continue;
                }
                List<String> ow = List.of(other.key.split(" "));
                if (other.type == EntityType.ORGANIZATION && ow.size() >= 2 && ow.get(0).equals(single.key)
                        && lexicon.isOrgSuffix(capitalise(ow.get(ow.size() - 1)))) {
                    owners.add(other);
                }
                personPart |= other.type == EntityType.PERSON && ow.size() >= 2 && ow.contains(single.key);
            }
            if (owners.size() == 1 && !personPart) {
                single.cands.forEach(c -> c.type = EntityType.ORGANIZATION);
                owners.get(0).absorb(single);
                groups.remove(single);
            }
        }
    }

    /**
     * A place name that is not in the gazetteer joins the one gazetteer place in the article whose
     * name it ends ("Korea" and "South Korea"). ("Foo" and "Foo County" stay apart: merging them
     * moved articles between stories, as other articles name only one of the two.)
     */
    private void mergeShortPlaces(List<Group> groups) {
        for (Group shorter : List.copyOf(groups)) {
            if (shorter.type != EntityType.LOCATION || shorter.hasFixed() || !groups.contains(shorter)) {
                continue;
            }
            List<Group> owners = new ArrayList<>();
            for (Group longer : groups) {
                if (longer == shorter || longer.type != EntityType.LOCATION) {
                    continue;
                }
                boolean ends = longer.hasFixed() && longer.key.endsWith(" " + shorter.key)
                        && lexicon.place(shorter.longest()).isEmpty();
                if (ends) {
                    owners.add(longer);
                }
            }
            if (owners.size() == 1) {
                owners.get(0).absorb(shorter);
                groups.remove(shorter);
            }
        }
    }

    private static String capitalise(String w) {
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }

    /**
     * A person- or place-like name every mention of which names a thing: a fire ("the Foo fire",
     * "the Foo and Bar fires"), a vessel ("the Foo submarine", "ROKS Foo") or a reactor.
     */
    private boolean namesAThing(String text, Group g) {
        if (g.hasFixed()) {
            return false;
        }
        if (g.cands.stream().anyMatch(c -> c.ship)) {
            return true;
        }
        if (g.type == EntityType.ORGANIZATION) {
            return false;
        }
        for (Cand c : g.cands) {
            Matcher next = NAMED_THING.matcher(text);
            next.region(c.end, Math.min(text.length(), c.end + 80));
            if (!next.lookingAt()) {
                return false;
            }
        }
        return true;
    }

    /** "Secretary of State": a name the model tagged that is the end of a title. */
    private boolean endsATitle(String text, int start, String surface) {
        int from = start;
        for (int k = 0; k < 3; k++) {
            if (from < 2 || text.charAt(from - 1) != ' ' || !Character.isLetter(text.charAt(from - 2))) {
                return false;
            }
            int wordStart = from - 1;
            while (wordStart > 0 && Character.isLetter(text.charAt(wordStart - 1))) {
                wordStart--;
            }
            from = wordStart;
            if (lexicon.isTitle(text.substring(from, start) + surface)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A spelling-tolerant key for the directory: transliterations of one name often differ only in
     * doubled letters and in -y/-iy/-yy/-ii endings ("Dobrovolsky", "Dobrovolskyi", "Dobrovolskiy").
     */
    static String looseName(String name) {
        String n = REPEATED_LETTER.matcher(EntityLexicon.normalize(name)).replaceAll("$1");
        return Y_ENDING.matcher(n).replaceAll("y");
    }

    static boolean sameSurname(String a, String b) {
        String x = EntityLexicon.normalize(a);
        String y = EntityLexicon.normalize(b);
        if (x.equals(y)) {
            return true;
        }
        int shorter = Math.min(x.length(), y.length());
        if (shorter < 5 || x.charAt(0) != y.charAt(0)) {
            return false;
        }
        return levenshtein(x, y) <= (shorter >= 9 ? 2 : 1);
    }

    private static boolean compatibleFirstNames(String a, String b) {
        String x = EntityLexicon.normalize(a).replace(".", "");
        String y = EntityLexicon.normalize(b).replace(".", "");
        return x.equals(y) || (x.length() == 1 && y.startsWith(x)) || (y.length() == 1 && x.startsWith(y));
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    // ---- output ---------------------------------------------------------------------------

    private EntityType vote(Group g) {
        Map<EntityType, Integer> votes = new EnumMap<>(EntityType.class);
        for (Cand c : g.cands) {
            if (c.forced) {
                return c.type;
            }
            votes.merge(c.type, 1, Integer::sum);
        }
        for (Cand c : g.cands) {
            if (c.cued) {
                // A cue noun ("the airline X") or legal form ("X Inc.") outweighs the model's reading.
                return c.type;
            }
        }
        EntityType best = g.cands.get(0).type;
        for (Map.Entry<EntityType, Integer> e : votes.entrySet()) {
            if (e.getValue() > votes.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private Entity toEntity(String text, Group g, List<ScoredSentence> sentences, int maxMentions) {
        g.type = vote(g);
        if (g.type == EntityType.MISC) {
            return null;
        }
        boolean cued = g.type == EntityType.ORGANIZATION && g.cands.stream().anyMatch(c -> c.cued);
        String oneWord = !g.key.startsWith("=") && words(g.key).size() == 1 ? g.key : null;
        if (oneWord != null && g.type != EntityType.ORGANIZATION && !g.hasFixed()
                && directory.resolve(EntityType.ORGANIZATION, ORG_TYPE_KEY + oneWord).isPresent()) {
            // An earlier article showed this one-word name is a company ("Acme Inc.", "the airline Acme").
            g.type = EntityType.ORGANIZATION;
        } else if (cued && oneWord != null) {
            directory.learn(EntityType.ORGANIZATION, ORG_TYPE_KEY + oneWord, oneWord);
        }
        String name = canonicalName(g);
        if (g.type == EntityType.PERSON) {
            // A surname alone, or a full name spelled another way, takes the name earlier articles used.
            String own = name;
            String key = g.maxWords() == 1 ? looseName(own) : looseName(firstWord(own) + " " + lastWord(own));
            name = directory.resolve(EntityType.PERSON, key)
                    .filter(full -> sameSurname(lastWord(full), lastWord(own))
                            && (g.maxWords() == 1 || compatibleFirstNames(firstWord(full), firstWord(own))))
                    .orElse(own);
        } else if (g.type == EntityType.ORGANIZATION && g.allAcronyms()) {
            name = directory.resolve(EntityType.ORGANIZATION, name).orElse(name);
        }
        if (!isNameLike(name)) {
            return null;
        }
        Set<String> aliases = new LinkedHashSet<>();
        List<Span> spans = new ArrayList<>();
        int first = Integer.MAX_VALUE;
        for (Cand c : g.cands) {
            if (!c.surface.equals(name)) {
                aliases.add(c.surface);
            }
            spans.add(new Span(c.start, c.end));
            first = Math.min(first, c.start);
        }
        spans.sort(Comparator.comparingInt(Span::start));
        learn(g.type, name, aliases);
        double position = text.isEmpty() ? 0 : 1.0 - (double) first / text.length();
        double salience = SALIENCE_FREQUENCY_WEIGHT * g.cands.size() / maxMentions
                + (1 - SALIENCE_FREQUENCY_WEIGHT) * position;
        return new Entity(EntityIds.of(g.type, name), name, g.type, g.cands.size(), List.copyOf(aliases),
                round(salience), sentiment(g, sentences), spans);
    }

    private void learn(EntityType type, String name, Set<String> aliases) {
        if (type == EntityType.PERSON && words(name).size() >= 2) {
            directory.learn(type, looseName(lastWord(name)), name);
            directory.learn(type, looseName(firstWord(name) + " " + lastWord(name)), name);
            for (String alias : aliases) {
                List<int[]> w = words(alias);
                if (w.size() == 1) {
                    directory.learn(type, looseName(alias), name);
                } else if (w.size() >= 2) {
                    directory.learn(type, looseName(firstWord(alias) + " " + lastWord(alias)), name);
                }
            }
        } else if (type == EntityType.ORGANIZATION && !EntityLexicon.isAcronym(name)) {
            for (String alias : aliases) {
                if (EntityLexicon.isAcronym(alias)) {
                    directory.learn(type, alias, name);
                }
            }
        }
    }

    private boolean hasDemonym(String form) {
        for (String w : WHITESPACE.split(form)) {
            if (lexicon.demonymPlace(w).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Gazetteer name if any; else the fullest form, preferring words over acronyms and mixed case. */
    private String canonicalName(Group g) {
        Map<String, Integer> fixedVotes = new LinkedHashMap<>();
        for (Cand c : g.cands) {
            if (c.fixed != null) {
                fixedVotes.merge(c.fixed, 1, Integer::sum);
            }
        }
        if (!fixedVotes.isEmpty()) {
            return fixedVotes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        }

        Map<String, Integer> freq = new LinkedHashMap<>();
        for (Cand c : g.cands) {
            freq.merge(c.surface, 1, Integer::sum);
        }
        String best = null;
        for (String s : freq.keySet()) {
            if (best == null || compareForms(s, best, freq) > 0) {
                best = s;
            }
        }
        return best;
    }

    private int compareForms(String a, String b, Map<String, Integer> freq) {
        int c = Boolean.compare(!EntityLexicon.isAcronym(a), !EntityLexicon.isAcronym(b));
        if (c == 0) {
            c = Integer.compare(words(a).size(), words(b).size());
        }
        if (c == 0) {
            // "Freedonia Airlines" over "Freedonian Airlines": the name, not a paraphrase of it.
            c = Boolean.compare(!hasDemonym(a), !hasDemonym(b));
        }
        if (c == 0) {
            c = Boolean.compare(!a.equals(a.toUpperCase(Locale.ROOT)), !b.equals(b.toUpperCase(Locale.ROOT)));
        }
        if (c == 0) {
            c = Integer.compare(freq.get(a), freq.get(b));
        }
        return c;
    }

    private static EntitySentiment sentiment(Group g, List<ScoredSentence> sentences) {
        Set<Integer> hit = new LinkedHashSet<>();
        for (Cand c : g.cands) {
            for (int i = 0; i < sentences.size(); i++) {
                ScoredSentence s = sentences.get(i);
                if (c.start >= s.start() && c.start < s.end()) {
                    hit.add(i);
                    break;
                }
            }
        }
        double sum = 0;
        for (int i : hit) {
            sum += sentences.get(i).score();
        }
        double score = hit.isEmpty() ? 0 : round(sum / hit.size());
        SentimentLabel label = score >= NEUTRAL_BAND ? SentimentLabel.POSITIVE
                : score <= -NEUTRAL_BAND ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
        return new EntitySentiment(score, label);
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static List<int[]> words(String s) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < s.length() && !Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    private static String lastWord(String s) {
        List<int[]> w = words(s);
        int[] last = w.get(w.size() - 1);
        return s.substring(last[0], last[1]);
    }

    private static String firstWord(String s) {
        int[] first = words(s).get(0);
        return s.substring(first[0], first[1]);
    }

    /** One cleaned mention. */
    private static final class Cand {
        final String surface;
        final int start;
        final int end;
        EntityType type;
        String fixed;
        boolean forced;
        boolean cued;
        boolean ship;

        Cand(String surface, int start, int end, EntityType type) {
            this.surface = surface;
            this.start = start;
            this.end = end;
            this.type = type;
        }
    }

    /** The mentions believed to name one entity. */
    private static final class Group {
        final String key;
        final List<Cand> cands = new ArrayList<>();
        EntityType type;

        Group(String key) {
            this.key = key;
        }

        void absorb(Group other) {
            cands.addAll(other.cands);
            cands.sort(Comparator.comparingInt(c -> c.start));
        }

        boolean hasFixed() {
            return cands.stream().anyMatch(c -> c.fixed != null);
        }

        boolean allAcronyms() {
            return cands.stream().allMatch(c -> EntityLexicon.isAcronym(c.surface));
        }

        int maxWords() {
            return cands.stream().mapToInt(c -> words(c.surface).size()).max().orElse(0);
        }

        String longest() {
            String best = cands.get(0).surface;
            for (Cand c : cands) {
                if (words(c.surface).size() > words(best).size()) {
                    best = c.surface;
                }
            }
            return best;
        }

        int firstStart() {
            return cands.stream().mapToInt(c -> c.start).min().orElse(0);
        }
    }
}
