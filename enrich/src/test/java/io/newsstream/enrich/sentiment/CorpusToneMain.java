package io.newsstream.enrich.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsstream.enrich.nlp.SentimentScorer;
import io.newsstream.enrich.nlp.Tone;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-run diagnosis (not a test): reads a labelled corpus folder ({@code ../shared/corpora/news}) and prints,
 * per article, gold and predicted tone with the score; {@code -v} also prints each sentence of a misread
 * article with its weight and compound. Usage: {@code CorpusToneMain DIR [-v] [ID...]}.
 */
public final class CorpusToneMain {
    private CorpusToneMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean verbose = List.of(args).contains("-v");
        List<String> only = List.of(args).subList(1, args.length).stream().filter(a -> !a.startsWith("-")).toList();
        ObjectMapper json = new ObjectMapper();
        JsonNode labels = json.readTree(dir.resolve("labels.json").toFile()).get("articles");
        NewsSentimentScorer en = new NewsSentimentScorer();
        Map<String, SentimentScorer> others = new HashMap<>();
        int index = 0;
        int[] ok = new int[2];
        int[] all = new int[2];
        for (String line : Files.readAllLines(dir.resolve("articles.jsonl"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode a = json.readTree(line);
            String id = a.get("id").asText();
            JsonNode label = labels.get(id);
            if (label == null || label.get("tone") == null) {
                continue;
            }
            String gold = label.get("tone").asText();
            String lang = a.path("language").asText("en");
            String title = a.path("title").isNull() ? null : a.path("title").asText(null);
            String text = a.path("text").asText("");
            Tone tone;
            if (lang.equals("en")) {
                tone = en.score(title, text);
            } else if (LexiconSentimentScorer.LANGUAGES.contains(lang)) {
                tone = others.computeIfAbsent(lang, LexiconSentimentScorer::forLanguage).score(title, text);
            } else {
                index++;
                continue;
            }
            String got = tone.document().label().wire();
            boolean hit = got.equals(gold);
            ok[index % 2] += hit ? 1 : 0;
            all[index % 2]++;
            index++;
            if (!only.isEmpty() && !only.contains(id)) {
                continue;
            }
            System.out.printf("%s %-6s %s %-8s %-8s %+.3f p=%.3f n=%.3f | %s%n", hit ? "  " : "XX", id, lang, gold, got,
                    tone.document().score(), tone.document().positive(), tone.document().negative(), title);
            if (verbose && (!hit || !only.isEmpty()) && lang.equals("en")) {
                for (NewsSentimentScorer.Reading r : en.read(title, text)) {
                    if (r.weight() == 0) {
                        continue;
                    }
                    String s = r.span() == null ? title : text.substring(r.span().start(), r.span().end());
                    System.out.printf("      w=%.1f %+.3f h=%d %s%s | %s%n", r.weight(), r.tone().compound, r.tone().harm,
                            r.tone().courtesy ? "C" : " ", r.tone().quoted ? "Q" : " ",
                            s.length() > 200 ? s.substring(0, 200) + "..." : s);
                }
            }
        }
        System.out.printf("scored: even %d/%d, odd %d/%d, all %d/%d%n", ok[0], all[0], ok[1], all[1], ok[0] + ok[1],
                all[0] + all[1]);
    }
}
