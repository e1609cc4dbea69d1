package io.newsstream.enrich.stories;

import java.util.ArrayList;
import java.util.List;

/** Bounded id lists: what posting lists and LSH buckets keep. */
final class Caps {

    private Caps() {
    }

    /** {@code list} plus {@code id} at the end (moved there if present), keeping the newest {@code cap}. */
    static List<String> append(List<String> list, String id, int cap) {
        List<String> out = new ArrayList<>(list == null ? List.of() : list);
        out.remove(id);
        out.add(id);
        while (out.size() > cap) {
            out.remove(0);
        }
        return List.copyOf(out);
    }
}
