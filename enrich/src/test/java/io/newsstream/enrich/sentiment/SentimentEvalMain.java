package io.newsstream.enrich.sentiment;

import io.newsstream.enrich.nlp.Tone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hand-run report (not a test): prints the scorer's label and score for every item of a labelled set and
 * for the seeds, marking disagreements. Usage: {@code SentimentEvalMain dev|holdout|seeds}.
 */
public final class SentimentEvalMain {
    private SentimentEvalMain() {
    }

    public static void main(String[] args) throws Exception {
        NewsSentimentScorer scorer = new NewsSentimentScorer();
        String set = args.length > 0 ? args[0] : "dev";
        if (set.equals("explain")) {
            String title = null;
            String text;
            if (args[1].contains(":")) {
                String[] f = args[1].split(":");
                SentimentTestData.Article a = SentimentTestData.articles("/sentiment/articles-" + f[0] + ".txt")
                        .stream().filter(x -> x.id().equals(f[1])).findFirst().orElseThrow();
                title = a.title();
                text = a.body();
            } else {
                text = Files.readString(SentimentTestData.seedsDir().resolve(args[1]), StandardCharsets.UTF_8);
            }
            for (NewsSentimentScorer.Reading r : scorer.read(title, text)) {
                String s = r.span() == null ? title : text.substring(r.span().start(), r.span().end());
                System.out.printf("w=%.1f %+.3f harm=%d %s%s | %s%n", r.weight(), r.tone().compound, r.tone().harm,
                        r.tone().courtesy ? "C" : " ", r.tone().quoted ? "Q" : " ",
                        s.length() > 150 ? s.substring(0, 150) + "..." : s);
            }
            return;
        }
        if (set.equals("baseline")) {
            // Plain VADER with its customary thresholds (compound >= 0.05 positive, <= -0.05 negative).
            Vader vader = Vader.withDefaultLexicon();
            for (String name : new String[] {"dev", "holdout"}) {
                int ok = 0;
                List<SentimentTestData.Sentence> ss = SentimentTestData.sentences("/sentiment/sentences-" + name + ".tsv");
                for (SentimentTestData.Sentence x : ss) {
                    ok += vaderLabel(vader.polarityScores(x.text()).compound()).equals(x.label()) ? 1 : 0;
                }
                int okA = 0;
                List<SentimentTestData.Article> as = SentimentTestData.articles("/sentiment/articles-" + name + ".txt");
                for (SentimentTestData.Article a : as) {
                    okA += vaderLabel(vader.polarityScores(a.title() + "\n" + a.body()).compound()).equals(a.label())
                            ? 1 : 0;
                }
                System.out.printf("plain VADER %s: sentences %d/%d, articles %d/%d%n", name, ok, ss.size(), okA,
                        as.size());
            }
            return;
        }
        if (set.equals("seeds")) {
            try (Stream<Path> files = Files.list(SentimentTestData.seedsDir())) {
                for (Path p : files.sorted().toList()) {
                    Tone t = scorer.score(null, Files.readString(p, StandardCharsets.UTF_8));
                    System.out.printf("%-28s %-8s %+.3f pos=%.3f neg=%.3f neu=%.3f%n", p.getFileName(),
                            t.document().label().wire(), t.document().score(), t.document().positive(),
                            t.document().negative(), t.document().neutral());
                }
            }
            return;
        }
        int ok = 0;
        List<SentimentTestData.Sentence> sentences = SentimentTestData.sentences("/sentiment/sentences-" + set + ".tsv");
        for (SentimentTestData.Sentence s : sentences) {
            Tone t = scorer.score(null, s.text());
            String got = t.document().label().wire();
            boolean hit = got.equals(s.label());
            ok += hit ? 1 : 0;
            System.out.printf("%s %-8s %-8s %+.3f %s%n", hit ? "  " : "XX", s.label(), got, t.document().score(), s.text());
        }
        System.out.printf("sentences %s: %d/%d%n%n", set, ok, sentences.size());
        int okA = 0;
        List<SentimentTestData.Article> articles = SentimentTestData.articles("/sentiment/articles-" + set + ".txt");
        for (SentimentTestData.Article a : articles) {
            Tone t = scorer.score(a.title(), a.body());
            String got = t.document().label().wire();
            boolean hit = got.equals(a.label());
            okA += hit ? 1 : 0;
            System.out.printf("%s %s %-8s %-8s %+.3f %s%n", hit ? "  " : "XX", a.id(), a.label(), got,
                    t.document().score(), a.title());
        }
        System.out.printf("articles %s: %d/%d (sentences %d/%d)%n", set, okA, articles.size(), ok, sentences.size());
    }

    private static String vaderLabel(double compound) {
        return compound >= 0.05 ? "positive" : compound <= -0.05 ? "negative" : "neutral";
    }
}
