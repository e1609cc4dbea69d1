package io.newsstream.enrich;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.PipelineInfo;
import io.newsstream.enrich.entities.CanonicalEntityResolver;
import io.newsstream.enrich.entities.CoreNlpEntityRecognizer;
import io.newsstream.enrich.entities.EntityLexicon;
import io.newsstream.enrich.entities.InMemoryEntityDirectory;
import io.newsstream.enrich.lang.OptimaizeLanguageDetector;
import io.newsstream.enrich.sentiment.NewsSentimentScorer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the production {@link Enricher}: Optimaize language detection, the CoreNLP CRF recogniser
 * with the canonical entity resolver, and the news sentiment scorer. Models load once here and are
 * shared by every stream thread. A model that cannot be loaded fails here, at start, with its name.
 */
public final class EnricherFactory {

    private EnricherFactory() {
    }

    /** The enricher a deployment with {@code config} runs. */
    public static Enricher create(NewsstreamConfig config) {
        EntityLexicon lexicon = EntityLexicon.defaults();
        CoreNlpEntityRecognizer recognizer = new CoreNlpEntityRecognizer(CoreNlpEntityRecognizer.DEFAULT_MODEL, lexicon);
        CanonicalEntityResolver resolver = new CanonicalEntityResolver(lexicon, new InMemoryEntityDirectory());
        Map<String, String> models = new LinkedHashMap<>();
        models.put("language", "optimaize-language-detector-0.6");
        models.put("ner", "corenlp-4.5.10/" + recognizer.model());
        models.put("entities", "newsstream-canonical-1");
        models.put("sentiment", "vader-3.3.2+newsstream-news-layer-1");
        return new Enricher(new OptimaizeLanguageDetector(), recognizer, resolver, new NewsSentimentScorer(),
                new PipelineInfo(version(), models), config.enrich().maxChars(), config.enrich().keepText(),
                Clock.systemUTC());
    }

    /** This build's version, from the jar manifest ({@code dev} when run from classes). */
    public static String version() {
        String v = EnricherFactory.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
