package io.newsstream.enrich.sentiment;

import io.newsstream.common.model.Sentiment;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.common.model.Span;
import io.newsstream.enrich.nlp.ScoredSentence;
import io.newsstream.enrich.nlp.SentimentScorer;
import io.newsstream.enrich.nlp.Tone;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Scores the tone of a news article the way a reader reads it: VADER's rules ({@link VaderRules}) over
 * VADER's lexicon with a news-domain layer ({@link NewsLexicon}) on top: events of harm weigh as they do for
 * a reader, positive words weigh half as much as negative ones (news is written in a mildly positive
 * register that a reader does not take as good news), ritual courtesy (condolences, apologies, thanks) does
 * not count, a rise or fall takes its tone from what rises or falls, the headline and lead weigh more than
 * the rest, quotes count at reduced weight and website furniture not at all. See {@code docs/sentiment.md}.
 * Thread-safe.
 */
public final class NewsSentimentScorer implements SentimentScorer {
    /** Weight of the headline given as {@code title}. */
    static final double TITLE_WEIGHT = 3.0;
    /** Weight of a headline-like first line of the body when no title is given. */
    static final double HEADLINE_WEIGHT = 2.0;
    /** Weight of the first two body sentences. */
    static final double LEAD_WEIGHT = 1.5;
    /** Factor on the weight of a sentence that is mostly quotation. */
    static final double QUOTE_FACTOR = 0.6;
    /** Weight of a short fragment without sentence punctuation (a section label, a caption). */
    static final double FRAGMENT_WEIGHT = 0.5;
    /** Document score at or above which the label is positive. */
    static final double POSITIVE_THRESHOLD = 0.10;
    /** Document score at or below which the label is negative. */
    static final double NEGATIVE_THRESHOLD = -0.10;
    /**
     * Factor on the valence of every positive word of VADER's general vocabulary: the negativity bias of news
     * reading. Procedural and factual reports are written with mildly positive words (approved, support,
     * safety, cooperation) that a reader does not take as good news, while a negative word usually reports
     * something that went wrong. The news lexicon's own event words ({@code tone}: ceasefire, rescued,
     * victory) and a rise or fall of a good or bad quantity are the news itself and keep their full valence.
     */
    static final double POSITIVE_FACTOR = 0.5;
    /** Strength of the tone a rise or fall takes from the quantity that changes. */
    private static final double DIRECTION_VALENCE = 3.0;
    /** How far (in words) a direction of change looks for its quantity, before and after. */
    private static final int QTY_BEFORE = 6;
    private static final int QTY_AFTER = 4;

    private final VaderLexicon vader;
    private final NewsLexicon news;
    private final SentenceSplitter splitter = new SentenceSplitter();

    /** A scorer over VADER's lexicon and the default news lexicon. */
    public NewsSentimentScorer() {
        this(VaderLexicon.loadDefault(), NewsLexicon.loadDefault());
    }

    /** A scorer over the given lexicons. */
    public NewsSentimentScorer(VaderLexicon vader, NewsLexicon news) {
        this.vader = vader;
        this.news = news;
    }

    @Override
    public Tone score(String title, String text) {
        List<Reading> readings = read(title, text);
        List<ScoredSentence> sentences = new ArrayList<>(readings.size());
        Doc doc = new Doc();
        for (Reading r : readings) {
            if (r.span() != null) {
                sentences.add(new ScoredSentence(r.span().start(), r.span().end(), r.tone().compound));
            }
            if (r.weight() > 0) {
                doc.add(r.tone(), r.weight());
            }
        }
        return new Tone(doc.sentiment(), sentences);
    }

    /**
     * One sentence as the scorer read it: where it is ({@code null} for the title), its tone and the
     * weight it has in the document (0 for website furniture).
     */
    record Reading(Span span, SentenceTone tone, double weight) {
    }

