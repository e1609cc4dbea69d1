package io.newsstream.enrich;

import io.newsstream.common.ids.ArticleIds;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.common.model.PipelineInfo;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Sentiment;
import io.newsstream.common.model.SentimentLabel;
import io.newsstream.enrich.nlp.EntityRecognizer;
import io.newsstream.enrich.nlp.EntityResolver;
import io.newsstream.enrich.nlp.LanguageDetector;
import io.newsstream.enrich.nlp.Mention;
import io.newsstream.enrich.nlp.SentimentScorer;
import io.newsstream.enrich.nlp.Tone;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Enriches one article: language, named entities, document and entity sentiment. A plain function of
 * its input and the models it is given, used alike by the Kafka Streams topology and by the offline
 * {@code annotate} command, so both give the same answer for the same article.
 */
public final class Enricher {

    /**
     * Longest run of characters without white space enriched, as ingest accepts. Longer runs are
     * encoded data, not prose; records written to the raw topic by other producers skip ingest's check,
     * so it is repeated here before any model sees the text.
     */
    public static final int MAX_RUN_WITHOUT_SPACE = 1_000;
    /**
     * Most words enriched in one article: a 200,000-character article of prose has about 35,000. The
     * CoreNLP tokenizer and classifier are linear but slow per word, and a stream thread that spends
     * longer than {@code max.poll.interval.ms} (five minutes) on one record is evicted from the group
     * and retries the same record forever; this bound keeps the worst article well inside that.
     */
    public static final int MAX_WORDS = 40_000;

    private final LanguageDetector languageDetector;
    private final Languages languages;
    private final PipelineInfo pipeline;
    private final int maxChars;
    private final boolean keepText;
    private final Clock clock;

    /** An enricher of English articles only. */
    public Enricher(LanguageDetector languageDetector, EntityRecognizer recognizer, EntityResolver resolver,
                    SentimentScorer sentimentScorer, PipelineInfo pipeline, int maxChars, boolean keepText, Clock clock) {
        this(languageDetector, Languages.of("en", new LanguageModels(recognizer, resolver, sentimentScorer)),
                pipeline, maxChars, keepText, clock);
    }

    /** An enricher of the given languages; articles in any other language are flagged unsupported. */
    public Enricher(LanguageDetector languageDetector, Languages languages, PipelineInfo pipeline, int maxChars,
                    boolean keepText, Clock clock) {
        this.languageDetector = Objects.requireNonNull(languageDetector, "languageDetector");
        this.languages = Objects.requireNonNull(languages, "languages");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.maxChars = maxChars;
        this.keepText = keepText;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The languages this enricher enriches, each with its models. */
    public Languages languages() {
        return languages;
    }

    /** Which models this enricher runs, as written into every enriched article. */
    public PipelineInfo pipeline() {
        return pipeline;
    }

    /**
     * Enriches {@code article}.
     *
     * @throws RejectedArticleException when the article cannot be enriched, with the reason
     */
    public EnrichedArticle enrich(RawArticle article) {
        validate(article);
        String text = article.text();
        String language = detectLanguage(article);
        List<String> flags = new ArrayList<>();
        List<Entity> entities;
        Sentiment sentiment;
        LanguageModels models = models(language);
        if (models != null) {
            Tone tone = models.sentiment().score(article.title(), text);
            List<Mention> mentions = models.recognizer().recognize(text);
            entities = models.resolver().resolve(text, mentions, tone.sentences());
            sentiment = tone.document();
        } else {
            // No model for this language: say so rather than guess with English models.
            flags.add(EnrichedArticle.FLAG_UNSUPPORTED_LANGUAGE);
            entities = List.of();
            sentiment = new Sentiment(SentimentLabel.NEUTRAL, 0.0, 0.0, 0.0, 1.0);
        }
        EnrichedArticle enriched = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, article.id(), article.source(),
                article.title(), article.publishedAt(), article.ingestedAt(), language, text, entities, sentiment,
                null, flags, clock.instant(), pipeline);
        return keepText ? enriched : enriched.withoutText();
    }

    private LanguageModels models(String language) {
        try {
            return languages.models(language).orElse(null);
        } catch (RuntimeException e) {
            throw new RejectedArticleException("the models for language '" + language + "' cannot be loaded: "
                    + e.getMessage());
        }
    }

    private String detectLanguage(RawArticle article) {
        String sample = article.title() == null ? article.text() : article.title() + "\n" + article.text();
        String detected = languageDetector.detect(sample);
        if (LanguageDetector.UNDETERMINED.equals(detected) && article.language() != null && !article.language().isBlank()) {
            return article.language().trim().toLowerCase(java.util.Locale.ROOT);
        }
        return detected;
    }

    /**
     * Checks that {@code article} can be enriched at all (id, text, size, schema version) without running
     * any model; {@link #enrich} checks the same.
     *
     * @throws RejectedArticleException with the reason when it cannot
     */
    public void validate(RawArticle article) {
        if (article.schemaVersion() > RawArticle.SCHEMA_VERSION) {
            throw new RejectedArticleException("schemaVersion " + article.schemaVersion()
                    + " is newer than this enricher understands (" + RawArticle.SCHEMA_VERSION + ")");
        }
        if (!ArticleIds.isValid(article.id())) {
            throw new RejectedArticleException("article id is missing or not a valid key (1-128 printable characters, no spaces)");
        }
        String text = article.text();
        if (text == null || text.isBlank()) {
            throw new RejectedArticleException("article has no text");
        }
        if (text.length() > maxChars) {
            throw new RejectedArticleException("text is " + text.length() + " characters, over the limit of "
                    + maxChars + " (enrich.max.chars)");
        }
        if (!hasLetters(text)) {
            throw new RejectedArticleException("text has no letters (" + text.length() + " characters of digits, symbols or emoji)");
        }
        int run = 0;
        int longestRun = 0;
        int words = 0;
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) || Character.isSpaceChar(text.charAt(i))) {
                run = 0;
            } else if (++run == 1) {
                words++;
            }
            longestRun = Math.max(longestRun, run);
        }
        if (longestRun > MAX_RUN_WITHOUT_SPACE) {
            throw new RejectedArticleException("text has a run of " + longestRun + " characters without a space (at most "
                    + MAX_RUN_WITHOUT_SPACE + "); that is encoded data, not article text");
        }
        if (words > MAX_WORDS) {
            throw new RejectedArticleException("text has " + words + " words, over the limit of " + MAX_WORDS
                    + " that one article may take to enrich; split it");
        }
    }

    private static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }
}
