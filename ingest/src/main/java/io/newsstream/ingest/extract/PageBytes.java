package io.newsstream.ingest.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Turns the bytes of a web page into text the way a browser would: a byte-order mark first, then the
 * charset the transport declared, then a {@code <meta charset>} in the first 4 KiB, then UTF-8 when the
 * bytes are valid UTF-8, else windows-1252 (what browsers assume for "ISO-8859-1" and unlabelled pages).
 */
public final class PageBytes {

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]{1,40})", Pattern.CASE_INSENSITIVE);
    private static final int SNIFF = 4096;

    private PageBytes() {
    }

    /**
     * @param bytes    the page
     * @param declared charset named by the transport (an HTTP {@code Content-Type}), or null
     * @return the page as text
     */
    public static String decode(byte[] bytes, String declared) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        Charset charset = charset(declared);
        if (charset == null) {
            String head = new String(bytes, 0, Math.min(bytes.length, SNIFF), StandardCharsets.ISO_8859_1);
            Matcher m = META_CHARSET.matcher(head);
            if (m.find()) {
                charset = charset(m.group(1));
            }
        }
        if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
            return new String(bytes, charset);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // Labelled UTF-8 (or unlabelled) but not valid: a legacy page; read it as browsers do.
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /**
     * Reads a gzipped page, refusing to inflate more than {@code maxBytes} (a gzip bomb).
     *
     * @throws IOException when the data is not gzip or inflates past the limit
     */
    public static byte[] gunzip(InputStream in, long maxBytes) throws IOException {
        try (GZIPInputStream gz = new GZIPInputStream(in, 1 << 16)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = gz.read(buf)) > 0) {
                total += n;
                if (total > maxBytes) {
                    throw new IOException("inflates to more than " + maxBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
            n = "windows-1252";
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
