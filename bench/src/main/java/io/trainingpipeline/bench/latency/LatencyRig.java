package io.trainingpipeline.bench.latency;

import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.testkit.kafka.KafkaBroker;
import io.trainingpipeline.testkit.openai.JsonStub;
import io.trainingpipeline.testkit.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the latency benchmark runs against: the in-JVM KRaft broker (testkit), the packaged
 * planner-service and llm-service as processes (testkit {@link ServiceProcess}, as e2e-tests runs
 * them), each athlete with a goals file in a temporary goals folder, and analytics' metrics API as
 * a {@link JsonStub} (analytics-service itself is not on the flag → decision path; the planner asks
 * it for fitness per decision, the llm-service for the prompt's metrics).
 */
public final class LatencyRig implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration START = Duration.ofSeconds(120);

    private final Path repo;
    private final Path dir;
    private final List<String> athletes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private final LocalDate firstWeek;
    private final int weeks;
    private KafkaBroker broker;
    private JsonStub analytics;
    private ServiceProcess planner;
    private ServiceProcess llm;
    private boolean closed;

    private LatencyRig(Path repo, Path dir, int athleteCount, int weeks) {
        this.repo = repo;
        this.dir = dir;
        this.weeks = weeks;
        this.firstWeek =
                LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        for (int i = 1; i <= athleteCount; i++) {
            athletes.add(String.format("latency-%02d", i));
        }
    }

    /** Starts broker, analytics stub and planner; writes the goals files; generates the plans. */
    public static LatencyRig start(Path repo, Path dir, int athleteCount) {
        LatencyRig rig = new LatencyRig(repo, dir, athleteCount, 30);
        try {
            rig.broker = KafkaBroker.start(3);
            rig.broker.createTopics(Topics.all(), 3);
            rig.analytics = JsonStub.shared("latency-bench-analytics");
            rig.writeGoalsAndMetrics();
            rig.planner = rig.startService("planner-service", rig.plannerEnv());
            for (String a : rig.athletes) {
                rig.get(rig.planner.baseUrl() + "/athletes/" + a + "/plan?week=" + rig.firstWeek);
                rig.get(rig.planner.baseUrl() + "/athletes/" + a + "/plan?week=" + rig.week(-1));
            }
            return rig;
        } catch (RuntimeException e) {
            rig.close();
            throw e;
        }
    }

    /** (Re)starts the llm-service with {@code extra} environment (empty: the rule-based coach). */
    public void startLlm(Map<String, String> extra) {
        if (llm != null) {
            llm.close();
        }
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        // one store across restarts: flags answered before are skipped, as after any restart
        env.put("LLM_DATA_PATH", dir.resolve("llm/answered.duckdb").toString());
        env.put("LLM_PLANNER_URL", planner.baseUrl());
        env.put("LLM_ANALYTICS_URL", analytics.baseUrl());
        env.put("LLM_BASE_URL", ""); // an exported key or URL must not turn the coach into a model
        env.put("LLM_API_KEY", "");
        env.putAll(extra);
        llm = startService("llm-service", env);
    }

    /** Creates a topic with 3 partitions (the baseline's). */
    public void createTopic(String topic) {
        broker.createTopics(List.of(topic), 3);
    }

    /** Bootstrap address of the broker. */
    public String bootstrap() {
        return broker.bootstrapServers();
    }

    /** The athletes with a plan. */
    public List<String> athletes() {
        return List.copyOf(athletes);
    }

    /**
     * The Monday of the {@code i}-th planned week used for flags (wrapping; -1 = the last); weeks
     * before the taper, so the rule coach's changes meet ordinary guardrails.
     */
    public LocalDate week(int i) {
        int n = Math.floorMod(i, weeks);
        return firstWeek.plusWeeks(n);
    }

    /** The last lines of both services' logs (for failures). */
    public String tails() {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess s : new ServiceProcess[] {planner, llm}) {
            if (s != null) {
                out.append("---- ").append(s.log().getFileName()).append('\n');
                out.append(s.tail()).append('\n');
            }
        }
        return out.toString();
    }

    private ServiceProcess startService(String module, Map<String, String> env) {
        Map<String, String> withJvm = new HashMap<>(env);
        jvmOptions().ifPresent(o -> withJvm.put("JDK_JAVA_OPTIONS", o));
        ServiceProcess s = ServiceProcess.start(repo, module, withJvm, START);
        logs.add(s.log());
        s.awaitHttp("/q/health/ready", 200, START);
        return s;
    }

    /**
     * The services' JVM options as ./pipeline and the images use them ({@code config/jvm.options}:
     * heap, SerialGC, C1 only), handed to the service's {@code java} launcher through {@code
     * JDK_JAVA_OPTIONS}, so the figures are those of the pipeline's JVMs, not of testkit's
     * defaults.
     */
    private Optional<String> jvmOptions() {
        Path file = repo.resolve("config/jvm.options");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(
                    Files.readAllLines(file).stream()
                            .map(String::strip)
                            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                            .collect(Collectors.joining(" ")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> plannerEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        env.put("PLANNER_DATA_DIR", dir.resolve("planner").toString());
        env.put("PLANNER_PLANS_DIR", dir.resolve("plans").toString());
        env.put("PLANNER_GOALS_DIR", dir.resolve("goals").toString());
        env.put("PLANNER_ANALYTICS_URL", analytics.baseUrl());
        env.put("DASHBOARD_ANALYTICS_URL", analytics.baseUrl());
        env.put("GARMIN_TOKEN_FILE", dir.resolve("garmin/{athlete}/tokens.json").toString());
        return env;
    }

    /** One goals file per athlete (race after the measured weeks) and 28 days of metrics. */
    private void writeGoalsAndMetrics() {
        LocalDate race = firstWeek.plusWeeks(weeks + 8).plusDays(6); // a Sunday
        StringBuilder days = new StringBuilder("{\"days\":[");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int d = 27; d >= 0; d--) {
            days.append(
                    String.format(
                            "{\"date\":\"%s\",\"load\":45.0,\"ctl\":42.0,\"atl\":45.0,"
                                    + "\"tsb\":-3.0,\"ramp\":1.0}%s",
                            today.minusDays(d), d == 0 ? "" : ","));
        }
        days.append("]}");
        try {
            Files.createDirectories(dir.resolve("goals"));
            for (String a : athletes) {
                Files.writeString(
                        dir.resolve("goals/" + a + ".yaml"),
                        "athlete_id: "
                                + a
                                + "\ntimezone: UTC\nrace:\n  date: "
                                + race
                                + "\n  distance: marathon\nsports: [running]\n"
                                + "available_weekdays: [MON, TUE, THU, SAT, SUN]\n"
                                + "long_run_day: SUN\nmax_weekly_hours: 7\n");
                analytics.respond("/athletes/" + a + "/metrics", 200, days.toString());
                analytics.respond("/athletes/" + a + "/activities", 200, "[]");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String get(String url) {
        try {
            HttpResponse<String> r =
                    HTTP.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(60))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(
                        "GET " + url + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Stops the services, the stub and the broker, and deletes the services' logs. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (AutoCloseable c : new AutoCloseable[] {llm, planner, analytics, broker}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
        if (Boolean.getBoolean("latency.keepLogs")) {
            logs.forEach(l -> System.out.println("service log kept: " + l));
            return;
        }
        for (Path log : logs) {
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a log left in e2e-tests/target is harmless
            }
        }
    }
}
