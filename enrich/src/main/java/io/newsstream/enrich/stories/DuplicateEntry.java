package io.newsstream.enrich.stories;

/**
 * What the near-duplicate index keeps of one original article.
 *
 * @param id        article id
 * @param seenAt    ingest time, epoch milliseconds
 * @param shingles  how many distinct shingles its body has (to turn a Jaccard estimate into containment)
 * @param signature MinHash signature of its body shingles
 */
public record DuplicateEntry(String id, long seenAt, int shingles, int[] signature) {
}
