package io.newsstream.enrich.stories;

/**
 * What the near-duplicate index keeps of one article: an original, or a copy of one (so that a verbatim
 * reprint of an edited copy is found even when it is too far from the original itself).
 *
 * @param id        article id
 * @param seenAt    ingest time, epoch milliseconds
 * @param shingles  how many distinct shingles its body has (to turn a Jaccard estimate into containment)
 * @param signature MinHash signature of its body shingles
 * @param copyOf    the original this article is a copy of; null for an original
 */
public record DuplicateEntry(String id, long seenAt, int shingles, int[] signature, String copyOf) {

    /** An original. */
    public DuplicateEntry(String id, long seenAt, int shingles, int[] signature) {
        this(id, seenAt, shingles, signature, null);
    }

    /** The original this entry stands for: its own id, or the one it is a copy of. */
    public String original() {
        return copyOf == null ? id : copyOf;
    }
}