    /** The title (if any) and each body sentence with its tone and weight: the scorer's explanation. */
    List<Reading> read(String title, String text) {
        String body = text == null ? "" : text;
        List<Reading> out = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            SentenceTone t = prepare(title.toCharArray(), 0, title.length());
            out.add(new Reading(null, t, t.furniture ? 0 : TITLE_WEIGHT));
        }
        List<Span> spans = splitter.split(body);
        char[] chars = body.toCharArray();
        int count = spans.size();
        SentenceTone[] tones = new SentenceTone[count];
        int[] paragraph = new int[count];
        int para = 0;
        int scanned = 0;
        for (int k = 0; k < count; k++) {
            Span span = spans.get(k);
            for (; scanned < span.start(); scanned++) {
                if (chars[scanned] == '\n') {
                    para++;
                }
            }
            paragraph[k] = para;
            tones[k] = prepare(chars, span.start(), span.end());
        }
        // Courtesy and furniture are properties of a paragraph: a condolence message or a cookie notice
        // runs over several sentences.
        for (int from = 0; from < count;) {
            int to = from;
            boolean furniture = false;
            boolean courtesy = false;
            while (to < count && paragraph[to] == paragraph[from]) {
                furniture |= tones[to].furniture;
                courtesy |= tones[to].courtesy;
                to++;
            }
            for (int k = from; k < to; k++) {
                tones[k].courtesyContext = courtesy;
                tones[k].furniture |= furniture;
                if (courtesy && !tones[k].courtesy) {
                    evaluate(tones[k], POSITIVE_FACTOR);
                }
            }
            from = to;
        }
        int leadLeft = 2;
        boolean first = true;
        for (int k = 0; k < count; k++) {
            SentenceTone t = tones[k];
            double weight;
            if (t.furniture) {
                weight = 0;
            } else if (!t.terminated && first && title == null && t.words >= 4 && t.titleCase) {
                weight = HEADLINE_WEIGHT;
            } else if (!t.terminated && t.words < 4) {
                weight = FRAGMENT_WEIGHT;
            } else if (!t.terminated && t.titleCase) {
                weight = 1.0;
            } else if (leadLeft > 0) {
                weight = LEAD_WEIGHT;
                leadLeft--;
            } else {
                weight = 1.0;
            }
            if (t.quoted) {
                weight *= QUOTE_FACTOR;
            }
            if (!t.furniture) {
                first = false;
            }
            out.add(new Reading(spans.get(k), t, weight));
        }
        return out;
    }

    /** Label for a document score. */
    static SentimentLabel label(double score) {
        if (score >= POSITIVE_THRESHOLD) {
            return SentimentLabel.POSITIVE;
        }
        return score <= NEGATIVE_THRESHOLD ? SentimentLabel.NEGATIVE : SentimentLabel.NEUTRAL;
    }

    /** Accumulates weighted sentence tones into the document's tone. */
    private static final class Doc {
        double weightedSum;
        double weights;
        double posSum;
        double negSum;
        double neutral;

        void add(SentenceTone t, double weight) {
            weightedSum += weight * t.compound;
            weights += weight;
            posSum += t.posSum;
            negSum += t.negSum;
            neutral += t.neutralCount;
        }

        Sentiment sentiment() {
            double score = weights == 0 ? 0 : weightedSum / weights;
            double total = posSum + negSum + neutral;
            if (total == 0) {
                return new Sentiment(SentimentLabel.NEUTRAL, 0, 0, 0, 1);
            }
            double pos = posSum / total;
            double neg = negSum / total;
            return new Sentiment(label(score), score, pos, neg, Math.max(0, 1 - pos - neg));
        }
    }

    /** The news layer's reading of one sentence. */
    static final class SentenceTone {
        String[] raw;
        String[] lower;
        double[] base;
        int[] flags;
        boolean capDiff;
        double amplifier;
        boolean courtesyContext;
        double compound;
        double posSum;
        double negSum;
        int neutralCount;
        int words;
        int harm;
        boolean furniture;
        boolean courtesy;
        boolean quoted;
        boolean terminated;
        boolean titleCase;
    }

    /** Reads {@code text[start, end)} as one sentence: words, their valences and roles, and its plain tone. */
    SentenceTone prepare(char[] text, int start, int end) {
        SentenceTone t = new SentenceTone();
        String[] raw = new String[16];
        int n = 0;
        int capitalised = 0;
        int long4 = 0;
        int i = start;
        while (i < end) {
            while (i < end && Character.isWhitespace(text[i])) {
                i++;
            }
            int s = i;
            while (i < end && !Character.isWhitespace(text[i])) {
                i++;
            }
            int e = i;
            while (s < e && !Character.isLetterOrDigit(text[s])) {
                s++;
            }
            while (e > s && !Character.isLetterOrDigit(text[e - 1])) {
                e--;
            }
            if (e - s >= 2) {
                if (n == raw.length) {
                    raw = Arrays.copyOf(raw, n * 2);
                }
                String token = new String(text, s, e - s);
                raw[n++] = token;
                if (e - s >= 4) {
                    long4++;
                    if (Character.isUpperCase(token.charAt(0))) {
                        capitalised++;
                    }
                }
            }
        }
        t.words = n;
        t.titleCase = long4 > 0 && capitalised * 10 >= long4 * 6;
        t.terminated = endsSentence(text, start, end);
        t.quoted = quotedShare(text, start, end) >= 0.5;

        String[] lower = new String[n];
        for (int k = 0; k < n; k++) {
            lower[k] = raw[k].toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
        }
        double[] base = new double[n];
        int[] flags = new int[n];
        lookUp(lower, n, base, flags, t);
        t.raw = raw;
        t.lower = lower;
        t.base = base;
        t.flags = flags;
        if (t.furniture) {
            return t;
        }
        applyDirections(n, base, flags);
        t.capDiff = VaderRules.capDifferential(raw, n);
        int exclamations = 0;
        int questions = 0;
        for (int k = start; k < end; k++) {
            char c = text[k];
            if (c == '!') {
                exclamations++;
            } else if (c == '?') {
                questions++;
            }
        }
        t.amplifier = VaderRules.punctuationAmplifier(exclamations, questions);
        evaluate(t, POSITIVE_FACTOR);
        return t;
    }

    /**
     * (Re)computes a prepared sentence's tone: ritual words do not count in a courtesy sentence or paragraph,
     * positive words count at {@code positiveFactor}, then VADER's rules.
     */
    void evaluate(SentenceTone t, double positiveFactor) {
        int n = t.words;
        if (t.furniture) {
            return;
        }
        double[] base = t.base.clone();
        int[] flags = t.flags;
        boolean courtesy = t.courtesy || t.courtesyContext;
        for (int k = 0; k < n; k++) {
            if (base[k] > 0) {
                if (courtesy && (flags[k] & NewsLexicon.RITUAL) != 0) {
                    base[k] = Double.NaN;
                } else if ((flags[k] & NewsLexicon.TONE) == 0) {
                    base[k] *= positiveFactor;
                }
            }
        }
        double[] valences = new double[n];
        VaderRules.valences(t.raw, t.lower, t.lower, n, base, t.capDiff, news.negators(), valences);
        VaderRules.butCheck(t.lower, n, valences);
        t.harm = 0;
        t.posSum = 0;
        t.negSum = 0;
        t.neutralCount = 0;
        for (int k = 0; k < n; k++) {
            if ((flags[k] & NewsLexicon.HARM) != 0 && valences[k] < 0) {
                t.harm++;
            }
            if (valences[k] > 0) {
                t.posSum += valences[k] + 1;
            } else if (valences[k] < 0) {
                t.negSum += 1 - valences[k];
            } else {
                t.neutralCount++;
            }
        }
        t.compound = VaderRules.scoreValence(valences, n, t.amplifier).compound();
    }

    /** Fills each word's valence (news entry, else VADER's) and roles; phrases give their first word both. */
    private void lookUp(String[] lower, int n, double[] base, int[] flags, SentenceTone t) {
        int k = 0;
        while (k < n) {
            NewsLexicon.Entry phrase = news.phraseAt(lower, k, n);
            if (phrase != null) {
                int len = phrase.words().length;
                base[k] = phrase.valence();
                flags[k] = phrase.flags();
                for (int j = k + 1; j < k + len; j++) {
                    base[j] = Double.NaN;
                }
                noteRoles(phrase.flags(), t);
                k += len;
                continue;
            }
            String w = lower[k];
            NewsLexicon.Entry entry = news.word(w);
            double v = vader.valence(w);
            if (entry != null && entry.has(NewsLexicon.UNIT) && k > 0 && isAmount(lower[k - 1])) {
                base[k] = Double.NaN; // "70,000 won": a currency, not a victory
                k++;
                continue;
            }
            if (entry != null) {
                flags[k] = entry.flags();
                if (entry.has(NewsLexicon.NEUTRAL) || entry.has(NewsLexicon.NEGATOR)) {
                    v = Double.NaN;
                } else if (!Double.isNaN(entry.valence())) {
                    v = entry.valence();
                }
                noteRoles(entry.flags(), t);
            } else if (w.startsWith("pic.twitter.com") || w.contains("://")) {
                t.furniture = true;
            }
            base[k] = v;
            k++;
        }
    }

    /**
     * A numeral ("50,000", "1.2bn") other than a year ("in 2019 won"), or a number word of the news lexicon
     * ("billion").
     */
    private boolean isAmount(String word) {
        if (!word.isEmpty() && Character.isDigit(word.charAt(0))) {
            boolean year = word.length() == 4 && (word.startsWith("19") || word.startsWith("20"))
                    && Character.isDigit(word.charAt(2)) && Character.isDigit(word.charAt(3));
            return !year;
        }
        NewsLexicon.Entry entry = news.word(word);
        return entry != null && entry.has(NewsLexicon.AMOUNT);
    }

    private static void noteRoles(int flags, SentenceTone t) {
        if ((flags & NewsLexicon.FURNITURE) != 0) {
            t.furniture = true;
        }
        if ((flags & NewsLexicon.COURTESY) != 0) {
            t.courtesy = true;
        }
    }

    /**
     * A rise or fall takes its tone from the nearest quantity it moves (profits up: good; deaths up: bad);
     * the quantity itself then carries no tone of its own, and a harm word moving as a quantity (deaths
     * fell) is no longer harm evidence.
     */
    private static void applyDirections(int n, double[] base, int[] flags) {
        for (int k = 0; k < n; k++) {
            int dir = (flags[k] & NewsLexicon.UP) != 0 ? 1 : (flags[k] & NewsLexicon.DOWN) != 0 ? -1 : 0;
            if (dir == 0) {
                continue;
            }
            int q = -1;
            for (int d = 1; d <= Math.max(QTY_BEFORE, QTY_AFTER) && q < 0; d++) {
                if (d <= QTY_BEFORE && k - d >= 0 && isQuantity(flags[k - d])) {
                    q = k - d;
                } else if (d <= QTY_AFTER && k + d < n && isQuantity(flags[k + d])) {
                    q = k + d;
                }
            }
            if (q < 0) {
                continue;
            }
            int polarity = (flags[q] & NewsLexicon.QTY_GOOD) != 0 ? 1 : -1;
            double magnitude = Math.max(DIRECTION_VALENCE, Double.isNaN(base[k]) ? 0 : Math.abs(base[k]));
            base[k] = dir * polarity * magnitude;
            base[q] = Double.NaN;
            // The change is the news itself, so it keeps its full valence like a news-register word.
            flags[k] |= NewsLexicon.TONE;
            flags[k] &= ~NewsLexicon.HARM;
            flags[q] &= ~NewsLexicon.HARM;
        }
    }

    private static boolean isQuantity(int flags) {
        return (flags & (NewsLexicon.QTY_GOOD | NewsLexicon.QTY_BAD)) != 0;
    }

    private static boolean endsSentence(char[] text, int start, int end) {
        for (int k = end - 1; k >= start; k--) {
            char c = text[k];
            if (c == '.' || c == '!' || c == '?' || c == '\u2026') {
                return true;
            }
            if (c != '"' && c != '\'' && c != '\u201d' && c != '\u2019' && c != ')') {
                return false;
            }
        }
        return false;
    }

    /** Share of the sentence's characters that stand inside quotation marks. */
    private static double quotedShare(char[] text, int start, int end) {
        int inside = 0;
        boolean open = false;
        for (int k = start; k < end; k++) {
            char c = text[k];
            if (c == '"') {
                open = !open;
            } else if (c == '\u201c') {
                open = true;
            } else if (c == '\u201d') {
                open = false;
            } else if (open) {
                inside++;
            }
        }
        return end > start ? (double) inside / (end - start) : 0;
    }
}
