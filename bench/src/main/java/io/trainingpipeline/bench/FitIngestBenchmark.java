package io.trainingpipeline.bench;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import io.trainingpipeline.ingest.fit.FitActivityReader;
import io.trainingpipeline.ingest.fit.FitFolderImport;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import io.trainingpipeline.testkit.fixtures.FitFixtures;
import io.trainingpipeline.testkit.kafka.KafkaBroker;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * FIT ingest through ingest-service's folder import ({@link FitFolderImport}, the code {@code
 * FitFolderJob} and {@code POST /athletes/{id}/fit/folder} run: read each file, decode with
 * sessions, HR histogram, zones and rMSSD, map to events, JSON, publish to the in-JVM broker with
 * acks=all and wait for the acknowledgement per file as {@code EventPublisher} does, move the file
 * to {@code imported/}) against a raw Garmin FIT SDK decode (session + record listeners, one
 * thread) of the same files read from the same folder, in the same run.
 *
 * <p>Arguments: number of files (the fixture activities repeated, as hard links), default 2000;
 * decode threads for the import, default the number of processors (the service's default). Prints
 * two {@code BENCH|} lines: the service's folder import, and the same import on one thread (the
 * per-file cost of an upload).
 */
public final class FitIngestBenchmark {
    private FitIngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int threads =
                args.length > 1
                        ? Integer.parseInt(args[1])
                        : Runtime.getRuntime().availableProcessors();
        FitActivityReader reader = new FitActivityReader(190);
        List<Path> activities = new ArrayList<>();
        for (Path p : FitFixtures.valid()) {
            if (reader.read(p.toString(), FitFixtures.bytes(p)).isActivity()) {
                activities.add(p.toAbsolutePath());
            }
        }
        Path tmp = Files.createTempDirectory("fit-bench");
        try (KafkaBroker broker = KafkaBroker.start(3);
                KafkaProducer<String, byte[]> producer =
                        BenchClients.producer(broker.bootstrapServers())) {
            broker.createTopics(List.of(Topics.INGEST_ACTIVITY), 3);
            long[] publishNanos = {0};
            Consumer<List<EventEnvelope<ActivityRecorded>>> publish =
                    events -> {
                        long t0 = System.nanoTime();
                        send(producer, events);
                        publishNanos[0] += System.nanoTime() - t0;
                    };
            long mb = 0;
            for (int i = 0; i < files; i++) {
                mb += Files.size(activities.get(i % activities.size()));
            }
            System.out.printf(
                    "%d files (%d MB) from %d fixture activities, %d decode threads%n",
                    files, mb >> 20, activities.size(), threads);

            // warm-up of every path (JIT), then the measured runs on fresh folders
            int warm = Math.min(200, files);
            rawDecode(folder(tmp, "warm-raw", activities, warm));
            FitFolderImport.run(
                    "bench", folder(tmp, "warm-1", activities, warm), reader, publish, 1);
            FitFolderImport.run(
                    "bench", folder(tmp, "warm-n", activities, warm), reader, publish, threads);

            // measured runs interleaved in rounds, so a change of machine load (the machine is
            // shared) hits every path alike; each path gets fresh folders
            int rounds = Math.max(1, Math.min(5, files / 100));
            long rawNanos = 0;
            long parNanos = 0;
            long oneNanos = 0;
            long parPublish = 0;
            long onePublish = 0;
            for (int r = 0; r < rounds; r++) {
                int n = files / rounds + (r < files % rounds ? 1 : 0);
                Path rawDir = folder(tmp, "raw-" + r, activities, n);
                rawNanos += time(() -> rawDecode(rawDir));
                publishNanos[0] = 0;
                Path parDir = folder(tmp, "import-n-" + r, activities, n);
                parNanos +=
                        time(
                                () ->
                                        check(
                                                n,
                                                FitFolderImport.run(
                                                        "bench", parDir, reader, publish,
                                                        threads)));
                parPublish += publishNanos[0];
                publishNanos[0] = 0;
                Path oneDir = folder(tmp, "import-1-" + r, activities, n);
                oneNanos +=
                        time(
                                () ->
                                        check(
                                                n,
                                                FitFolderImport.run(
                                                        "bench", oneDir, reader, publish, 1)));
                onePublish += publishNanos[0];
            }
            double raw = files / (rawNanos / 1e9);
            double par = files / (parNanos / 1e9);
            double one = files / (oneNanos / 1e9);
            System.out.printf(
                    "%d rounds; time spent publishing (JSON, send, wait for acks): %.1f of %.1f s"
                            + " (%d threads), %.1f of %.1f s (1 thread)%n",
                    rounds,
                    parPublish / 1e9,
                    parNanos / 1e9,
                    threads,
                    onePublish / 1e9,
                    oneNanos / 1e9);
            System.out.printf("raw FIT SDK decode, 1 thread      %8.1f files/s  1.00%n", raw);
            System.out.printf(
                    "ingest folder import, %d threads   %8.1f files/s  %.2f%n",
                    threads, par, par / raw);
            System.out.printf(
                    "ingest folder import, 1 thread    %8.1f files/s  %.2f%n", one, one / raw);
            String baseline = String.format("raw com.garmin:fit decode 1 thread %.1f files/s", raw);
            bench(
                    "FIT ingest "
                            + files
                            + " files (folder import, "
                            + threads
                            + " decode threads)",
                    par,
                    baseline,
                    par / raw);
            bench(
                    "FIT ingest " + files + " files (1 thread, per-file cost)",
                    one,
                    baseline,
                    one / raw);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void bench(String name, double rate, String baseline, double ratio) {
        System.out.printf(
                "BENCH|%s|%.1f files/s|%s|%.2fx|>= 0.8x|%s%n",
                name, rate, baseline, ratio, ratio >= 0.8 ? "yes" : "no");
    }

    private static void check(int files, FitFolderImport.Report r) {
        if (r.imported().size() != files) {
            throw new IllegalStateException(
                    "imported " + r.imported().size() + " of " + files + ": " + r.rejected());
        }
    }

    /** The same per-file contract as EventPublisher: all sends in flight, then every ack. */
    private static void send(
            KafkaProducer<String, byte[]> producer, List<EventEnvelope<ActivityRecorded>> events) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        for (EventEnvelope<ActivityRecorded> e : events) {
            acks.add(
                    producer.send(
                            new ProducerRecord<>(
                                    Topics.INGEST_ACTIVITY, e.athleteId(), EventJson.toBytes(e))));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void rawDecode(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(p);
                Decode decode = new Decode();
                MesgBroadcaster b = new MesgBroadcaster(decode);
                int[] count = new int[1];
                b.addListener((com.garmin.fit.SessionMesgListener) m -> count[0]++);
                b.addListener((com.garmin.fit.RecordMesgListener) m -> count[0]++);
                decode.read(new ByteArrayInputStream(bytes), b, b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code n} files named in order, hard links to the fixtures (copies where links fail). */
    private static Path folder(Path tmp, String name, List<Path> activities, int n)
            throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (int i = 0; i < n; i++) {
            Path src = activities.get(i % activities.size());
            Path dst = dir.resolve(String.format("%06d.fit", i));
            try {
                Files.createLink(dst, src);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(src, dst);
            }
        }
        return dir;
    }

    private static long time(Runnable work) {
        long t0 = System.nanoTime();
        work.run();
        return System.nanoTime() - t0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
