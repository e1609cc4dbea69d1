package io.newsstream.enrich.lang;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import io.newsstream.enrich.nlp.LanguageDetector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Language identification with the Optimaize language-detector (n-gram profiles of 70 languages,
 * Apache-2.0). Detection reads at most the first {@value #SAMPLE_CHARS} characters: enough to be sure,
 * and it bounds the cost on very long texts. Thread-safe.
 */
public final class OptimaizeLanguageDetector implements LanguageDetector {

    static final int SAMPLE_CHARS = 4_000;
    /** Fewer letters than this and any guess is noise. */
    static final int MIN_LETTERS = 20;
    /** The best language must be at least this probable. */
    static final double MIN_PROBABILITY = 0.80;

    private final com.optimaize.langdetect.LanguageDetector detector;
    private final TextObjectFactory textFactory = CommonTextObjectFactories.forDetectingOnLargeText();

    public OptimaizeLanguageDetector() {
        List<LanguageProfile> profiles;
        try {
            profiles = new LanguageProfileReader().readAllBuiltIn();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language profiles of the language detector", e);
        }
        this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                .withProfiles(profiles)
                .build();
    }

    @Override
    public String detect(String text) {
        if (text == null) {
            return UNDETERMINED;
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        if (sample.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
            return UNDETERMINED;
        }
        List<DetectedLanguage> probabilities = detector.getProbabilities(textFactory.forText(sample));
        if (probabilities.isEmpty() || probabilities.get(0).getProbability() < MIN_PROBABILITY) {
            return UNDETERMINED;
        }
        return probabilities.get(0).getLocale().getLanguage();
    }
}
