package io.newsstream.common.model;

import java.util.Map;

/**
 * Which code and which models produced an enriched article.
 *
 * @param version newsstream version
 * @param models  step name to model description, e.g. {@code ner -> corenlp-4.5.10/english.all.3class}
 */
public record PipelineInfo(String version, Map<String, String> models) {
    public PipelineInfo {
        models = models == null ? Map.of() : Map.copyOf(models);
    }
}
