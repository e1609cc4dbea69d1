package io.newsstream.enrich.entities;

import io.newsstream.common.model.EntityType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable entity ids: {@code ent_} and the first 12 hex digits of SHA-256 over the type and the
 * normalised canonical name, so the same entity has the same id in every article and every run.
 */
public final class EntityIds {

    private EntityIds() {
    }

    /** The id of the canonical entity {@code name} of {@code type}. */
    public static String of(EntityType type, String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((type.name() + '|' + EntityLexicon.normalize(name)).getBytes(StandardCharsets.UTF_8));
            return "ent_" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
