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
import java.util.Locale;
import java.util.Map;

/**
 * Hand-run diagnosis (not a test): reads a labelled corpus folder ({@code ../shared/corpora/news}) and prints,
 * per article, gold and predicted tone with the score; {@code -v} also prints each sentence of a misread
 * article with its weight and compound (for German, French and Spanish: each scored word with its valence);
 * {@code -dump} prints one tab-separated line per English sentence (id, gold, language, index, title or body,
 * weight, compound, positive and negative mass, neutral words, harm, quoted, courtesy, words, text, scored words) for trying
 * document rules outside Java. Usage: {@code CorpusToneMain DIR [-v|-dump] [ID...]}.
 */
public final class CorpusToneMain {
    private CorpusToneMain() {
    }

    /** Each word with a valence of its own, as word:valence:kind (t news event, h harm, g general). */
    private static String scoredWords(NewsSentimentScorer.SentenceTone st) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < st.words; k++) {
            double v = st.base[k];
            if (Double.isNaN(v) || v == 0) {
                continue;
            }
            String kind = (st.flags[k] & NewsLexicon.TONE) != 0 ? "t" : (st.flags[k] & NewsLexicon.HARM) != 0 ? "h" : "g";
            sb.append(String.format(Locale.ROOT, "%s:%.2f:%s ", st.lower[k], v, kind));
        }
        return sb.toString().trim();
    }

    /** A sentence on one tab-separated line. */
    private static String dumpText(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        boolean verbose = List.of(args).contains("-v");
        boolean dump = List.of(args).contains("-dump");
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
            if (dump && lang.equals("en")) {
                int k = 0;
                for (NewsSentimentScorer.Reading r : en.read(title, text)) {
                    NewsSentimentScorer.SentenceTone st = r.tone();
                    System.out.printf(Locale.ROOT, "S\t%s\t%s\t%s\t%d\t%s\t%.2f\t%.4f\t%.3f\t%.3f\t%d\t%d\t%d\t%d\t%d\t%s\t%s%n", id,
                            gold, lang, k++, r.span() == null ? "T" : "B", r.weight(), st.compound, st.posSum, st.negSum,
                            st.neutralCount, st.harm, st.quoted ? 1 : 0, st.courtesy || st.courtesyContext ? 1 : 0,
                            st.words, dumpText(r.span() == null ? title : text.substring(r.span().start(), r.span().end())),
                            scoredWords(st));
                }
                continue;
            }
            System.out.printf("%s %-6s %s %-8s %-8s %+.3f p=%.3f n=%.3f | %s%n", hit ? "  " : "XX", id, lang, gold, got,
                    tone.document().score(), tone.document().positive(), tone.document().negative(), title);
            if (verbose && !lang.equals("en") && others.containsKey(lang)) {
                LexiconSentimentScorer sc = (LexiconSentimentScorer) others.get(lang);
                StringBuilder sb = new StringBuilder();
                for (String w : (title + " " + text).split("[^\\p{L}'\u2019-]+")) {
                    double v = sc.valence(LexiconSentimentScorer.fold(w));
                    if (v != 0) {
                        sb.append(String.format(Locale.ROOT, "%s(%+.1f) ", w, v));
                    }
                }
                System.out.println("      " + sb);
            }
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
