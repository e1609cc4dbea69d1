package io.newsstream.ingest.read;

import io.newsstream.common.ids.ArticleIds;
import io.newsstream.common.model.RawArticle;
import io.newsstream.common.model.Source;
import io.newsstream.ingest.clean.Html;
import io.newsstream.ingest.clean.PageFurniture;
import io.newsstream.ingest.clean.TextCleaner;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one path every input takes to become a {@link RawArticle}, whichever reader found it: control
 * characters removed, HTML reduced to text, page furniture stripped ({@link PageFurniture}), text
 * trimmed and validated, title and metadata cleaned, id taken from the source or derived from the
 * cleaned text ({@link ArticleIds#fromText(String)}). Because files, stdin, HTTP and the
 * {@code annotate} command all go through here, the same article gets the same text and id from each.
 */
public final class ArticleNormaliser {

    /** Settings key of the text length limit, named in rejection messages. */
    public static final String MAX_CHARS_SETTING = "ingest.max.chars";
    /**
     * Longest run of characters without white space accepted in a text. Longer runs are encoded data
     * (base64 images, minified scripts), not prose, and make tokenizers slow.
     */
    public static final int MAX_RUN_WITHOUT_SPACE = 1_000;
    /** Longest title kept; longer ones are cut at a word boundary. */
    public static final int MAX_TITLE_CHARS = 300;
    /** HTML may carry this many times the text limit in markup before it is rejected unread. */
    private static final int HTML_OVERHEAD = 10;

    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");

    private final int maxChars;
    private final Source defaultSource;
    private final Clock clock;

    /**
     * @param maxChars      longest text accepted, in characters ({@code ingest.max.chars})
     * @param defaultSource source given to articles that name none, or null
     * @param clock         gives {@code ingestedAt}
     */
    public ArticleNormaliser(int maxChars, Source defaultSource, Clock clock) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be positive");
        }
        this.maxChars = maxChars;
        this.defaultSource = defaultSource == null ? Source.UNKNOWN : defaultSource;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The longest text accepted, in characters. */
    public int maxChars() {
        return maxChars;
    }

    /** Cleans and validates {@code draft}; never throws for bad input, it returns a rejection instead. */
    public ReadResult normalise(String origin, ArticleDraft draft) {
        List<String> warnings = new ArrayList<>(draft.warnings());
        String raw = draft.text();
        if (raw == null || TextCleaner.isBlank(raw)) {
            return ReadResult.rejected(origin, raw == null ? "no text" : "no text (the text is empty or only white space)", warnings);
        }
        boolean html = !draft.plainText() && Html.looksLikeHtml(raw);
        if (raw.length() > (html ? (long) maxChars * HTML_OVERHEAD : maxChars)) {
            return ReadResult.rejected(origin, tooLong(raw.length()), warnings);
        }
        TextCleaner.Cleaned cleaned = TextCleaner.clean(raw);
        if (cleaned.removed() > 0) {
            warnings.add("removed " + cleaned.removed() + " control character" + (cleaned.removed() == 1 ? "" : "s"));
        }
        String text = cleaned.text();
        if (html) {
            text = Html.toText(text);
            warnings.add("text was HTML; reduced to plain text");
            if (text.isBlank()) {
                return ReadResult.rejected(origin, "no text (the HTML has no readable text)", warnings);
            }
        }
        String title = draft.title();
        java.time.Instant publishedAt = draft.publishedAt();
        if (draft.plainText()) {
            PlainTextHeader.Header header = PlainTextHeader.detect(text);
            title = title == null ? header.title() : title;
            publishedAt = publishedAt == null ? header.publishedAt() : publishedAt;
        }
        text = TextCleaner.trim(PageFurniture.strip(text));
        if (text.isEmpty()) {
            return ReadResult.rejected(origin, "no text (nothing is left once page furniture is removed)", warnings);
        }
        if (!TextCleaner.hasLetter(text)) {
            return ReadResult.rejected(origin, "no text (no letters at all: only digits, symbols or emoji)", warnings);
        }
        if (text.length() > maxChars) {
            return ReadResult.rejected(origin, tooLong(text.length()), warnings);
        }
        int run = TextCleaner.longestRunWithoutSpace(text);
        if (run > MAX_RUN_WITHOUT_SPACE) {
            return ReadResult.rejected(origin, "text has a run of " + run + " characters without a space (at most "
                    + MAX_RUN_WITHOUT_SPACE + "); that is encoded data, not article text", warnings);
        }

        String id = draft.id();
        if (id != null) {
            id = id.strip();
            if (!ArticleIds.isValid(id)) {
                return ReadResult.rejected(origin, "field 'id' is not a usable id (" + quote(id)
                        + "): it must be 1 to 128 printable characters without spaces", warnings);
            }
        } else {
            id = ArticleIds.fromText(text);
        }

        return ReadResult.accepted(origin, RawArticle.of(id, source(draft.source(), warnings),
                title(title, warnings), publishedAt, clock.instant(), language(draft.language(), warnings), text), warnings);
    }

    private String tooLong(long length) {
        return "text is " + length + " characters, over the limit of " + maxChars + " (" + MAX_CHARS_SETTING + ")";
    }

    private static String title(String raw, List<String> warnings) {
        if (raw == null) {
            return null;
        }
        String t = Html.stripMarkup(TextCleaner.clean(raw).text());
        if (t == null || t.isEmpty() || !TextCleaner.hasLetter(t) && t.codePoints().noneMatch(Character::isDigit)) {
            if (!raw.isBlank()) {
                warnings.add("title has no readable text; left out");
            }
            return null;
        }
        if (t.length() > MAX_TITLE_CHARS) {
            int cut = t.lastIndexOf(' ', MAX_TITLE_CHARS - 1);
            t = t.substring(0, cut > MAX_TITLE_CHARS / 2 ? cut : MAX_TITLE_CHARS - 1) + "\u2026";
            warnings.add("title is longer than " + MAX_TITLE_CHARS + " characters; shortened");
        }
        return t;
    }

    private Source source(Source given, List<String> warnings) {
        String name = given == null ? null : Html.stripMarkup(TextCleaner.clean(given.name()).text());
        String url = given == null ? null : given.url();
        if (name != null && name.isEmpty()) {
            name = null;
        }
        if (url != null) {
            url = url.strip();
            if (!isWebAddress(url)) {
                warnings.add("source url " + quote(url) + " is not an http(s) address; left out");
                url = null;
            }
        }
        if (name == null && url == null) {
            return defaultSource;
        }
        return new Source(name == null ? defaultSource.name() : name, url);
    }

    static boolean isWebAddress(String url) {
        if (url.isEmpty() || url.length() > 2048) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String language(String raw, List<String> warnings) {
        if (raw == null || TextCleaner.isBlank(raw)) {
            return null;
        }
        String s = raw.strip();
        if (!LANGUAGE.matcher(s).matches()) {
            warnings.add("language " + quote(s) + " is not a language code such as 'en' or 'pt-BR'; left out");
            return null;
        }
        // the primary subtag is what the enrichment compares with; regions and scripts are dropped
        return s.split("[-_]")[0].toLowerCase(Locale.ROOT);
    }

    /** A value for a message: quoted, control characters shown as spaces, cut to 60 characters. */
    static String quote(String s) {
        String shown = s.length() > 60 ? s.substring(0, 60) + "\u2026" : s;
        return "'" + shown.replaceAll("\\p{Cntrl}", " ") + "'";
    }
}
