package io.newsstream.ingest.extract;

final class SentenceFurniture {
    private SentenceFurniture() {
    }

    static String clean(String block) {
        return block;
    }
}
