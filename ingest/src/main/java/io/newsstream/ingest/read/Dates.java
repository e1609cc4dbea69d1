package io.newsstream.ingest.read;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates: from a structured field (ISO-8601 and the RFC 1123 form feeds use), and from
 * the date lines at the top of a plain-text article. A date without a time is the start of that day
 * in UTC; a time without an offset is taken as UTC.
 */
public final class Dates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("oct", 10), Map.entry("nov", 11),
            Map.entry("dec", 12));

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    private static final String WEEKDAY = "(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\\.?,?\\s+)?";

    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2})?)?(?![\\d])");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.\\-/])(\\d{1,2})([-./])(\\d{1,2})\\2(\\d{4})(?![\\d])");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            WEEKDAY + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            WEEKDAY + "(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + ",?\\s+(\\d{4})(?!\\d)", Pattern.CASE_INSENSITIVE);

    private static final int MIN_YEAR = 1900;
    private static final int MAX_YEAR = 2100;

    private Dates() {
    }

    /**
     * Parses a date field: ISO-8601 date ({@code 2024-12-28}), date-time with offset or zone, local
     * date-time (as UTC), an instant, or RFC 1123 ({@code Sat, 28 Dec 2024 10:00:00 GMT}).
     */
    public static Optional<Instant> parseField(String raw) {
        String s = raw == null ? "" : raw.trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(ZonedDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    /** A date found in a line of text, with where it starts and ends. */
    record Found(Instant instant, int start, int end) {
    }

    /**
     * The first date written out in {@code line}: ISO ({@code 2024-12-28}, optionally with a time),
     * numeric day-month-year ({@code 29-12-2024}, {@code 29.12.2024}; month-first only when the first
     * number cannot be a month), or with a month name ({@code Saturday, December 28, 2024},
     * {@code 28 Dec 2024}). Dates outside 1900–2100 or impossible ones are ignored.
     */
    static Optional<Found> find(String line) {
        Found best = null;
        for (Optional<Found> f : java.util.List.of(iso(line), numeric(line), monthDayYear(line), dayMonthYear(line))) {
            if (f.isPresent() && (best == null || f.get().start() < best.start())) {
                best = f.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Found> iso(String line) {
        Matcher m = ISO.matcher(line);
        while (m.find()) {
            Optional<LocalDate> date = date(m.group(1), m.group(2), m.group(3));
            if (date.isEmpty()) {
                continue;
            }
            Instant at = date.get().atStartOfDay(ZoneOffset.UTC).toInstant();
            if (m.group(4) != null) {
                try {
                    LocalDateTime ldt = date.get().atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
                    ZoneOffset offset = m.group(7) == null ? ZoneOffset.UTC : ZoneOffset.of(
                            m.group(7).length() == 5 ? m.group(7).substring(0, 3) + ":" + m.group(7).substring(3) : m.group(7));
                    at = ldt.toInstant(offset);
                } catch (DateTimeException e) {
                    // an impossible time: keep the day
                }
            }
            return Optional.of(new Found(at, m.start(), m.end()));
        }
        return Optional.empty();
    }

    private static Optional<Found> numeric(String line) {
        Matcher m = NUMERIC.matcher(line);
        while (m.find()) {
            int a = Integer.parseInt(m.group(1));
            int b = Integer.parseInt(m.group(3));
            // day first, as most of the world writes it; month first only when the first number cannot be a month
            boolean monthFirst = a <= 12 && b > 12;
            Optional<LocalDate> date = monthFirst
                    ? date(m.group(4), m.group(1), m.group(3))
                    : date(m.group(4), m.group(3), m.group(1));
            if (date.isPresent()) {
                return Optional.of(new Found(date.get().atStartOfDay(ZoneOffset.UTC).toInstant(), m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> monthDayYear(String line) {
        Matcher m = MONTH_DAY_YEAR.matcher(line);
        while (m.find()) {
            Optional<LocalDate> date = date(m.group(3), month(m.group(1)), m.group(2));
            if (date.isPresent()) {
                return Optional.of(new Found(date.get().atStartOfDay(ZoneOffset.UTC).toInstant(), m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> dayMonthYear(String line) {
        Matcher m = DAY_MONTH_YEAR.matcher(line);
        while (m.find()) {
            Optional<LocalDate> date = date(m.group(3), month(m.group(2)), m.group(1));
            if (date.isPresent()) {
                return Optional.of(new Found(date.get().atStartOfDay(ZoneOffset.UTC).toInstant(), m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    private static String month(String name) {
        String key = name.toLowerCase(Locale.ROOT).replace(".", "");
        Integer n = MONTHS.get(key);
        if (n == null && key.length() > 3) {
            n = MONTHS.get(key.substring(0, 3));
        }
        return n == null ? "0" : Integer.toString(n);
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            int y = Integer.parseInt(year);
            if (y < MIN_YEAR || y > MAX_YEAR) {
                return Optional.empty();
            }
            return Optional.of(LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
