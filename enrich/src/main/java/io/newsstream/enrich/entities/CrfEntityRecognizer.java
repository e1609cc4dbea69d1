package io.newsstream.enrich.entities;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.util.Triple;
import io.newsstream.common.model.EntityType;
import io.newsstream.enrich.nlp.EntityRecognizer;
import io.newsstream.enrich.nlp.Mention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Named-entity recognition for German, French and Spanish with CoreNLP's own CRF classifier for the
 * language (each model's tokenizer, no POS tagger), and the few surface rules a language needs so
 * that a mention is the name and nothing else: honorifics and titles before a person's name
 * ("Herr", "M.", "Sr."), articles and elisions before a place or organisation ("l'", "der", "la"),
 * and the German genitive "-s" ("Putins Sprecher") when the bare name occurs in the text too. The
 * model loads once in the constructor; thread-safe. See {@code docs/entities.md}.
 */
public final class CrfEntityRecognizer implements EntityRecognizer {

    /** CoreNLP's NER model for each language (from the {@code models-<language>} jars). */
    public static final Map<String, String> MODELS = Map.of(
            "de", "edu/stanford/nlp/models/ner/german.distsim.crf.ser.gz",
            "fr", "edu/stanford/nlp/models/ner/french-wikiner-4class.crf.ser.gz",
            "es", "edu/stanford/nlp/models/ner/spanish.ancora.distsim.s512.crf.ser.gz");

    /** Words before a person's name that are not part of it. */
    private static final Map<String, Set<String>> HONORIFICS = Map.of(
            "de", Set.of("herr", "herrn", "frau", "dr", "prof", "präsident", "präsidentin", "kanzler", "kanzlerin",
                    "bundeskanzler", "bundeskanzlerin", "minister", "ministerin", "papst", "könig", "königin",
                    "general", "sprecher", "sprecherin", "chef", "chefin"),
            "fr", Set.of("m", "mm", "mme", "mmes", "mlle", "dr", "me", "président", "présidente", "ministre",
                    "pape", "roi", "reine", "général", "monsieur", "madame", "mademoiselle"),
            "es", Set.of("sr", "sra", "srta", "don", "doña", "dr", "dra", "presidente", "presidenta", "ministro",
                    "ministra", "papa", "rey", "reina", "general", "señor", "señora"));

    /** Articles a place or organisation mention may start with that are not part of the name. */
    private static final Map<String, Set<String>> ARTICLES = Map.of(
            "de", Set.of("der", "die", "das", "den", "dem", "des"),
            "fr", Set.of("le", "la", "les", "du", "des", "au", "aux"),
            "es", Set.of("el", "la", "los", "las", "del", "al"));

    private static final Pattern ELISION = Pattern.compile("^[lLdD][\u2019']");
    private static final Pattern FIRST_WORD = Pattern.compile("^(\\S+?)(\\.?)(\\s+)");

    private final String language;
    private final String model;
    private final CRFClassifier<CoreLabel> classifier;

    /**
     * @param language ISO 639-1 code: {@code de}, {@code fr} or {@code es}
     * @throws IllegalArgumentException for another language
     * @throws IllegalStateException naming the model when it cannot be loaded
     */
    public CrfEntityRecognizer(String language) {
        this(language, MODELS.get(language));
    }

    public CrfEntityRecognizer(String language, String model) {
        if (model == null || !HONORIFICS.containsKey(language)) {
            throw new IllegalArgumentException("no entity model for language '" + language + "' (have " + MODELS.keySet() + ")");
        }
        this.language = language;
        this.model = model;
        try {
            this.classifier = CRFClassifier.getClassifier(model);
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("cannot load the " + language + " NER model '" + model + "' (is the "
                    + "stanford-corenlp models jar for the language on the classpath, and does the heap have ~200 MiB "
                    + "free?): " + e, e);
        }
        classifier.classifyToCharacterOffsets("Warm up.");
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
        Set<String> words = language.equals("de") ? words(text) : Set.of();
        for (Triple<String, Integer, Integer> t : classifier.classifyToCharacterOffsets(text)) {
            EntityType type = toType(t.first());
            if (type == null) {
                continue;
            }
            int[] span = trim(language, text, t.second(), t.third(), type, words);
            if (span != null) {
                mentions.add(new Mention(text.substring(span[0], span[1]), type, span[0], span[1]));
            }
        }
        return mentions;
    }

    /** The CoreNLP models of the four languages label alike or in their own schemes (I-PER, PERS, LUG). */
    static EntityType toType(String label) {
        String l = label.startsWith("I-") || label.startsWith("B-") ? label.substring(2) : label;
        return switch (l) {
            case "PERSON", "PER", "PERS" -> EntityType.PERSON;
            case "ORGANIZATION", "ORG" -> EntityType.ORGANIZATION;
            case "LOCATION", "LOC", "LUG" -> EntityType.LOCATION;
            case "MISC", "OTROS" -> EntityType.MISC;
            default -> null;
        };
    }

    /** The mention's span without honorifics, articles, elisions or a German genitive; null if nothing is left. */
    static int[] trim(String language, String text, int start, int end, EntityType type, Set<String> words) {
        boolean changed = true;
        while (changed && start < end) {
            changed = false;
            String s = text.substring(start, end);
            Matcher e = ELISION.matcher(s);
            if (type != EntityType.PERSON && e.find()) {
                start += e.end();
                changed = true;
                continue;
            }
            Matcher m = FIRST_WORD.matcher(s);
            if (m.find()) {
                String first = m.group(1).toLowerCase(Locale.ROOT);
                Set<String> drop = type == EntityType.PERSON ? HONORIFICS.get(language) : ARTICLES.get(language);
                if (drop.contains(first)) {
                    start += m.end();
                    changed = true;
                }
            }
        }
        while (end > start && ".,;:".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        if (end - start < 2) {
            return null;
        }
        if (language.equals("de") && end - start > 3) {
            char last = text.charAt(end - 1);
            if ((last == 's' || last == '\'' || last == '\u2019') && Character.isLetter(text.charAt(end - 2))) {
                int lastWord = text.lastIndexOf(' ', end - 1) + 1;
                String bare = text.substring(Math.max(start, lastWord), end - 1);
                if (words.contains(bare)) {
                    end--;
                }
            }
        }
        return new int[] {start, end};
    }

    static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.split("[^\\p{L}\\p{N}-]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
