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
        if (args.length > 0 && args[0].equals("resolver")) {
            List<List<io.newsstream.enrich.nlp.Mention>> mentions = texts.stream().map(recognizer::recognize).toList();
            for (int trial = 0; trial < 5; trial++) {
                long t0 = System.nanoTime();
                for (int r = 0; r < 200; r++) {
                    for (int i = 0; i < texts.size(); i++) {
                        resolver.resolve(texts.get(i), mentions.get(i), SeedEntityQualityTest.neutralSentences(texts.get(i)));
                    }
                }
                System.out.printf(Locale.ROOT, "resolver alone: %.3f ms/article%n", (System.nanoTime() - t0) / 1e6 / (200.0 * texts.size()));
            }
            return;
        }
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
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Properties props = new Properties();
        props.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
        StanfordCoreNLP stock = new StanfordCoreNLP(props);
        Consumer<String> ours = t -> resolver.resolve(t, recognizer.recognize(t), SeedEntityQualityTest.neutralSentences(t));
        Consumer<String> crf = recognizer::recognize;
        Consumer<String> baseline = t -> stock.annotate(new CoreDocument(t));
        // The machine is shared, so the three alternate and each keeps its best round.
        double bestOurs = 0;
        double bestCrf = 0;
        double bestBaseline = 0;
        for (int trial = 0; trial < 5; trial++) {
            bestOurs = Math.max(bestOurs, measure(texts, rounds, ours));
            bestCrf = Math.max(bestCrf, measure(texts, rounds, crf));
            bestBaseline = Math.max(bestBaseline, measure(texts, rounds, baseline));
            System.out.printf(Locale.ROOT, "trial %d: recognizer+resolver %.1f, recognizer only %.1f, stock %.1f articles/s/thread%n",
                    trial, bestOurs, bestCrf, bestBaseline);
        }
        System.out.printf(Locale.ROOT, "speed-up %.2fx (recognizer only %.2fx)%n", bestOurs / bestBaseline, bestCrf / bestBaseline);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.out.printf(Locale.ROOT, "heap used after GC with both loaded: %d MiB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static double measure(List<String> texts, int rounds, Consumer<String> step) {
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            texts.forEach(step);
        }
        return rounds * texts.size() / ((System.nanoTime() - t0) / 1e9);
    }
}
