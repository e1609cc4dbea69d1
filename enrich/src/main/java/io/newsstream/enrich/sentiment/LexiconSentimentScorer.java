package io.newsstream.enrich.sentiment;

import io.newsstream.common.model.Sentiment;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.common.model.Span;
import io.newsstream.enrich.nlp.ScoredSentence;
import io.newsstream.enrich.nlp.SentimentScorer;
import io.newsstream.enrich.nlp.Tone;
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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tone of a German, French or Spanish article: a stem lexicon of the language (the nlp.js packages'
 * sentiment lexicons, MIT) with the same news layer as English where it carries over — events of
 * harm and of relief weigh as a reader takes them (a small per-language list of general event words
 * on VADER's scale), positive general words weigh half (news's negativity bias), a negator turns the
 * next scored word within three words, function words are not scored (the nlp.js stopword lists for
 * French and Spanish, and the news layer's {@code STOP} words: function words, ordinals, "new", the
 * nationality adjective, which the lexicons score but news uses without judging), and the headline and
 * lead weigh more. Sentences are scored as
 * VADER does (sum normalised to -1..1); the document is their weighted mean, labelled with the English
 * scorer's thresholds. Thread-safe. See {@code docs/sentiment.md}.
 */
public final class LexiconSentimentScorer implements SentimentScorer {

    /** The languages with a bundled lexicon. */
    public static final Set<String> LANGUAGES = Set.of("de", "fr", "es");

    /** The languages with a packaged stopword list ({@code lang/<lang>/stopwords.tsv}, from nlp.js). */
    private static final Set<String> STOPWORD_LISTS = Set.of("fr", "es");

    /** nlp.js valences are -1..1; VADER's word valences -4..4. */
    private static final double LEXICON_SCALE = 4.0;
    private static final double NEGATION = -0.74;
    private static final int NEGATION_REACH = 3;
    private static final double ALPHA = 15.0;
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'\u2019-]*");

    private final String language;
    private final Map<String, Double> lexicon;
    private final Map<String, Double> news;
    private final Set<String> negators;
    private final Set<String> stopwords;
    private final int longestKey;
    private final SentenceSplitter splitter = new SentenceSplitter();

    private LexiconSentimentScorer(String language, Map<String, Double> lexicon, Map<String, Double> news,
                                   Set<String> negators, Set<String> stopwords) {
        this.language = language;
        this.lexicon = lexicon;
        this.news = news;
        this.negators = negators;
        this.stopwords = stopwords;
        int longest = 0;
        for (String k : lexicon.keySet()) {
            longest = Math.max(longest, k.length());
        }
        for (String k : news.keySet()) {
            longest = Math.max(longest, k.length());
        }
        this.longestKey = longest;
    }

