package io.trainingpipeline.ingest.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.trainingpipeline.ingest.config.IngestConfig;
import io.trainingpipeline.ingest.sync.SyncState;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Per-athlete high-water marks in {@code <ingest.data-dir>/ingest/<athlete>/state.json}, replaced
 * atomically so a crash leaves the old or the new state, never half of one.
 */
@ApplicationScoped
public class SyncStateStore {
    private final ObjectMapper json =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final Path root;

    public SyncStateStore(IngestConfig config) {
        this.root = Path.of(config.dataDir(), "ingest");
    }

    /** The athlete's state file. */
    public Path file(String athleteId) {
        return root.resolve(athleteId).resolve("state.json");
    }

    /** The stored state, or {@link SyncState#EMPTY}. */
    public synchronized SyncState load(String athleteId) {
        Path f = file(athleteId);
        if (!Files.isRegularFile(f)) {
            return SyncState.EMPTY;
        }
        try {
            return json.readValue(f.toFile(), SyncState.class);
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": unreadable sync state", e);
        }
    }

    /** Stores the state. */
    public synchronized void save(String athleteId, SyncState state) {
        Path f = file(athleteId);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".state", ".tmp");
            json.writeValue(tmp.toFile(), state);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(f + ": cannot write sync state", e);
        }
    }
}
