package io.newsstream.ingest.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to text, strictly: UTF-8 (a byte-order mark is dropped), or UTF-16 when a byte-order mark says
 * so. Binary data and bytes that are not valid UTF-8 are rejected with the offset of the first bad
 * byte, rather than decoded into replacement characters that would end up in the article.
 */
final class Decoding {

    private Decoding() {
    }

    static String decode(byte[] bytes) throws InputException {
        return decode(bytes, 0, bytes.length);
    }

    static String decode(byte[] bytes, int offset, int length) throws InputException {
        Charset charset = StandardCharsets.UTF_8;
        int start = offset;
        int end = offset + length;
        if (length >= 3 && (bytes[start] & 0xFF) == 0xEF && (bytes[start + 1] & 0xFF) == 0xBB && (bytes[start + 2] & 0xFF) == 0xBF) {
            start += 3;
        } else if (length >= 2 && (bytes[start] & 0xFF) == 0xFE && (bytes[start + 1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            start += 2;
        } else if (length >= 2 && (bytes[start] & 0xFF) == 0xFF && (bytes[start + 1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            start += 2;
        }
        if (charset == StandardCharsets.UTF_8) {
            for (int i = start; i < end; i++) {
                if (bytes[i] == 0) {
                    throw new InputException("binary data, not text (a NUL byte at offset " + (i - offset) + ")");
                }
            }
        }
        return decode(bytes, start, end, charset, offset);
    }

    /** Decodes with {@code charset}, or throws naming the charset and the offset of the first bad byte. */
    static String decode(byte[] bytes, int start, int end, Charset charset, int reportBase) throws InputException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, end - start);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) (end - start) + 16));
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new InputException("not valid " + charset.name() + " (bad byte sequence at offset " + (in.position() - reportBase)
                    + "); save the file as UTF-8");
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw new InputException("not valid " + charset.name() + " (the input ends inside a character); save the file as UTF-8");
        }
        out.flip();
        return out.toString();
    }

    /** Decodes a request body in the charset it declared. */
    static String decode(byte[] bytes, Charset charset) throws InputException {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return decode(bytes);
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputException("not valid " + charset.name() + " text");
        }
    }
}
