package io.newsstream.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import io.newsstream.common.model.EntityType;
import io.newsstream.enrich.nlp.EntityRecognizer;
import io.newsstream.enrich.nlp.Mention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named-entity recognition with one Stanford CoreNLP CRF classifier (PTB tokenizer, no POS tagger,
 * lemmatiser or rule annotators: those cost three times the time and gain nothing the resolver
 * does not recover), plus a few general patterns for names the statistical model misses:
 * capitalised names ending in an organisation suffix ("Acme Air"), "X region" places and
 * acronyms defined in parentheses. The model is loaded once in the constructor and shared by all
 * threads; classification keeps no per-call state in the classifier.
 */
public final class CoreNlpEntityRecognizer implements EntityRecognizer {

    /** The default model: English PERSON/ORGANIZATION/LOCATION, trained on several corpora. */
    public static final String DEFAULT_MODEL = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}&-]*");
    private static final Pattern REGION =
            Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?) (region|province|oblast|krai|district|prefecture)\\b");
    private static final Pattern DEFINED_ACRONYM =
            Pattern.compile("\\s*\\(\\s*(\\p{Lu}[\\p{Lu}\\p{N}&.-]{1,9})\\s*\\)");

    /**
     * A capitalised name (possibly two words, or with periods: "U.S.") joined by a hyphen to a lower-case
     * word or to another capitalised name.
     */
    private static final Pattern COMPOUND_TOKEN = Pattern.compile(
            "(?<![\\p{L}\\p{N}.'\u2019-])((?:\\p{Lu}\\p{Ll}+ )?\\p{Lu}[\\p{L}.]*)-(\\p{L}[\\p{L}.]*)(?![\\p{L}\\p{N}-])");
    /** Second parts of English compound adjectives that are not names: "-born", "-made", "-style". */
    private static final java.util.Set<String> COMPOUND_WORDS = java.util.Set.of("born", "made", "run", "built", "driven",
            "like", "style", "class", "era", "wide", "type", "free", "bound", "friendly", "speaking", "leaning", "grown",
            "proof", "centric", "focused", "only", "hit", "torn", "held", "level", "wise", "size", "sized", "grade");

    private static final Pattern PARTY =
            Pattern.compile("(?<![\\p{L}\\p{N}-])(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,3}) party\\b");
    private static final Pattern KOREAN_NAME =
            Pattern.compile("(?<![\\p{L}\\p{N}-])(\\p{Lu}\\p{Ll}*) \\p{Lu}\\p{Ll}+-\\p{Ll}+(?![\\p{L}\\p{N}-])");
    private static final Pattern CUED_NAME =
            Pattern.compile("(?<![\\p{L}-])(\\p{Ll}[\\p{Ll}-]+) (\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2})(?![\\p{L}\\p{N}-])");
    private static final Pattern CONNECTOR = Pattern.compile(" (?:of|on|for) ");
    private static final Pattern AND_NAME = Pattern.compile(" and ((?:\\p{Lu}\\p{Ll}+)(?: \\p{Lu}\\p{Ll}+){0,2})(?![\\p{L}\\p{N}-]| \\p{Lu})");
    private static final Pattern CAMEL_CASE =
            Pattern.compile("(?<![\\p{L}\\p{N}@#/._-])\\p{Lu}\\p{Ll}+(?:\\p{Lu}\\p{Ll}*)+(?![\\p{L}\\p{N}@/_-])");

    private final CRFClassifier<CoreLabel> classifier;
    private final EntityLexicon lexicon;
    private final String model;

    /** Loads {@link #DEFAULT_MODEL} from the classpath (the CoreNLP models jar). */
    public CoreNlpEntityRecognizer() {
        this(DEFAULT_MODEL, EntityLexicon.defaults());
    }

    /**
     * @param model   classpath resource or file path of a serialised CRF classifier
     * @param lexicon general word lists used by the patterns
     * @throws IllegalStateException naming the model when it cannot be loaded
     */
    public CoreNlpEntityRecognizer(String model, EntityLexicon lexicon) {
        this.model = model;
        this.lexicon = lexicon;
        try {
            this.classifier = CRFClassifier.getClassifier(model, tokenizerSettings());
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("cannot load the NER model '" + model + "' (looked on the classpath and "
                    + "the file system; is the stanford-corenlp models jar on the classpath, and does the heap "
                    + "have ~200 MiB free?): " + e, e);
        }
        // Classify once so lazily built reader state exists before threads share the classifier.
        classifier.classifyToCharacterOffsets("Warm up in London.");
    }

    /**
     * Keeps hyphenated words whole, as in the model's training data: CoreNLP 4 splits them by default,
     * and the model then cuts "Moon Jae-in" to "Moon Jae" and "Walter Sinnott-Armstrong" in two.
     */
    static java.util.Properties tokenizerSettings() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("tokenizerOptions", "splitHyphenated=false");
        return p;
    }

    /** The model this recogniser loaded. */
    public String model() {
        return model;
    }

    @Override
    public List<Mention> recognize(String text) {
        List<Mention> mentions = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return mentions;
        }
        for (Triple<String, Integer, Integer> t : classifier.classifyToCharacterOffsets(text)) {
            EntityType type = toType(t.first());
            if (type != null) {
                addWithoutCompounds(text, t.second(), t.third(), type, mentions);
            }
        }
        addCompoundHeads(text, mentions);
        TitleCaseLines titleCase = new TitleCaseLines(text);
        addSuffixedOrganizations(text, mentions, titleCase);
        addRegions(text, mentions, titleCase);
        addCamelCaseNames(text, mentions, titleCase);
        addKoreanNames(text, mentions);
        addParties(text, mentions, titleCase);
        addCuedOrganizations(text, mentions, titleCase);
        mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        joinOrganizationsAcrossAnd(text, mentions);
        addDefinedAcronyms(text, mentions);
        mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return mentions;
    }

    /** True for the second part of a compound adjective ("-backed", "-born"), never a name's part. */
    static boolean isCompoundWord(String word) {
        return (word.length() >= 3 && word.endsWith("ed")) || COMPOUND_WORDS.contains(word);
    }

    /**
     * Hyphenated words stay whole for the model, so "Freedonia-born", "Acme-backed" or
     * "Freedonia-Ruritania" can end up inside a mention: the mention is cut at a compound adjective into
     * the name before the hyphen and the words after the compound ("Freedonia-born Ruritanian" is
     * "Freedonia" and "Ruritanian"), and between two gazetteer names joined by a hyphen.
     */
    private void addWithoutCompounds(String text, int start, int end, EntityType type, List<Mention> out) {
        int from = start;
        for (int i = text.indexOf('-', start); i >= 0 && i < end; i = text.indexOf('-', i + 1)) {
            int tailEnd = i + 1;
            while (tailEnd < end && (Character.isLetter(text.charAt(tailEnd)) || text.charAt(tailEnd) == '.')) {
                tailEnd++;
            }
            String tail = text.substring(i + 1, tailEnd);
            if (tail.isEmpty() || (tailEnd < end && text.charAt(tailEnd) == '-')) {
                continue;
            }
            if (Character.isLowerCase(tail.charAt(0)) && isCompoundWord(tail)) {
                addPart(text, from, i, type, out);
                from = tailEnd;
            } else if (Character.isUpperCase(tail.charAt(0)) && i > from && lexicon.forcedType(tail).isPresent()
                    && gazetteerHeadStart(text, from, i) >= 0) {
                addPart(text, from, i, type, out);
                from = i + 1;
            }
        }
        addPart(text, from, end, type, out);
    }

    /** Where the gazetteer name (one or two words) that ends at {@code end} starts, or -1. */
    private int gazetteerHeadStart(String text, int from, int end) {
        int lastSpace = text.lastIndexOf(' ', end - 1);
        int oneWord = Math.max(from, lastSpace + 1);
        if (oneWord < end && lexicon.forcedType(text.substring(oneWord, end)).isPresent()) {
            return oneWord;
        }
        if (lastSpace > from) {
            int twoWords = Math.max(from, text.lastIndexOf(' ', lastSpace - 1) + 1);
            if (lexicon.forcedType(text.substring(twoWords, end)).isPresent()) {
                return twoWords;
            }
        }
        return -1;
    }

    private static void addPart(String text, int start, int end, EntityType type, List<Mention> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        boolean capital = false;
        for (int i = start; i < end && !capital; i++) {
            capital = Character.isUpperCase(text.charAt(i));
        }
        if (capital) {
            out.add(new Mention(text.substring(start, end), type, start, end));
        }
    }

    /**
     * "U.S.-led", "Freedonia-made", "Freedonia-Ruritania": gazetteer places and organisations in a
     * hyphenated word the model left untagged.
     */
    private void addCompoundHeads(String text, List<Mention> mentions) {
        if (text.indexOf('-') < 0) {
            return;
        }
        Matcher m = COMPOUND_TOKEN.matcher(text);
        while (m.find()) {
            String tail = m.group(2);
            boolean pair = Character.isUpperCase(tail.charAt(0));
            java.util.Optional<EntityType> tailType = pair ? lexicon.forcedType(stripPeriod(tail)) : java.util.Optional.empty();
            if (pair ? tailType.isEmpty() : !isCompoundWord(tail)) {
                continue;
            }
            int start = gazetteerHeadStart(text, m.start(1), m.end(1));
            if (start < 0) {
                continue;
            }
            addIfFree(mentions, text, start, m.end(1), lexicon.forcedType(text.substring(start, m.end(1))).orElseThrow());
            if (pair) {
                addIfFree(mentions, text, m.start(2), m.start(2) + stripPeriod(tail).length(), tailType.get());
            }
        }
    }

    private static String stripPeriod(String word) {
        return word.endsWith(".") && word.indexOf('.') == word.length() - 1 ? word.substring(0, word.length() - 1) : word;
    }

    private static EntityType toType(String label) {
        return switch (label) {
            case "PERSON" -> EntityType.PERSON;
            case "ORGANIZATION" -> EntityType.ORGANIZATION;
            case "LOCATION" -> EntityType.LOCATION;
            case "MISC" -> EntityType.MISC;
            default -> null;
        };
    }

    /** Capitalised names ending in an organisation suffix that the model did not tag. */
    private void addSuffixedOrganizations(String text, List<Mention> mentions, TitleCaseLines titleCase) {
        List<int[]> words = new ArrayList<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            words.add(new int[] {w.start(), w.end()});
        }
        for (int i = 1; i < words.size(); i++) {
            String suffix = trimPunctuation(text.substring(words.get(i)[0], words.get(i)[1]));
            if (suffix.isEmpty() || !lexicon.isOrgSuffix(suffix) || !Character.isUpperCase(suffix.charAt(0))) {
                continue;
            }
            int first = i;
            for (int j = i - 1; j >= 0 && j >= i - 3; j--) {
                String word = text.substring(words.get(j)[0], words.get(j)[1]);
                boolean adjacent = words.get(j)[1] + 1 == words.get(j + 1)[0];
                if (!adjacent || !NAME_WORD.matcher(word).matches() || !isNameWord(word)) {
                    break;
                }
                first = j;
            }
            int start = words.get(first)[0];
            if (first < i && !titleCase.at(start)) {
                addIfFree(mentions, text, start, words.get(i)[0] + suffix.length(), EntityType.ORGANIZATION);
            }
        }
    }

    private String trimPunctuation(String word) {
        int end = word.length();
        while (end > 0 && ",;:!?)\"\u201d\u2019'".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        String trimmed = word.substring(0, end);
        if (trimmed.endsWith(".") && !lexicon.isOrgSuffix(trimmed)) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** A word that can open an organisation name: not a function word, title, pronoun or demonym. */
    private boolean isNameWord(String word) {
        String w = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
        return !(w.equals("The") || w.equals("A") || w.equals("An") || lexicon.isTitle(word)
                || lexicon.isPronoun(w) || lexicon.isNonEntity(w) || lexicon.demonymPlace(w).isPresent()
                || lexicon.isOrgSuffix(w));
    }

    private void addRegions(String text, List<Mention> mentions, TitleCaseLines titleCase) {
        Matcher m = REGION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (lexicon.demonymPlace(name).isPresent() || lexicon.isTitle(name) || lexicon.isNonEntity(name)
                    || titleCase.at(m.start())) {
                continue;
            }
            addIfFree(mentions, text, m.start(), m.end(), EntityType.LOCATION);
        }
    }

    /**
     * Organisation names with "and" or a comma in them, which the model ends or starts at the
     * conjunction: "Committee on Foo" followed by "and Bar" (a name with "of"/"on"/"for" goes on over
     * "and" and up to three capitalised words no other mention holds), "Foo and Bar Commission"
     * (capitalised words and "and" before a name ending in an organisation suffix), and
     * "University of Foo, Bar" (a campus: a place that is not a country after the comma).
     */
    private void joinOrganizationsAcrossAnd(String text, List<Mention> mentions) {
        for (int i = 0; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            if (m.type() != EntityType.ORGANIZATION) {
                continue;
            }
            int start = m.start();
            int end = m.end();
            Mention next = i + 1 < mentions.size() ? mentions.get(i + 1) : null;
            Mention prev = i > 0 ? mentions.get(i - 1) : null;
            if (CONNECTOR.matcher(m.text()).find()) {
                Matcher and = AND_NAME.matcher(text);
                and.region(end, text.length());
                boolean absorbs = next != null && next.type() == EntityType.ORGANIZATION && and.lookingAt()
                        && next.start() >= and.start(1) && next.end() <= and.end();
                if (and.lookingAt() && (next == null || next.start() >= and.end() || absorbs)
                        && allNameWords(and.group(1))) {
                    end = and.end();
                    if (absorbs) {
                        mentions.remove(i + 1);
                        next = i + 1 < mentions.size() ? mentions.get(i + 1) : null;
                    }
                }
            }
            if (m.text().startsWith("University of ") && next != null && next.type() == EntityType.LOCATION
                    && text.startsWith(", ", end) && next.start() == end + 2 && !lexicon.isCountry(next.text())
                    && (next.end() == text.length() || !Character.isLetter(text.charAt(next.end())))) {
                end = next.end();
                mentions.remove(i + 1);
            }
            String last = m.text().substring(m.text().lastIndexOf(' ') + 1);
            if (lexicon.isOrgSuffix(last) && start >= 5 && text.startsWith(" and ", start - 5)) {
                int earliest = -1;
                int cursor = start - 5;
                for (int words = 0; words < 3 && cursor > 0 && Character.isLetter(text.charAt(cursor - 1)); words++) {
                    int ws = cursor;
                    while (ws > 0 && Character.isLetter(text.charAt(ws - 1))) {
                        ws--;
                    }
                    String word = text.substring(ws, cursor);
                    if (!NAME_WORD.matcher(word).matches() || !isNameWord(word)) {
                        break;
                    }
                    earliest = ws;
                    if (ws == 0 || text.charAt(ws - 1) != ' ') {
                        break;
                    }
                    cursor = ws - 1;
                }
                if (earliest >= 0 && (prev == null || prev.end() <= earliest)) {
                    start = earliest;
                }
            }
            if (start != m.start() || end != m.end()) {
                mentions.set(i, new Mention(text.substring(start, end), m.type(), start, end));
            }
        }
    }

    private boolean allNameWords(String words) {
        for (String w : words.split(" ")) {
            if (!isNameWord(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * "OpenFoo", "BarTech": a capitalised word with a capital inside, which the model often leaves
     * untagged, is a company or brand name (not "McFoo" or "MacBar" surnames, not acronyms, not in
     * headlines).
     */
    private void addCamelCaseNames(String text, List<Mention> mentions, TitleCaseLines titleCase) {
        Matcher m = CAMEL_CASE.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.startsWith("Mc") || w.startsWith("Mac") || titleCase.at(m.start())) {
                continue;
            }
            Mention before = null;
            for (Mention x : mentions) {
                if (x.end() + 1 == m.start() && text.charAt(x.end()) == ' ' && x.type() == EntityType.ORGANIZATION) {
                    before = x;
                }
            }
            if (before != null) {
                // "Acme DeepFoo": the brand is part of the organisation's name.
                mentions.remove(before);
                mentions.add(new Mention(text.substring(before.start(), m.end()), before.type(), before.start(), m.end()));
                continue;
            }
            addIfFree(mentions, text, m.start(), m.end(), EntityType.ORGANIZATION);
        }
    }

    /** "the ruling Blue Horizon party": capitalised words before a lower-case "party" (not only demonyms). */
    private void addParties(String text, List<Mention> mentions, TitleCaseLines titleCase) {
        Matcher m = PARTY.matcher(text);
        while (m.find()) {
            boolean named = false;
            boolean ok = true;
            for (String w : m.group(1).split(" ")) {
                named |= lexicon.demonymPlace(w).isEmpty();
                ok &= !(lexicon.isTitle(w) || lexicon.isPronoun(w) || lexicon.isNonEntity(w) || w.equals("The"));
            }
            if (named && ok && !titleCase.at(m.start())) {
                // The model's mention of the same words, typed as it may be, is the party.
                int start = m.start(1);
                mentions.removeIf(x -> x.start() == start && (x.end() == m.end(1) || x.end() == m.end()));
                addIfFree(mentions, text, m.start(1), m.end(1), EntityType.ORGANIZATION);
            }
        }
    }

    /** "Kim Seo-yeon": a common Korean family name before a hyphenated given name, untagged by the model. */
    private void addKoreanNames(String text, List<Mention> mentions) {
        Matcher m = KOREAN_NAME.matcher(text);
        while (m.find()) {
            if (lexicon.isKoreanSurname(m.group(1))) {
                addIfFree(mentions, text, m.start(), m.end(), EntityType.PERSON);
            }
        }
    }

    /**
     * "the label Foo", "e-commerce giant Foo": capitalised words right after an organisation cue noun
     * (`org-cues.txt`) that the model left untagged name an organisation.
     */
    private void addCuedOrganizations(String text, List<Mention> mentions, TitleCaseLines titleCase) {
        Matcher m = CUED_NAME.matcher(text);
        while (m.find()) {
            if (!lexicon.isOrgCue(m.group(1)) || titleCase.at(m.start(2))) {
                continue;
            }
            int end = m.start(2);
            for (String w : m.group(2).split(" ")) {
                if (!isNameWord(w) || lexicon.forcedType(w).isPresent()) {
                    break;
                }
                end += (end == m.start(2) ? 0 : 1) + w.length();
            }
            if (end > m.start(2)) {
                addIfFree(mentions, text, m.start(2), end, EntityType.ORGANIZATION);
            }
        }
    }

    /** "Foo Bar Airlines (FBA)": the acronym becomes a mention of the defined name's type. */
    private void addDefinedAcronyms(String text, List<Mention> mentions) {
        List<Mention> snapshot = List.copyOf(mentions);
        for (Mention named : snapshot) {
            Matcher m = DEFINED_ACRONYM.matcher(text);
            m.region(named.end(), text.length());
            if (m.lookingAt() && EntityLexicon.isAcronym(m.group(1))) {
                addIfFree(mentions, text, m.start(1), m.end(1), named.type());
            }
        }
    }

    private static void addIfFree(List<Mention> mentions, String text, int start, int end, EntityType type) {
        for (Mention x : mentions) {
            if (x.start() < end && start < x.end()) {
                return;
            }
        }
        mentions.add(new Mention(text.substring(start, end), type, start, end));
    }

    /**
     * Headlines and sub-heads capitalise every word, so capitalisation says nothing there; the
     * patterns stay out of lines where most words of four or more letters are capitalised.
     */
    static boolean inTitleCaseLine(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset) + 1;
        int lineEnd = text.indexOf('\n', offset);
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        int words = 0;
        int capitalised = 0;
        for (String w : line.split("[^\\p{L}]+")) {
            if (w.length() >= 4) {
                words++;
                if (Character.isUpperCase(w.charAt(0))) {
                    capitalised++;
                }
            }
        }
        return words >= 3 && capitalised * 3 >= words * 2;
    }

    /**
     * {@link #inTitleCaseLine} answered once per line: a text may hold thousands of pattern hits on one
     * long line, and examining the whole line for each hit made such a text take minutes.
     */
    private static final class TitleCaseLines {
        private final String text;
        private final int[] lineStarts;
        private final Boolean[] answers;

        TitleCaseLines(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                starts.add(i + 1);
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
            this.answers = new Boolean[lineStarts.length];
        }

        boolean at(int offset) {
            int line = java.util.Arrays.binarySearch(lineStarts, offset);
            if (line < 0) {
                line = -line - 2;
            }
            if (answers[line] == null) {
                answers[line] = inTitleCaseLine(text, lineStarts[line]);
            }
            return answers[line];
        }
    }
}
