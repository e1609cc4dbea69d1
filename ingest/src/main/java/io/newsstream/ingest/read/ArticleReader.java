package io.newsstream.ingest.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsstream.common.config.IngestConfig;
import io.newsstream.common.config.NewsstreamConfig;
import io.newsstream.common.model.Source;
import io.newsstream.ingest.extract.ExtractedPage;
import io.newsstream.ingest.extract.PageBytes;
import io.newsstream.ingest.extract.PageExtractor;
import io.newsstream.ingest.extract.PageExtractors;
import io.newsstream.ingest.fetch.FetchException;
import io.newsstream.ingest.fetch.PageFetcher;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads articles from files, folders and streams, and sends each through {@link ArticleNormaliser},
 * so every way in (the {@code ingest} command, its HTTP endpoint, {@code annotate}) produces the same
 * article with the same id from the same input.
 *
 * <ul>
 *   <li>{@code .txt}: one article of plain UTF-8 text; the title and date are taken from its first
 *       lines when they carry them (see {@link PlainTextHeader}).</li>
 *   <li>{@code .json}: one article object, or an array of them (fields: see {@link JsonArticles}).</li>
 *   <li>{@code .jsonl}: one article object per line; blank lines are skipped.</li>
 *   <li>{@code .html}, {@code .htm} (also gzipped, {@code .html.gz}): a web page, whose article the
 *       {@link PageExtractor} finds (title, body, date, language, outlet, canonical address).</li>
 *   <li>a folder: every file of those types under it, recursively, in name order; hidden files and
 *       folders are skipped.</li>
 * </ul>
 *
 * Each input yields a {@link ReadResult}: an article, or the reason it was rejected, naming the file
 * (and line or item). Methods never throw for bad input.
 */
public final class ArticleReader {

    /** The file types read, as lower-case extensions without the dot. */
    public static final Set<String> EXTENSIONS = Set.of("txt", "json", "jsonl", "html", "htm");
    /** Largest file (or JSON Lines line) read; anything bigger cannot be an article under any sane limit. */
    public static final long MAX_INPUT_BYTES = 64L * 1024 * 1024;
    /** Bytes examined at the start of a JSON Lines file for signs of binary data. */
    private static final int SNIFF_BYTES = 8192;

    private final ArticleNormaliser normaliser;
    private final PageExtractor pages;

    /** A reader whose web pages go through {@link PageExtractors#standard()}. */
    public ArticleReader(ArticleNormaliser normaliser) {
        this(normaliser, PageExtractors.standard());
    }

    public ArticleReader(ArticleNormaliser normaliser, PageExtractor pages) {
        this.normaliser = Objects.requireNonNull(normaliser, "normaliser");
        this.pages = Objects.requireNonNull(pages, "pages");
    }

    /** A reader with the limits of {@code config}, the system clock, and no default source. */
    public static ArticleReader create(NewsstreamConfig config) {
        return create(config.ingest(), null, Clock.systemUTC());
    }

    /**
     * A reader with the limits of {@code config}.
     *
     * @param defaultSource source for articles that name none (a .txt file, say), or null
     */
    public static ArticleReader create(IngestConfig config, Source defaultSource, Clock clock) {
        return new ArticleReader(new ArticleNormaliser(config.maxChars(), defaultSource, clock));
    }

    /** The normaliser every article goes through. */
    public ArticleNormaliser normaliser() {
        return normaliser;
    }

    /** Reads a file or, recursively, a folder; one result per article or rejected input, in order. */
    public List<ReadResult> read(Path path) {
        List<ReadResult> out = new ArrayList<>();
        for (Path file : inputFiles(path)) {
            readFile(file, out::add);
        }
        return out;
    }

