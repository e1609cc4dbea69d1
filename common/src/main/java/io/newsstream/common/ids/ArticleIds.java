package io.newsstream.common.ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Stable article ids. An article that carries no id of its own gets one derived from its normalised
 * text (a web page: from its canonical address, {@link #fromUrl}), so the same article ingested twice (from a file and over HTTP, say) gets the same id.
 * Normalisation folds what differs between copies of one text but not its words: Unicode form,
 * case, quote and dash styles, white space.
 */
public final class ArticleIds {

    /** Characters of hex kept from the SHA-256: 64 bits, collision-free for any realistic archive. */
    public static final int HEX_LENGTH = 16;

    private ArticleIds() {
    }

    /** The id for {@code text}: 16 lower-case hex characters of the SHA-256 of its normal form. */
    public static String fromText(String text) {
        return HexFormat.of().formatHex(sha256(normalise(text))).substring(0, HEX_LENGTH);
    }

    /**
     * The id of a web article: 16 lower-case hex characters of the SHA-256 of its address's normal form
     * ({@link CanonicalUrl}, with http and https as one), so a page seen twice, or through a campaign
     * link, is one article; null when {@code url} is not an http(s) address.
     */
    public static String fromUrl(String url) {
        String key = CanonicalUrl.idKey(url);
        return key == null ? null : HexFormat.of().formatHex(sha256(key)).substring(0, HEX_LENGTH);
    }

    /** The normal form the id is computed from. */
    public static String normalise(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char m = switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                default -> c;
            };
            if (Character.isWhitespace(m) || Character.isSpaceChar(m)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(m);
        }
        return out.toString();
    }

    /** Whether {@code id} is usable as a record key: 1–128 printable characters without spaces. */
    public static boolean isValid(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c == 0x7F || Character.isISOControl(c) || Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
