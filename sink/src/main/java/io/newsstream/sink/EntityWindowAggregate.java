package io.newsstream.sink;

import io.newsstream.common.model.EntityType;
import java.util.List;
import java.util.TreeSet;

/**
 * Running totals for one entity in one window, as kept in the sink's state store. A new instance is
 * returned on every update: aggregates are never mutated in place.
 *
 * @param name         canonical name (latest seen)
 * @param type         entity type
 * @param mentions     mentions summed
 * @param articles     articles counted
 * @param outlets      distinct outlets, sorted
 * @param sentimentSum sum of per-article entity sentiment, for the mean
 */
record EntityWindowAggregate(String name, EntityType type, long mentions, long articles, List<String> outlets,
                             double sentimentSum) {

    static final EntityWindowAggregate EMPTY = new EntityWindowAggregate(null, null, 0, 0, List.of(), 0.0);

    EntityWindowAggregate {
        outlets = outlets == null ? List.of() : List.copyOf(outlets);
    }

    EntityWindowAggregate add(EntityMention m) {
        TreeSet<String> o = new TreeSet<>(outlets);
        if (m.outlet() != null) {
            o.add(m.outlet());
        }
        return new EntityWindowAggregate(m.name(), m.type(), mentions + m.mentions(), articles + 1, List.copyOf(o),
                sentimentSum + m.sentiment());
    }

    double meanSentiment() {
        return articles == 0 ? 0.0 : sentimentSum / articles;
    }
}
