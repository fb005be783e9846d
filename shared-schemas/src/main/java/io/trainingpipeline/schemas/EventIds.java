package io.trainingpipeline.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Deterministic event ids. An id is a name-based UUID (SHA-256, version bits 8 "custom") of the
 * event type and the source's natural key, so re-importing the same activity or night yields the
 * same id and every consumer can drop it as already processed.
 */
public final class EventIds {
    private EventIds() {}

    /**
     * The id for an event of {@code type} whose natural key is {@code keyParts} (for example the
     * source, the athlete and Garmin's activity id).
     */
    public static String of(EventType type, Object... keyParts) {
        StringBuilder name = new StringBuilder(type.typeName()).append('|').append(type.version());
        for (Object part : keyParts) {
            name.append('|').append(part);
        }
        byte[] hash = sha256(name.toString().getBytes(StandardCharsets.UTF_8));
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        msb = (msb & ~0xF000L) | 0x8000L; // version 8: implementation-defined name-based UUID
        lsb = (lsb & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(msb, lsb).toString();
    }

    /** Hex SHA-256 of arbitrary bytes: file hashes, plan content hashes. */
    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
