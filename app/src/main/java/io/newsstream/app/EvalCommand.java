package io.newsstream.app;

import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.EnrichedArticle;
import io.newsstream.common.model.Entity;
import io.newsstream.enrich.eval.EntityEvaluator;
import io.newsstream.enrich.eval.EvalReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsstream eval GOLD FILE...}: entity precision, recall and F1 against a gold file. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Score the entities of annotated files against a gold file.",
                "Annotates FILEs as 'annotate' does, then prints precision, recall and F1 per document and overall (micro), by the gold file's own scoring rules",
                "(typed, alias-aware, optional entities neither rewarded nor penalised)."},
        footer = {"", "Example:", "  newsstream eval ../shared/gold/seeds-entities.json seeds/*.txt",
                "  newsstream eval --min-f1 0.93 --min-precision 0.92 ../shared/gold/seeds-entities.json seeds/"})
public final class EvalCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Parameters(index = "0", paramLabel = "GOLD", description = "Gold file (JSON, as ../shared/gold/seeds-entities.json).")
    Path gold;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Article files or folders; matched to gold documents by file name.")
    List<Path> files;

    @Option(names = "--min-f1", paramLabel = "F1", description = "Exit 1 when overall F1 is below this.")
    Double minF1;

    @Option(names = "--min-precision", paramLabel = "P", description = "Exit 1 when overall precision is below this.")
    Double minPrecision;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(gold)) {
            throw new UserException("no gold file at " + gold);
        }
        NewsstreamConfig config = options.load();
        EntityEvaluator evaluator = EntityEvaluator.load(gold);
        List<AnnotateCommand.Outcome> outcomes = AnnotateCommand.annotate(config, files, System.err);
        outcomes.stream().filter(o -> !o.ok()).forEach(o -> System.err.println("eval: " + o.error()));
        Map<String, List<Entity>> reported = new LinkedHashMap<>();
        for (Map.Entry<String, EnrichedArticle> e : AnnotateCommand.byFileName(outcomes).entrySet()) {
            reported.put(e.getKey(), e.getValue().entities());
        }
        EvalReport report = evaluator.evaluate(reported);
        System.out.println(EntityEvaluator.format(report));
        boolean ok = true;
        if (minF1 != null && report.f1() < minF1) {
            System.err.printf(Locale.ROOT, "eval: F1 %.3f is below --min-f1 %.3f%n", report.f1(), minF1);
            ok = false;
        }
        if (minPrecision != null && report.precision() < minPrecision) {
            System.err.printf(Locale.ROOT, "eval: precision %.3f is below --min-precision %.3f%n", report.precision(), minPrecision);
            ok = false;
        }
        return ok ? 0 : 1;
    }
}
