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
            this.classifier = CRFClassifier.getClassifier(model);
        } catch (Exception | LinkageError e) {
            throw new IllegalStateException("cannot load the NER model '" + model + "' (looked on the classpath and "
                    + "the file system; is the stanford-corenlp models jar on the classpath, and does the heap "
                    + "have ~200 MiB free?): " + e, e);
        }
        // Classify once so lazily built reader state exists before threads share the classifier.
        classifier.classifyToCharacterOffsets("Warm up in London.");
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
                mentions.add(new Mention(text.substring(t.second(), t.third()), type, t.second(), t.third()));
            }
        }
        addSuffixedOrganizations(text, mentions);
        addRegions(text, mentions);
        addDefinedAcronyms(text, mentions);
        mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return mentions;
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
    private void addSuffixedOrganizations(String text, List<Mention> mentions) {
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
            if (first < i && !inTitleCaseLine(text, start)) {
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

    private void addRegions(String text, List<Mention> mentions) {
        Matcher m = REGION.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (lexicon.demonymPlace(name).isPresent() || lexicon.isTitle(name) || lexicon.isNonEntity(name)
                    || inTitleCaseLine(text, m.start())) {
                continue;
            }
            addIfFree(mentions, text, m.start(), m.end(), EntityType.LOCATION);
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
}
