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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Imports every {@code *.fit} file directly in a folder, oldest name first: activity files are
 * published (in batches) and moved to {@code imported/}; monitoring, workout and settings files are
 * moved to {@code skipped/}; files that cannot be read are moved to {@code rejected/} beside a
 * {@code <name>.error.txt} holding the reason. One bad file never stops the batch. When publishing
 * fails the file stays where it is and is tried again on the next scan.
 */
public final class FitFolderImport {
    /** What one scan did. */
    public record Report(List<String> imported, List<String> skipped, List<Rejected> rejected) {}

    /** A rejected file and why. */
    public record Rejected(String file, String error) {}

    /** One file read and decoded (off the publishing thread): content, or why it failed. */
    private record Decoded(Path file, FitContent content, String error, boolean unreadable) {}

    /** Activity files published together (one acknowledgement wait per batch). */
    static final int PUBLISH_BATCH = 16;

    private FitFolderImport() {}

    /** Scans {@code folder} decoding on the calling thread only. */
    public static Report run(
            String athleteId,
            Path folder,
            FitActivityReader reader,
            Consumer<List<EventEnvelope<ActivityRecorded>>> publish) {
        return run(athleteId, folder, reader, publish, 1);
    }

    /**
     * Scans {@code folder}. Files are read and decoded by {@code threads} threads (decoding is
     * CPU-bound and files are independent), a few files ahead of the calling thread, which
     * publishes and moves them in name order. Activities are published {@value #PUBLISH_BATCH}
     * files at a time (one wait for the broker's acknowledgement instead of one per file) and moved
     * to {@code imported/} only after their batch was acknowledged.
     *
     * @param publish publishes the events of one batch of files; throwing leaves that batch's files
     *     (and every later one) for the next scan, which publishes them again with the same event
     *     ids
     * @param threads decoding threads; 1 decodes on the calling thread
     */
    public static Report run(
            String athleteId,
            Path folder,
            FitActivityReader reader,
            Consumer<List<EventEnvelope<ActivityRecorded>>> publish,
            int threads) {
        List<String> imported = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        List<Path> files = fitFiles(folder);
        List<EventEnvelope<ActivityRecorded>> batch = new ArrayList<>();
        List<Path> batchFiles = new ArrayList<>();
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads, DAEMON) : null;
        try {
            // bounded look-ahead: memory stays a few decoded files, whatever the folder's size
            int window = Math.max(1, threads * 2);
            Deque<Future<Decoded>> ahead = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !ahead.isEmpty()) {
                while (pool != null && next < files.size() && ahead.size() < window) {
                    Path file = files.get(next++);
                    ahead.add(pool.submit(() -> decode(file, reader)));
                }
                Decoded d = pool != null ? await(ahead.poll()) : decode(files.get(next++), reader);
                String name = d.file().getFileName().toString();
                if (d.unreadable()) {
                    rejected.add(new Rejected(name, d.error()));
                } else if (d.error() != null) {
                    moveAside(d.file(), folder.resolve("rejected"), d.error());
                    rejected.add(new Rejected(name, d.error()));
                } else if (!d.content().isActivity()) {
                    moveAside(
                            d.file(),
                            folder.resolve("skipped"),
                            name + ": " + d.content().skipReason());
                    skipped.add(name);
                } else {
                    batch.addAll(FitActivityEvents.toEvents(athleteId, name, d.content()));
                    batchFiles.add(d.file());
                    if (batchFiles.size() >= PUBLISH_BATCH) {
                        flush(folder, publish, batch, batchFiles, imported);
                    }
                }
            }
            flush(folder, publish, batch, batchFiles, imported);
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        return new Report(imported, skipped, rejected);
    }

    private static void flush(
            Path folder,
            Consumer<List<EventEnvelope<ActivityRecorded>>> publish,
            List<EventEnvelope<ActivityRecorded>> batch,
            List<Path> batchFiles,
            List<String> imported) {
        if (batchFiles.isEmpty()) {
            return;
        }
        publish.accept(List.copyOf(batch));
        for (Path file : batchFiles) {
            move(file, folder.resolve("imported"));
            imported.add(file.getFileName().toString());
        }
        batch.clear();
        batchFiles.clear();
    }

    private static Decoded decode(Path file, FitActivityReader reader) {
        String name = file.getFileName().toString();
        try {
            return new Decoded(file, reader.read(name, Files.readAllBytes(file)), null, false);
        } catch (FitFileException e) {
            return new Decoded(file, null, e.getMessage(), false);
        } catch (IOException e) {
            return new Decoded(file, null, name + ": unreadable (" + e.getMessage() + ")", true);
        }
    }

    private static Decoded await(Future<Decoded> decoded) {
        try {
            return decoded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("FIT folder import interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("FIT decode failed", e.getCause());
        }
    }

    private static final ThreadFactory DAEMON =
            r -> {
                Thread t = new Thread(r, "fit-decode");
                t.setDaemon(true);
                return t;
            };

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
