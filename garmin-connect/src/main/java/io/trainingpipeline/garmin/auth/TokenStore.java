package io.trainingpipeline.garmin.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainingpipeline.garmin.GarminException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * Reads and writes token files. Format (also python-garminconnect's {@code garmin_tokens.json}):
 * {@code {"di_token", "di_refresh_token", "di_client_id"}}; our own files add {@code expires_at}
 * (epoch seconds). Files are written atomically with mode 0600 (directory 0700); errors name the
 * file and the missing key, never a value.
 */
public final class TokenStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenStore() {}

    /** Reads a python-garminconnect or own token file. */
    public static DiTokens read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new GarminException(
                    file + ": not a readable token file (" + e.getClass().getSimpleName() + ")");
        }
        String access = required(file, root, "di_token");
        String refresh = required(file, root, "di_refresh_token");
        String client = required(file, root, "di_client_id");
        Instant exp = DiTokens.jwtExpiry(access);
        if (exp.equals(Instant.EPOCH) && root.path("expires_at").canConvertToLong()) {
            exp = Instant.ofEpochSecond(root.path("expires_at").asLong());
        }
        return new DiTokens(access, refresh, client, exp);
    }

    /** Writes {@code tokens} to {@code file}, mode 0600, replacing it atomically. */
    public static void write(Path file, DiTokens tokens) {
        ObjectNode root = JSON.createObjectNode();
        root.put("di_token", tokens.accessToken());
        root.put("di_refresh_token", tokens.refreshToken());
        root.put("di_client_id", tokens.clientId());
        root.put("expires_at", tokens.expiresAt().getEpochSecond());
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (!Files.isDirectory(dir)) {
                try {
                    Files.createDirectories(
                            dir,
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException raced) {
                    // another writer created it first
                }
            }
            // the temp file is created 0600 before any byte is written: never readable by others
            Path tmp =
                    Files.createTempFile(
                            dir,
                            ".tokens",
                            ".tmp",
                            PosixFilePermissions.asFileAttribute(
                                    PosixFilePermissions.fromString("rw-------")));
            Files.write(tmp, JSON.writeValueAsBytes(root));
            try {
                Files.move(
                        tmp,
                        file,
                        StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new GarminException(
                    file + ": cannot write token file (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static String required(Path file, JsonNode root, String key) {
        JsonNode v = root.path(key);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new GarminException(file + ": token file lacks \"" + key + "\"");
        }
        return v.asText();
    }
}
