package io.newsstream.enrich;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.PipelineInfo;
import io.newsstream.enrich.entities.CanonicalEntityResolver;
import io.newsstream.enrich.entities.CoreNlpEntityRecognizer;
import io.newsstream.enrich.entities.CrfEntityRecognizer;
import io.newsstream.enrich.entities.CrossLanguageResolver;
import io.newsstream.enrich.entities.EntityLexicon;
import io.newsstream.enrich.entities.InMemoryEntityDirectory;
import io.newsstream.enrich.entities.WorldNames;
import io.newsstream.enrich.lang.OptimaizeLanguageDetector;
import io.newsstream.enrich.sentiment.LexiconSentimentScorer;
import io.newsstream.enrich.sentiment.NewsSentimentScorer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the production {@link Enricher}: Optimaize language detection; for English, German, French
 * and Spanish the language's CoreNLP CRF recogniser with the canonical entity resolver (one entity id
 * across languages) and a news sentiment scorer. Models load once and are shared by every stream thread. A model that cannot be loaded fails here, at start, with its name.
 */
public final class EnricherFactory {

    private EnricherFactory() {
    }

    /**
     * The enricher a deployment with {@code config} runs: English models load here, at start; German,
     * French and Spanish ones on the first article in that language.
     */
    public static Enricher create(NewsstreamConfig config) {
        EntityLexicon lexicon = EntityLexicon.defaults();
        InMemoryEntityDirectory directory = new InMemoryEntityDirectory();
        WorldNames places = WorldNames.defaults(lexicon);
        CrossLanguageResolver.LearnedNames learned = new CrossLanguageResolver.LearnedNames();
        CoreNlpEntityRecognizer recognizer = new CoreNlpEntityRecognizer(CoreNlpEntityRecognizer.DEFAULT_MODEL, lexicon);
        LanguageModels english = new LanguageModels(recognizer,
                new CrossLanguageResolver(new CanonicalEntityResolver(lexicon, directory), "en", places, learned),
                new NewsSentimentScorer());
        Languages.Builder languages = Languages.builder().add("en", () -> english);
        Map<String, String> models = new LinkedHashMap<>();
        models.put("language", "optimaize-language-detector-0.6");
        models.put("ner", "corenlp-4.5.10/" + recognizer.model());
        models.put("entities", "newsstream-canonical-2");
        models.put("sentiment", "vader-3.3.2+newsstream-news-layer-1");
        for (String language : List.of("de", "fr", "es")) {
            languages.add(language, () -> new LanguageModels(new CrfEntityRecognizer(language),
                    new CrossLanguageResolver(new CanonicalEntityResolver(lexicon, directory), language, places, learned),
                    LexiconSentimentScorer.forLanguage(language)));
            models.put("ner." + language, "corenlp-4.5.10/" + CrfEntityRecognizer.MODELS.get(language));
            models.put("sentiment." + language, "nlpjs-lang-" + language + "-4.26.1+newsstream-news-layer-1");
        }
        return new Enricher(new OptimaizeLanguageDetector(), languages.build(), new PipelineInfo(version(), models),
                config.enrich().maxChars(), config.enrich().keepText(), Clock.systemUTC());
    }

    /** This build's version, from the jar manifest ({@code dev} when run from classes). */
    public static String version() {
        String v = EnricherFactory.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
