package io.newsstream.ingest.clean;

/** Removes page furniture (cookie notices, embeds, sidebars) from article text; a pass-through placeholder here. */
public final class PageFurniture {

    private PageFurniture() {
    }

    /** The text without page furniture. */
    public static String strip(String text) {
        return text;
    }
}