    /**
     * The files {@code path} stands for: itself when it is not a folder, else the readable files under
     * it ({@link #EXTENSIONS}), recursively, sorted by path. Entries that cannot be listed are included
     * so that reading them reports why.
     */
    public List<Path> inputFiles(Path path) {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(path) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !isHidden(file) && isReadable(file)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    files.add(file);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            files.add(path);
        }
        files.sort(null);
        return files;
    }

    /** Whether a file's name says it is one of the types read. */
    public static boolean isReadable(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /** Reads one file, handing each result to {@code out} as soon as it is ready (JSON Lines stream). */
    public void readFile(Path file, Consumer<ReadResult> out) {
        String origin = file.toString();
        String ext = extension(file);
        if (!EXTENSIONS.contains(ext)) {
            out.accept(ReadResult.rejected(origin, Files.isDirectory(file) ? "cannot read the folder"
                    : "not a file type ingest reads (" + (ext.isEmpty() ? "no extension" : "." + ext)
                    + "); it reads .txt, .json, .jsonl and .html files"));
            return;
        }
        try {
            if (!Files.isRegularFile(file)) {
                out.accept(ReadResult.rejected(origin, Files.exists(file) ? "not a regular file" : "no such file"));
                return;
            }
            long size = Files.size(file);
            if (ext.equals("jsonl")) {
                try (InputStream in = Files.newInputStream(file)) {
                    readJsonLines(in, origin + ":", out);
                }
                return;
            }
            if (size > MAX_INPUT_BYTES) {
                out.accept(ReadResult.rejected(origin, "file is " + size + " bytes, far over the limit of "
                        + normaliser.maxChars() + " characters (" + ArticleNormaliser.MAX_CHARS_SETTING + ")"));
                return;
            }
            if (ext.equals("html") || ext.equals("htm")) {
                out.accept(readPage(readPageBytes(file), origin));
                return;
            }
            String content = Decoding.decode(Files.readAllBytes(file));
            if (ext.equals("txt")) {
                out.accept(normaliser.normalise(origin, ArticleDraft.plainText(content)));
            } else {
                readJson(content, origin).forEach(out);
            }
        } catch (InputException e) {
            out.accept(ReadResult.rejected(origin, e.getMessage()));
        } catch (NoSuchFileException e) {
            out.accept(ReadResult.rejected(origin, "no such file"));
        } catch (AccessDeniedException e) {
            out.accept(ReadResult.rejected(origin, "cannot read: permission denied"));
        } catch (IOException e) {
            out.accept(ReadResult.rejected(origin, "cannot read: " + e.getMessage()));
        }
    }

    /**
     * Reads JSON Lines: one article object per line, blank lines skipped, each line's result named
     * {@code originPrefix + lineNumber} (e.g. {@code feed.jsonl:12}, {@code stdin:3}). Lines are read
     * as bytes up to {@link #MAX_INPUT_BYTES}, so one huge or broken line costs only itself.
     *
     * @throws IOException when the stream itself fails (not for bad content)
     */
    public void readJsonLines(InputStream stream, String originPrefix, Consumer<ReadResult> out) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        boolean utf16 = head.length >= 2 && ((head[0] & 0xFF) == 0xFE || (head[0] & 0xFF) == 0xFF);
        for (byte b : head) {
            if (b == 0 && !utf16) {
                out.accept(ReadResult.rejected(originPrefix + "1", "binary data, not JSON Lines (a NUL byte in the first "
                        + SNIFF_BYTES + " bytes)"));
                return;
            }
        }
        if (utf16) {
            out.accept(ReadResult.rejected(originPrefix + "1", "JSON Lines must be UTF-8; this looks like UTF-16"));
            return;
        }
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int lineNo = 0;
        boolean tooLong = false;
        while (true) {
            int b = in.read();
            if (b == '\n' || b < 0) {
                if (b < 0 && line.size() == 0 && !tooLong) {
                    break;
                }
                lineNo++;
                String origin = originPrefix + lineNo;
                if (tooLong) {
                    out.accept(ReadResult.rejected(origin, "line is over " + MAX_INPUT_BYTES + " bytes; skipped"));
                } else {
                    byte[] bytes = line.toByteArray();
                    int start = lineNo == 1 ? bomLength(bytes) : 0;
                    readJsonLine(bytes, start, origin, out);
                }
                line.reset();
                tooLong = false;
                if (b < 0) {
                    break;
                }
            } else if (!tooLong) {
                if (line.size() >= MAX_INPUT_BYTES) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(b);
                }
            }
        }
    }

    private void readJsonLine(byte[] bytes, int start, String origin, Consumer<ReadResult> out) {
        int end = bytes.length;
        if (end > start && bytes[end - 1] == '\r') {
            end--;
        }
        if (isBlank(bytes, start, end)) {
            return;
        }
        try {
            String json = Decoding.decode(bytes, start, end, java.nio.charset.StandardCharsets.UTF_8, start);
            JsonNode node = JsonArticles.parse(json);
            if (node.isArray()) {
                throw new InputException("expected a JSON object (one article per line), got an array");
            }
            out.accept(normaliser.normalise(origin, JsonArticles.draft(node)));
        } catch (InputException e) {
            out.accept(ReadResult.rejected(origin, e.getMessage()));
        }
    }

    /**
     * Reads a JSON document: one article object, or an array of them (results named
     * {@code origin[1]}, {@code origin[2]}...). A document that is not JSON gives one rejection.
     */
    public List<ReadResult> readJson(String json, String origin) {
        JsonNode node;
        try {
            node = JsonArticles.parse(json);
        } catch (InputException e) {
            return List.of(ReadResult.rejected(origin, e.getMessage()));
        }
        if (!node.isArray()) {
            return List.of(readJsonObject(node, origin));
        }
        if (node.isEmpty()) {
            return List.of(ReadResult.rejected(origin, "no articles: the JSON array is empty"));
        }
        List<ReadResult> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(readJsonObject(node.get(i), origin + "[" + (i + 1) + "]"));
        }
        return out;
    }

    private ReadResult readJsonObject(JsonNode node, String origin) {
        try {
            if (!node.isObject()) {
                throw new InputException("expected a JSON object (one article), got " + JsonArticles.kind(node));
            }
            return normaliser.normalise(origin, JsonArticles.draft(node));
        } catch (InputException e) {
            return ReadResult.rejected(origin, e.getMessage());
        }
    }

    /**
     * Reads a web page saved as a file: {@link #readPage(byte[], String, String, String)} with no charset
     * from a transport and no address it came from.
     */
    public ReadResult readPage(byte[] html, String origin) {
        return readPage(html, null, null, origin);
    }

    /**
     * Reads a web page: its bytes are decoded as a browser would (byte-order mark, the transport's
     * charset, {@code <meta charset>}, else UTF-8 or windows-1252), its article extracted, and the result
     * normalised like any article. The id comes from the page's canonical address, else from {@code url},
     * else (a saved page that declares no absolute address) from the text ({@link ArticleDraft#webPage}).
     *
     * @param charset the charset the transport declared ({@code Content-Type}), or null
     * @param url     the address the page was fetched from, or null
     */
    public ReadResult readPage(byte[] html, String charset, String url, String origin) {
        ExtractedPage page = pages.extract(PageBytes.decode(html, charset), url);
        if (!page.hasArticle()) {
            return ReadResult.rejected(origin, "no text (the page holds no article text)", page.warnings());
        }
        return normaliser.normalise(origin, ArticleDraft.webPage(page, url));
    }

    /**
     * Fetches the page at {@code url} and reads it as {@link #readPage(byte[], String, String, String)} does,
     * with the address it ended up at after redirects; the result is named by {@code url}. A page that
     * cannot be fetched is rejected with the reason.
     */
    public ReadResult readUrl(String url, PageFetcher fetcher) {
        PageFetcher.Page page;
        try {
            page = fetcher.fetch(url);
        } catch (FetchException e) {
            return ReadResult.rejected(url, e.getMessage());
        }
        return readPage(page.body(), page.charset(), page.url().toString(), url);
    }

    private static byte[] readPageBytes(Path file) throws IOException, InputException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
            return Files.readAllBytes(file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return PageBytes.gunzip(in, MAX_INPUT_BYTES);
        } catch (java.util.zip.ZipException e) {
            throw new InputException("not gzip data: " + e.getMessage());
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("inflates to more than")) {
                throw new InputException("gzipped page " + e.getMessage() + "; not read");
            }
            throw e;
        }
    }

    /** Reads plain text as one article, taking title and date from its first lines when they carry them. */
    public ReadResult readText(String text, String origin) {
        return normaliser.normalise(origin, ArticleDraft.plainText(text));
    }

    /**
     * Reads plain text with metadata given beside it (an HTTP request's query parameters or headers).
     * Recognised keys: {@code id}, {@code title}, {@code source} (the outlet), {@code url},
     * {@code publishedAt}, {@code language}; missing ones are taken from the text's first lines where
     * possible. An unreadable date is dropped with a warning.
     */
    public ReadResult readText(String text, java.util.Map<String, String> fields, String origin) {
        List<String> warnings = new ArrayList<>();
        String date = blankToNull(fields.get("publishedAt"));
        java.time.Instant publishedAt = null;
        if (date != null) {
            publishedAt = Dates.parseField(date).orElse(null);
            if (publishedAt == null) {
                warnings.add("publishedAt is not a date (" + ArticleNormaliser.quote(date)
                        + "; expected ISO-8601 such as 2024-12-28 or 2024-12-28T10:15:00Z); left out");
            }
        }
        String name = blankToNull(fields.get("source"));
        String url = blankToNull(fields.get("url"));
        Source source = name == null && url == null ? null : new Source(name, url);
        return normaliser.normalise(origin, new ArticleDraft(blankToNull(fields.get("id")), blankToNull(fields.get("title")),
                text, source, publishedAt, blankToNull(fields.get("language")), true, warnings));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Normalises an article whose fields were gathered elsewhere (an HTTP request's parameters, a test). */
    public ReadResult read(ArticleDraft draft, String origin) {
        return normaliser.normalise(origin, draft);
    }

    /** Decodes bytes as strict UTF-8 (or UTF-16 with a byte-order mark); a reason instead of an exception. */
    public static DecodedText decode(byte[] bytes, java.nio.charset.Charset charset) {
        try {
            return new DecodedText(Decoding.decode(bytes, charset), null);
        } catch (InputException e) {
            return new DecodedText(null, e.getMessage());
        }
    }

    /**
     * Text decoded from bytes, or why it could not be.
     *
     * @param text  the text, null when the bytes were not valid
     * @param error the reason, null when decoded
     */
    public record DecodedText(String text, String error) {
    }

    private static int bomLength(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    private static boolean isBlank(byte[] b, int start, int end) {
        for (int i = start; i < end; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** The file's type: its lower-case extension, {@code html} for a gzipped page ({@code .html.gz}, {@code .htm.gz}). */
    static String extension(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return "";
        }
        String s = name.toString();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html.gz") || lower.endsWith(".htm.gz")) {
            return "html";
        }
        int dot = s.lastIndexOf('.');
        return dot <= 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
