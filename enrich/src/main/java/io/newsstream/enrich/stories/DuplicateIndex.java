package io.newsstream.enrich.stories;

import java.util.List;

/**
 * Storage behind {@link NearDuplicateDetector}: original articles by id and by LSH bucket, bounded in
 * time. {@link InMemoryDuplicateIndex} serves the offline path; the topology uses a state-store-backed
 * index whose changes are changelogged.
 */
public interface DuplicateIndex {

    /** The original with this id, or null. */
    DuplicateEntry get(String id);

    /** Ids of originals in LSH bucket {@code bucket}, oldest first. */
    List<String> bucket(long bucket);

    /** Adds an original under each of its buckets; a bucket keeps at most {@code bucketCap} ids, the newest. */
    void put(DuplicateEntry entry, long[] buckets, int bucketCap, long expiresAt);

    /** The latest ingest time seen so far, epoch milliseconds ({@link Long#MIN_VALUE} before the first). */
    long watermark();

    void watermark(long watermark);

    /** Forgets everything that expires at or before {@code now}. */
    void expire(long now);
}
