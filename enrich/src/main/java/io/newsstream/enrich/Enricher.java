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
import java.util.Set;

/**
 * Enriches one article: language, named entities, document and entity sentiment. A plain function of
 * its input and the models it is given, used alike by the Kafka Streams topology and by the offline
 * {@code annotate} command, so both give the same answer for the same article.
 */
public final class Enricher {

    /** Languages the entity and sentiment models are trained for. */
    public static final Set<String> SUPPORTED_LANGUAGES = Set.of("en");

    private final LanguageDetector languageDetector;
    private final EntityRecognizer recognizer;
    private final EntityResolver resolver;
    private final SentimentScorer sentimentScorer;
    private final PipelineInfo pipeline;
    private final int maxChars;
    private final boolean keepText;
    private final Clock clock;

    public Enricher(LanguageDetector languageDetector, EntityRecognizer recognizer, EntityResolver resolver,
                    SentimentScorer sentimentScorer, PipelineInfo pipeline, int maxChars, boolean keepText, Clock clock) {
        this.languageDetector = Objects.requireNonNull(languageDetector, "languageDetector");
        this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.sentimentScorer = Objects.requireNonNull(sentimentScorer, "sentimentScorer");
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.maxChars = maxChars;
        this.keepText = keepText;
        this.clock = Objects.requireNonNull(clock, "clock");
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
        if (SUPPORTED_LANGUAGES.contains(language)) {
            Tone tone = sentimentScorer.score(article.title(), text);
            List<Mention> mentions = recognizer.recognize(text);
            entities = resolver.resolve(text, mentions, tone.sentences());
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
    }

    private static boolean hasLetters(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }
}
