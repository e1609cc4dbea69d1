package io.newsstream.enrich.entities;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsstream.common.model.Entity;
import io.newsstream.enrich.eval.EntityEvaluator;
import io.newsstream.enrich.eval.EvalReport;
import io.newsstream.enrich.nlp.ScoredSentence;
import io.newsstream.ingest.clean.PageFurniture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality bar of the entity step on the seed articles, scored with the gold file's own rules:
 * seed text, page furniture stripped, CRF recogniser, canonical resolver (neutral sentence scores),
 * evaluator. Fails when quality drops below the bar.
 */
class SeedEntityQualityTest {

    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+[.!?]*");

    private static CoreNlpEntityRecognizer recognizer;

    @BeforeAll
    static void loadModel() {
        recognizer = new CoreNlpEntityRecognizer();
    }

    /** Runs every seed through the offline path with one shared directory, as a stream would. */
    static Map<String, List<Entity>> annotateSeeds(CoreNlpEntityRecognizer recognizer) throws IOException {
        CanonicalEntityResolver resolver = new CanonicalEntityResolver(EntityLexicon.defaults(), new InMemoryEntityDirectory());
        Map<String, List<Entity>> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(SeedFiles.seeds())) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path f : files) {
            String text = PageFurniture.strip(Files.readString(f));
            out.put(f.getFileName().toString(), resolver.resolve(text, recognizer.recognize(text), neutralSentences(text)));
        }
        return out;
    }

    /** Trivial sentence split with neutral tone: sentiment is not under test here. */
    static List<ScoredSentence> neutralSentences(String text) {
        List<ScoredSentence> out = new ArrayList<>();
        Matcher m = SENTENCE.matcher(text);
        while (m.find()) {
            out.add(new ScoredSentence(m.start(), m.end(), 0.0));
        }
        return out;
    }

    @Test
    void shouldReachTheQualityBarOnTheSeeds() throws IOException {
        Map<String, List<Entity>> reported = annotateSeeds(recognizer);
        EntityEvaluator evaluator = EntityEvaluator.load(SeedFiles.gold());

        EvalReport report = evaluator.evaluate(reported);
        System.out.println(EntityEvaluator.format(report));

        assertThat(report.documents()).hasSize(5);
        assertThat(report.precision()).as("micro precision\n%s", EntityEvaluator.format(report)).isGreaterThanOrEqualTo(0.92);
        assertThat(report.f1()).as("micro F1\n%s", EntityEvaluator.format(report)).isGreaterThanOrEqualTo(0.93);
    }
}
