package io.trainingpipeline.ingest.fit;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Imports every {@code *.fit} file directly in a folder, oldest name first: activity files are
 * published and moved to {@code imported/}; monitoring, workout and settings files are moved to
 * {@code skipped/}; files that cannot be read are moved to {@code rejected/} beside a {@code
 * <name>.error.txt} holding the reason. One bad file never stops the batch. When publishing fails
 * the file stays where it is and is tried again on the next scan.
 */
public final class FitFolderImport {
    /** What one scan did. */
    public record Report(List<String> imported, List<String> skipped, List<Rejected> rejected) {}

    /** A rejected file and why. */
    public record Rejected(String file, String error) {}

    private FitFolderImport() {}

    /**
     * Scans {@code folder}.
     *
     * @param publish publishes one file's events; throwing leaves the file for the next scan
     */
    public static Report run(
            String athleteId,
            Path folder,
            FitActivityReader reader,
            Consumer<List<EventEnvelope<ActivityRecorded>>> publish) {
        List<String> imported = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (Path file : fitFiles(folder)) {
            String name = file.getFileName().toString();
            FitContent content;
            try {
                content = reader.read(name, Files.readAllBytes(file));
            } catch (FitFileException e) {
                moveAside(file, folder.resolve("rejected"), e.getMessage());
                rejected.add(new Rejected(name, e.getMessage()));
                continue;
            } catch (IOException e) {
                rejected.add(new Rejected(name, name + ": unreadable (" + e.getMessage() + ")"));
                continue;
            }
            if (!content.isActivity()) {
                moveAside(file, folder.resolve("skipped"), name + ": " + content.skipReason());
                skipped.add(name);
                continue;
            }
            publish.accept(FitActivityEvents.toEvents(athleteId, name, content));
            move(file, folder.resolve("imported"));
            imported.add(name);
        }
        return new Report(imported, skipped, rejected);
    }

    private static List<Path> fitFiles(Path folder) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder)) {
            for (Path p : dir) {
                if (Files.isRegularFile(p)
                        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".fit")) {
                    files.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list FIT folder", e);
        }
        files.sort(null);
        return files;
    }

    private static void moveAside(Path file, Path dir, String reason) {
        move(file, dir);
        Path note =
                dir.resolve(
                        file.getFileName()
                                + (dir.endsWith("rejected") ? ".error.txt" : ".reason.txt"));
        try {
            Files.writeString(note, reason + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(note + ": cannot write", e);
        }
    }

    private static void move(Path file, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot move to " + dir, e);
        }
    }
}
