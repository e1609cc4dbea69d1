package io.newsstream.app.reliability;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The enrich settings the reliability tests run with, as {@code --set} pairs. */
final class ReliabilitySettings {

    /**
     * A consumer session of 10 s instead of the client's 45 s: a killed member holds its partitions
     * until its session expires, and the tests kill several times. docs/reliability.md explains the
     * trade-off for production.
     */
    static final String SESSION_TIMEOUT_MS = "10000";

    private ReliabilitySettings() {
    }

    static Map<String, String> enrich(Path stateDir, int threads) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("enrich.state.dir", stateDir.toString());
        m.put("enrich.threads", Integer.toString(threads));
        m.put("kafka.session.timeout.ms", SESSION_TIMEOUT_MS);
        m.put("kafka.heartbeat.interval.ms", "2000");
        return m;
    }
}
