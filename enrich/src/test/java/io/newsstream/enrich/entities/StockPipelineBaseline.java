package io.newsstream.enrich.entities;

import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import io.newsstream.common.model.Entity;
import io.newsstream.enrich.nlp.ScoredSentence;
import io.newsstream.ingest.clean.PageFurniture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Not a test: a main that measures articles per second on one thread for this entity step and for
 * the stock CoreNLP {@code tokenize,ssplit,pos,lemma,ner} pipeline on the seeds (furniture
 * stripped), warm-up first, same JVM. Run from the enrich module's test classpath; with the
 * argument {@code dump} it prints the entities instead.
 */
public final class StockPipelineBaseline {

    private StockPipelineBaseline() {
    }

    public static void main(String[] args) throws Exception {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> s = Files.list(SeedFiles.seeds())) {
            for (Path p : s.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(PageFurniture.strip(Files.readString(p)));
            }
        }
        CoreNlpEntityRecognizer recognizer = new CoreNlpEntityRecognizer();
        CanonicalEntityResolver resolver = new CanonicalEntityResolver();
        if (args.length > 0 && args[0].equals("dump")) {
            for (String text : texts) {
                List<ScoredSentence> sentences = SeedEntityQualityTest.neutralSentences(text);
                for (Entity e : resolver.resolve(text, recognizer.recognize(text), sentences)) {
                    System.out.printf(Locale.ROOT, "%-14s %-32s %2d %.3f %s %s%n", e.type(), e.name(), e.mentions(),
                            e.salience(), e.aliases(), e.id());
                }
                System.out.println("----");
            }
            return;
        }
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        double ours = measure("recognizer+resolver", texts, rounds, t -> resolver.resolve(t, recognizer.recognize(t),
                SeedEntityQualityTest.neutralSentences(t)));
        double crf = measure("recognizer only", texts, rounds, recognizer::recognize);
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        StanfordCoreNLP stock = new StanfordCoreNLP(props);
        double baseline = measure("stock tokenize,ssplit,pos,lemma,ner", texts, rounds, t -> stock.annotate(new CoreDocument(t)));
        System.out.printf(Locale.ROOT, "speed-up %.2fx (recognizer only %.2fx)%n", ours / baseline, crf / baseline);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap used after GC with both loaded: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static double measure(String name, List<String> texts, int rounds, Consumer<String> step) {
        for (int i = 0; i < rounds; i++) {
            texts.forEach(step);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            texts.forEach(step);
        }
        double perSecond = rounds * texts.size() / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "%-40s %6.1f articles/s/thread%n", name, perSecond);
        return perSecond;
    }
}
