package io.trainingpipeline.ingest.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.testkit.fixtures.FitFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitFolderImportParallelTest {
    private final FitActivityReader reader = new FitActivityReader(190);

    @Test
    void decodingOnSeveralThreadsPublishesTheSameEventsInTheSameOrderAsOneThread(@TempDir Path tmp)
            throws IOException {
        Path one = fill(tmp.resolve("one"));
        Path four = fill(tmp.resolve("four"));
        List<String> seqIds = new ArrayList<>();
        List<String> parIds = new ArrayList<>();

        FitFolderImport.Report seq =
                FitFolderImport.run("a", one, reader, events -> ids(events, seqIds), 1);
        FitFolderImport.Report par =
                FitFolderImport.run("a", four, reader, events -> ids(events, parIds), 4);

        assertThat(par).isEqualTo(seq);
        assertThat(parIds).isEqualTo(seqIds).isNotEmpty();
        assertThat(par.rejected()).hasSize(FitFixtures.invalid().size());
        for (FitFolderImport.Rejected bad : par.rejected()) {
            assertThat(bad.error()).startsWith(bad.file() + ": ");
            assertThat(four.resolve("rejected").resolve(bad.file() + ".error.txt")).exists();
        }
        try (Stream<Path> left = Files.list(four)) {
            assertThat(left.filter(p -> p.toString().endsWith(".fit"))).isEmpty();
        }
    }

    @Test
    void aPublishFailureLeavesThatBatchAndLaterFilesInPlaceAndKeepsEarlierBatchesImported(
            @TempDir Path tmp) throws IOException {
        Path folder = tmp.resolve("f");
        Files.createDirectories(folder);
        Path run = FitFixtures.file("2013-02-06-12-11-14.fit");
        int files = FitFolderImport.PUBLISH_BATCH * 2 + 3;
        for (int i = 0; i < files; i++) {
            Files.copy(run, folder.resolve(String.format("%03d.fit", i)));
        }
        Set<String> published = new HashSet<>();
        int[] calls = {0};

        assertThatThrownBy(
                        () ->
                                FitFolderImport.run(
                                        "a",
                                        folder,
                                        reader,
                                        events -> {
                                            if (++calls[0] == 2) {
                                                throw new IllegalStateException("broker down");
                                            }
                                            events.forEach(e -> published.add(e.payload().name()));
                                        },
                                        3))
                .hasMessage("broker down");

        assertThat(published).hasSize(FitFolderImport.PUBLISH_BATCH);
        try (Stream<Path> imported = Files.list(folder.resolve("imported"))) {
            assertThat(imported.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(published);
        }
        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left.filter(p -> p.toString().endsWith(".fit")))
                    .hasSize(files - FitFolderImport.PUBLISH_BATCH);
        }
    }

    private static void ids(List<EventEnvelope<ActivityRecorded>> events, List<String> into) {
        for (EventEnvelope<ActivityRecorded> e : events) {
            into.add(e.eventId());
        }
    }

    /** Every valid fixture twice (as different names) and every invalid one. */
    private static Path fill(Path folder) throws IOException {
        Files.createDirectories(folder);
        int i = 0;
        for (int round = 0; round < 2; round++) {
            for (Path p : FitFixtures.valid()) {
                Files.copy(p, folder.resolve(String.format("%03d-%s", i++, p.getFileName())));
            }
        }
        for (Path p : FitFixtures.invalid()) {
            Files.copy(p, folder.resolve(String.format("%03d-%s", i++, p.getFileName())));
        }
        return folder;
    }
}
