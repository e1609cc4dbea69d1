package io.newsstream.common.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A flat, immutable view of dotted settings ({@code enrich.threads=2}) after all layers are merged,
 * with typed getters that fail with the setting's name when a value is unusable.
 */
public final class Settings {

    private final Map<String, String> values;

    public Settings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** All settings, sorted by key. */
    public Map<String, String> asMap() {
        return values;
    }

    public Optional<String> get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public String string(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    public int positiveInt(String key, int fallback) {
        int v = parse(key, fallback, Integer::parseInt, "a whole number");
        if (v <= 0) {
            throw new ConfigException("setting '" + key + "' must be a positive whole number, got '" + values.get(key) + "'");
        }
        return v;
    }

    public long positiveLong(String key, long fallback) {
        long v = parse(key, fallback, Long::parseLong, "a whole number");
        if (v <= 0) {
            throw new ConfigException("setting '" + key + "' must be a positive whole number, got '" + values.get(key) + "'");
        }
        return v;
    }

    public int port(String key, int fallback) {
        int v = parse(key, fallback, Integer::parseInt, "a port number");
        if (v < 0 || v > 65535) {
            throw new ConfigException("setting '" + key + "' must be a port number from 0 to 65535, got '" + values.get(key) + "'");
        }
        return v;
    }

    public boolean bool(String key, boolean fallback) {
        return parse(key, fallback, s -> switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(s);
        }, "true or false");
    }

    /** A duration as ISO-8601 ({@code PT1H}) or a number with a unit ({@code 90s}, {@code 5m}, {@code 1h}, {@code 3d}). */
    public Duration duration(String key, Duration fallback) {
        Duration d = parse(key, fallback, Settings::parseDuration, "a duration such as 1h, 30m, 3d or PT1H");
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException("setting '" + key + "' must be a positive duration, got '" + values.get(key) + "'");
        }
        return d;
    }

    /** Parses a duration given outside the settings (a command-line flag), naming {@code what} on failure. */
    public static Duration parseDurationSetting(String what, String value) {
        return new Settings(Map.of(what, value)).duration(what, null);
    }

    static Duration parseDuration(String s) {
        String t = s.trim();
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Duration.parse(t.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(s, e);
            }
        }
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException(s);
        }
        long n = Long.parseLong(t.substring(0, i));
        return switch (t.substring(i).trim().toLowerCase(java.util.Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(n);
            case "s", "" -> Duration.ofSeconds(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> throw new IllegalArgumentException(s);
        };
    }

    private <T> T parse(String key, T fallback, Function<String, T> parser, String what) {
        Optional<String> raw = get(key);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(raw.get());
        } catch (RuntimeException e) {
            throw new ConfigException("setting '" + key + "' must be " + what + ", got '" + raw.get() + "'");
        }
    }
}
