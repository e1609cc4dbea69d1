package io.newsstream.ingest.feed;

import java.time.Instant;

/**
 * One item of an RSS feed or entry of an Atom feed.
 *
 * @param title       the entry's title, or null
 * @param link        absolute address of the entry's page, or null when the feed gives none
 * @param publishedAt publication (else update) time, or null when absent or unreadable
 * @param body        the entry's HTML content ({@code content:encoded}, Atom {@code content}), else its
 *                    summary or description; null when it has neither
 */
public record FeedEntry(String title, String link, Instant publishedAt, String body) {
}