    /** The scorer for {@code language} from the bundled resources. */
    public static LexiconSentimentScorer forLanguage(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no sentiment lexicon for language '" + language + "' (have " + LANGUAGES + ")");
        }
        Map<String, Double> lexicon = new HashMap<>();
        read("lang/" + language + "/sentiment.tsv", (k, v) -> lexicon.put(k, Double.parseDouble(v) * LEXICON_SCALE));
        Map<String, Double> news = new HashMap<>();
        Set<String> negators = new HashSet<>();
        Set<String> stopwords = new HashSet<>();
        if (STOPWORD_LISTS.contains(language)) {
            read("lang/" + language + "/stopwords.tsv", (k, v) -> stopwords.add(k));
        }
        read("lang/" + language + "/news.tsv", (k, v) -> {
            if (v.equals("NEG")) {
                negators.add(k);
            } else if (v.equals("STOP")) {
                stopwords.add(k);
            } else {
                news.put(k, Double.parseDouble(v));
            }
        });
        stopwords.removeAll(negators);
        return new LexiconSentimentScorer(language, lexicon, news, negators, stopwords);
    }

    public String language() {
        return language;
    }

    @Override
    public Tone score(String title, String text) {
        String body = text == null ? "" : text;
        double weighted = 0;
        double weights = 0;
        double pos = 0;
        double neg = 0;
        int neutral = 0;
        if (title != null && !title.isBlank()) {
            double[] s = sentence(title);
            weighted += NewsSentimentScorer.TITLE_WEIGHT * s[0];
            weights += NewsSentimentScorer.TITLE_WEIGHT;
        }
        List<ScoredSentence> sentences = new ArrayList<>();
        int lead = 2;
        for (Span span : splitter.split(body)) {
            double[] s = sentence(body.substring(span.start(), span.end()));
            sentences.add(new ScoredSentence(span.start(), span.end(), s[0]));
            double w = lead-- > 0 ? NewsSentimentScorer.LEAD_WEIGHT : 1.0;
            weighted += w * s[0];
            weights += w;
            pos += s[1];
            neg += s[2];
            neutral += (int) s[3];
        }
        double score = weights == 0 ? 0 : weighted / weights;
        double total = pos + neg + neutral;
        Sentiment doc = total == 0
                ? new Sentiment(SentimentLabel.NEUTRAL, score, 0, 0, 1)
                : new Sentiment(NewsSentimentScorer.label(score), score, pos / total, neg / total,
                        Math.max(0, 1 - (pos + neg) / total));
        return new Tone(doc, sentences);
    }

    /** compound, positive mass, negative mass, neutral words of one sentence. */
    double[] sentence(String sentence) {
        Matcher m = WORD.matcher(sentence);
        double sum = 0;
        double pos = 0;
        double neg = 0;
        int neutral = 0;
        int sinceNegator = Integer.MAX_VALUE;
        while (m.find()) {
            String w = fold(m.group());
            if (negators.contains(w)) {
                sinceNegator = 0;
                continue;
            }
            sinceNegator = sinceNegator == Integer.MAX_VALUE ? sinceNegator : sinceNegator + 1;
            double v = stopwords.contains(w) ? 0 : valence(w);
            if (v == 0) {
                neutral++;
                continue;
            }
            if (sinceNegator <= NEGATION_REACH) {
                v *= NEGATION;
                sinceNegator = Integer.MAX_VALUE;
            }
            sum += v;
            if (v > 0) {
                pos += v + 1;
            } else {
                neg += 1 - v;
            }
        }
        double compound = sum == 0 ? 0 : sum / Math.sqrt(sum * sum + ALPHA);
        return new double[] {compound, pos, neg, neutral};
    }

    /** The word's valence: the news layer's, else the lexicon's (positive ones halved), by exact word or stem. */
    double valence(String w) {
        Double n = lookUp(news, w);
        if (n != null) {
            return n;
        }
        Double v = lookUp(lexicon, w);
        if (v == null) {
            return 0;
        }
        return v > 0 ? v * NewsSentimentScorer.POSITIVE_FACTOR : v;
    }

    /** The entry for the word, or for its longest stem of at least four letters that leaves at most four. */
    private Double lookUp(Map<String, Double> map, String w) {
        Double exact = map.get(w);
        if (exact != null) {
            return exact;
        }
        for (int len = Math.min(w.length() - 1, longestKey); len >= 4 && w.length() - len <= 4; len--) {
            Double v = map.get(w.substring(0, len));
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** Lower case without diacritics, as the lexicons are written ("ß" as "ss"). */
    static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT).replace("ß", "ss").replace('\u2019', '\'');
        int apostrophe = lower.indexOf('\'');
        if (apostrophe >= 0 && apostrophe <= 2 && apostrophe < lower.length() - 1) {
            lower = lower.substring(apostrophe + 1); // l'attaque, d'un
        }
        String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        for (int i = 0; i < nfd.length(); i++) {
            char c = nfd.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private interface Entry {
        void accept(String key, String value);
    }

    private static void read(String resource, Entry entry) {
        try (InputStream in = LexiconSentimentScorer.class.getResourceAsStream("/io/newsstream/enrich/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/newsstream/enrich/" + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    throw new IllegalStateException(resource + ": line without a tab: " + line);
                }
                entry.accept(fold(line.substring(0, tab).trim()), line.substring(tab + 1).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
