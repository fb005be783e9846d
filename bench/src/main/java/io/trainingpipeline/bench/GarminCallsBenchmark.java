package io.trainingpipeline.bench;

import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.testkit.garmin.MiniGarmin;
import io.trainingpipeline.testkit.garmin.MiniGarminAuth.Tokens;
import io.trainingpipeline.testkit.kafka.KafkaBroker;
import io.trainingpipeline.testkit.process.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Garmin Connect calls ingest-service makes on one normal day. Runs the packaged service ({@code
 * ingest-service/target/quarkus-app}) as a process against Mini-Garmin and the in-JVM broker (all
 * on 127.0.0.1), imports tokens, runs a backfill to completion, then triggers the day's flows
 * through the service's REST commands (the same {@code SyncService} the crons call) and counts the
 * requests Mini-Garmin served for each: {@code sync_daily} (01:00 cron) and {@code sync_catchup}
 * (10:00 cron). Baseline, same run: the same catch-up with the high-water marks removed (the state
 * file deleted), i.e. what a sync that re-fetches its whole window (the last {@code
 * ingest.catchup-max-days} = 14 days) costs per run.
 *
 * <p>Arguments: backfill days (default 90), Mini-Garmin seed (default 42). Run from the repository
 * root after {@code ./mvnw -pl bench -am package -DskipTests}.
 */
public final class GarminCallsBenchmark {
    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final String ATHLETE = "bench-calls";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GarminCallsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 90;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        Path repo = Path.of("").toAbsolutePath();
        Path work = Files.createTempDirectory("garmin-calls-bench");
        LocalDate today = LocalDate.now(ZONE);
        Path log = null;
        try (KafkaBroker broker = KafkaBroker.start(3);
                MiniGarmin garmin = MiniGarmin.start(seed, today, days + 1, ZONE)) {
            broker.createTopics(Topics.all(), 3);
            Map<String, String> env = new HashMap<>();
            env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
            env.put("GARMIN_API_BASE_URL", garmin.baseUrl());
            env.put("GARMIN_AUTH_BASE_URL", garmin.baseUrl());
            env.put("GARMIN_SSO_BASE_URL", garmin.baseUrl());
            env.put("GARMIN_TOKEN_FILE", work.resolve("garmin/{athlete}/tokens.json").toString());
            env.put("INGEST_DATA_DIR", work.resolve("ingest").toString());
            env.put("INGEST_FIT_FOLDER_SCAN", "off");
            env.put("INGEST_SYNC_ENABLED", "false"); // flows run on command only, none by cron
            try (ServiceProcess ingest =
                    ServiceProcess.start(repo, "ingest-service", env, Duration.ofSeconds(120))) {
                log = ingest.log();
                String base = ingest.baseUrl() + "/athletes/" + ATHLETE;
                Tokens tokens = garmin.auth().issue(Duration.ofDays(2));
                expect(204, post(base + "/garmin/tokens", tokens.toPythonJson()));

                LocalDate from = today.minusDays(days - 1L);
                garmin.resetCounts();
                expect(202, post(base + "/backfill?from=" + from + "&to=" + today, ""));
                awaitBackfillDone(base);
                int backfill = garmin.requestCount("/");
                System.out.printf(
                        "backfill %s..%s: %d calls (%.2f per day) %s%n",
                        from, today, backfill, backfill / (double) days, byEndpoint(garmin));

                int daily = flow(garmin, base + "/sync/daily", "sync_daily");
                int catchup = flow(garmin, base + "/sync/catchup", "sync_catchup");

                // baseline: the same catch-up without high-water marks re-fetches its window
                Files.delete(work.resolve("ingest/ingest").resolve(ATHLETE).resolve("state.json"));
                int naive = flow(garmin, base + "/sync/catchup", "catch-up without marks");

                String baseline = "catch-up without high-water marks (14-day window) " + naive;
                bench(
                        "Garmin calls one normal day: sync_daily after a " + days + "-day backfill",
                        daily,
                        baseline,
                        daily / (double) naive);
                bench(
                        "Garmin calls one normal day: both crons (sync_daily + sync_catchup)",
                        daily + catchup,
                        baseline,
                        (daily + catchup) / (double) naive);
            }
        } finally {
            deleteTree(work);
            if (log != null) {
                Files.deleteIfExists(log);
            }
        }
    }

    private static int flow(MiniGarmin garmin, String url, String name) throws Exception {
        garmin.resetCounts();
        HttpResponse<String> r = post(url, "");
        expect(200, r);
        int calls = garmin.requestCount("/");
        System.out.printf("%s: %d calls %s -> %s%n", name, calls, byEndpoint(garmin), r.body());
        return calls;
    }

    /** Served requests per endpoint, dates in paths folded into {date}. */
    private static Map<String, Integer> byEndpoint(MiniGarmin garmin) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        garmin.requestCounts()
                .forEach(
                        (path, n) ->
                                out.merge(
                                        path.replaceAll("\\d{4}-\\d{2}-\\d{2}", "{date}"),
                                        n,
                                        Integer::sum));
        return out;
    }

    private static void bench(String name, int calls, String baseline, double ratio) {
        System.out.printf(
                "BENCH|%s|%d calls|%s calls|%d calls (%.2fx)|<= 6|%s%n",
                name, calls, baseline, calls, ratio, calls <= 6 ? "yes" : "no");
    }

    private static void awaitBackfillDone(String base) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (Instant.now().isBefore(deadline)) {
            String status =
                    HTTP.send(
                                    HttpRequest.newBuilder(URI.create(base + "/backfill"))
                                            .timeout(Duration.ofSeconds(20))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .body();
            if (status.contains("\"DONE\"")) {
                return;
            }
            if (status.contains("\"FAILED\"")) {
                throw new IllegalStateException("backfill failed: " + status);
            }
            Thread.sleep(500); // polling interval of a progress endpoint, not synchronisation
        }
        throw new IllegalStateException("backfill not done within 10 minutes");
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(
                    r.request().uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
