package io.trainingpipeline.planner.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingStoreTest {
    @TempDir Path dir;

    final PendingAdaptation open =
            new PendingAdaptation(
                    "flags-1",
                    "ann",
                    LocalDate.parse("2026-11-30"),
                    3,
                    List.of("hrv_suppressed", "sleep_short"),
                    Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void anOpenAdaptationSurvivesARestart() {
        Path file = dir.resolve("pending.json");
        new PendingStore(file).put(open);

        PendingStore restarted = new PendingStore(file);

        assertThat(restarted.get("flags-1")).contains(open);
        assertThat(restarted.all()).containsExactly(open);
    }

    @Test
    void aClosedAdaptationIsGoneAfterARestart() {
        Path file = dir.resolve("pending.json");
        PendingStore store = new PendingStore(file);
        store.put(open);
        store.remove("flags-1");

        assertThat(new PendingStore(file).all()).isEmpty();
    }

    @Test
    void anUnreadableFileStartsEmptyInsteadOfStoppingTheService() throws Exception {
        Path file = dir.resolve("pending.json");
        Files.writeString(file, "{not json");

        PendingStore store = new PendingStore(file);

        assertThat(store.all()).isEmpty();
        store.put(open); // and the file is usable again
        assertThat(new PendingStore(file).contains("flags-1")).isTrue();
    }
}
