package io.newsstream.enrich.stories;

import io.newsstream.common.model.StoryRef;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compact binary forms of the story state records, for the state stores: a few microseconds to read or
 * write, where JSON would dominate the cost of comparing an article with a dozen stories. Each form
 * starts with a version byte so a later release can read what an earlier one stored.
 */
final class Codec {

    private static final byte VERSION = 1;
    /**
     * Stories since the TF-IDF centroids (version 1 kept representative articles' MinHash signatures).
     * A story or article stored in the older form reads as absent: its story is started afresh.
     */
    private static final byte STORY_VERSION = 2;

    private Codec() {
    }

    static byte[] articleFeatures(ArticleFeatures a) {
        return write(STORY_VERSION, out -> {
            out.writeUTF(a.id());
            StoryRef s = a.story();
            out.writeUTF(s.id());
            out.writeBoolean(s.duplicateOf() != null);
            if (s.duplicateOf() != null) {
                out.writeUTF(s.duplicateOf());
            }
            out.writeDouble(s.similarity());
            out.writeLong(a.seenAt());
            out.writeBoolean(a.publishedAt() != null);
            if (a.publishedAt() != null) {
                out.writeLong(a.publishedAt());
            }
            out.writeShort(a.entities().size());
            for (Map.Entry<String, Double> e : a.entities().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeDouble(e.getValue());
            }
            ints(out, a.content());
        });
    }

    /** The article's features, or null when stored by an earlier release in a form this one cannot use. */
    static ArticleFeatures articleFeatures(byte[] bytes) {
        return read(bytes, STORY_VERSION, in -> {
            String id = in.readUTF();
            String story = in.readUTF();
            String duplicateOf = in.readBoolean() ? in.readUTF() : null;
            double similarity = in.readDouble();
            long seenAt = in.readLong();
            Long publishedAt = in.readBoolean() ? in.readLong() : null;
            int n = in.readShort();
            Map<String, Double> entities = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                entities.put(in.readUTF(), in.readDouble());
            }
            return new ArticleFeatures(id, new StoryRef(story, duplicateOf, similarity), seenAt, publishedAt, entities,
                    ints(in));
        });
    }

    static byte[] story(StoryState s) {
        return write(STORY_VERSION, out -> {
            out.writeUTF(s.id());
            out.writeLong(s.firstSeen());
            out.writeLong(s.lastSeen());
            out.writeBoolean(s.lastPublished() != null);
            if (s.lastPublished() != null) {
                out.writeLong(s.lastPublished());
            }
            out.writeInt(s.articles());
            out.writeUTF(s.language() == null ? "" : s.language());
            vector(out, s.terms());
            vector(out, s.entities());
            // a trailing field: stories written before it read as of no known year
            out.writeShort(s.latestYear());
        });
    }

    /** The story, or null when it was stored by an earlier release in a form this one cannot use. */
    static StoryState story(byte[] bytes) {
        return read(bytes, STORY_VERSION, in -> {
            String id = in.readUTF();
            long firstSeen = in.readLong();
            long lastSeen = in.readLong();
            Long lastPublished = in.readBoolean() ? in.readLong() : null;
            int articles = in.readInt();
            String language = in.readUTF();
            String lang = language.isEmpty() ? null : language;
            TermVector terms = vector(in);
            TermVector entities = vector(in);
            return new StoryState(id, firstSeen, lastSeen, lastPublished, articles, lang, terms, entities,
                    in.available() > 0 ? in.readShort() : 0);
        });
    }

    static byte[] duplicateEntry(DuplicateEntry e) {
        return write(out -> {
            out.writeUTF(e.id());
            out.writeLong(e.seenAt());
            out.writeInt(e.shingles());
            ints(out, e.signature());
            // a trailing field: entries written before copies were indexed read as originals
            if (e.copyOf() != null) {
                out.writeUTF(e.copyOf());
            }
        });
    }

    static DuplicateEntry duplicateEntry(byte[] bytes) {
        return read(bytes, in -> new DuplicateEntry(in.readUTF(), in.readLong(), in.readInt(), ints(in),
                in.available() > 0 ? in.readUTF() : null));
    }

    static byte[] strings(List<String> list) {
        return write(out -> strings(out, list));
    }

    static List<String> strings(byte[] bytes) {
        return bytes == null ? List.of() : read(bytes, Codec::strings);
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static byte[] write(Writer w) {
        return write(VERSION, w);
    }

    private static byte[] write(byte version, Writer w) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeByte(version);
            w.write(out);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(byte[] bytes, Reader<T> r) {
        return read(bytes, VERSION, r);
    }

    /** Reads a form of {@code version}; an older form reads as null, a newer one is refused. */
    private static <T> T read(byte[] bytes, byte version, Reader<T> r) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            byte stored = in.readByte();
            if (stored < version) {
                return null;
            }
            if (stored != version) {
                throw new IllegalStateException("story state written in format " + stored + ", this build reads " + version);
            }
            return r.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void vector(DataOutputStream out, TermVector v) throws IOException {
        out.writeShort(v.size());
        for (int i = 0; i < v.size(); i++) {
            out.writeInt(v.key(i));
            out.writeFloat(v.weight(i));
        }
    }

    private static TermVector vector(DataInputStream in) throws IOException {
        int n = in.readShort();
        int[] keys = new int[n];
        float[] weights = new float[n];
        for (int i = 0; i < n; i++) {
            keys[i] = in.readInt();
            weights[i] = in.readFloat();
        }
        return new TermVector(keys, weights);
    }

    private static void ints(DataOutputStream out, int[] a) throws IOException {
        out.writeShort(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    private static int[] ints(DataInputStream in) throws IOException {
        int[] a = new int[in.readShort()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeShort(list.size());
        for (String s : list) {
            out.writeUTF(s);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readShort();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
    }
}
