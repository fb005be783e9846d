package io.trainingpipeline.bench;

import io.trainingpipeline.bench.latency.DecisionWatcher;
import io.trainingpipeline.bench.latency.FlagRun;
import io.trainingpipeline.bench.latency.FlagRun.Outcome;
import io.trainingpipeline.bench.latency.KafkaRoundTrip;
import io.trainingpipeline.bench.latency.LatencyRig;
import io.trainingpipeline.bench.latency.Samples;
import io.trainingpipeline.schemas.events.PlanDecided.Decision;
import io.trainingpipeline.testkit.openai.FakeOpenAi;
import io.trainingpipeline.testkit.openai.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Flag → decision latency through the real llm-service and planner-service (packaged, run as
 * processes) on a real KRaft broker: per {@code flags.raised} event published on analytics.flag.v1
 * (for an athlete with a plan), the time until its {@code plan.decided} is read from
 * planner.decision.v1, one event in flight at a time. Scenario (a): rule-based coach, goal p99 <
 * 200 ms. Scenario (b): a model (testkit {@link FakeOpenAi}) that never answers within {@code
 * llm.timeout} = T; goal: every decision FORWARDED_UNTOUCHED within T + 1 s. Baseline in the same
 * run: a raw produce → consume round trip on the same broker.
 *
 * <p>Arguments (all optional): rule-coach events (200), model events (20), athletes (10), T in
 * seconds (2), baseline round trips (1000). Run from the repository root after packaging
 * llm-service and planner-service (bench/README.md).
 */
public final class DecisionLatencyBenchmark {
    private static final int WARMUP = 50;
    private final LatencyRig rig;
    private final FlagRun flags;

    private DecisionLatencyBenchmark(
            LatencyRig rig, DecisionWatcher watcher, KafkaProducer<String, byte[]> producer) {
        this.rig = rig;
        this.flags = new FlagRun(rig, watcher, producer);
    }

    public static void main(String[] args) throws Exception {
        int coachEvents = arg(args, 0, 200);
        int modelEvents = arg(args, 1, 20);
        int athletes = arg(args, 2, 10);
        int timeoutSeconds = arg(args, 3, 2);
        int roundTrips = arg(args, 4, 1000);
        Path repo = Path.of(System.getProperty("repo.root", ".")).toAbsolutePath().normalize();
        for (String m : List.of("llm-service", "planner-service")) {
            if (!Files.isRegularFile(repo.resolve(m + "/target/quarkus-app/quarkus-run.jar"))) {
                System.err.println(
                        m
                                + " is not packaged: run from the repository root after "
                                + "./mvnw -pl llm-service,planner-service,bench -am package -DskipTests");
                System.exit(2);
            }
        }
        Path dir = Files.createTempDirectory("decision-latency-");
        List<String> results = List.of();
        int status = 0;
        try (LatencyRig rig = LatencyRig.start(repo, dir, athletes);
                FakeOpenAi model = FakeOpenAi.start(FakeOpenAi.API_KEY)) {
            Runtime.getRuntime().addShutdownHook(new Thread(rig::close));
            try (DecisionWatcher watcher = new DecisionWatcher(rig.bootstrap());
                    KafkaProducer<String, byte[]> producer =
                            BenchClients.producer(rig.bootstrap())) {
                results =
                        new DecisionLatencyBenchmark(rig, watcher, producer)
                                .measure(
                                        model,
                                        coachEvents,
                                        modelEvents,
                                        timeoutSeconds,
                                        roundTrips);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            deleteRecursively(dir);
            progress("done, everything stopped");
        }
        results.forEach(System.out::println);
        System.exit(status); // the broker's and clients' leftover threads must not keep us alive
    }

    private List<String> measure(
            FakeOpenAi model, int coachEvents, int modelEvents, int timeoutSeconds, int roundTrips)
            throws Exception {
        // (a) rule-based coach
        progress("broker and planner up, plans generated; starting llm-service (rule-based coach)");
        rig.startLlm(Map.of());
        progress("llm-service up; warming up with " + WARMUP + " events");
        flags.run(
                WARMUP,
                Duration.ofSeconds(120)); // group joins, class loading, JIT of both services
        progress("measuring the raw Kafka round trip");
        rig.createTopic("latency.bench.roundtrip");
        Samples baseline =
                KafkaRoundTrip.measure(rig.bootstrap(), "latency.bench.roundtrip", 200, roundTrips);
        System.out.println("raw Kafka round trip       " + baseline.summary());
        progress("measuring " + coachEvents + " flags -> decisions (rule-based coach)");
        Outcome coach = flags.run(coachEvents, Duration.ofSeconds(60));
        System.out.println(
                "flag -> decision (coach)   " + coach.samples().summary() + " " + coach.counts());
        System.out.println("  " + coach.breakdown());

        // (b) a model that never answers within T
        long t = timeoutSeconds * 1000L;
        model.script(
                "", Reply.content(FakeOpenAi.DEFAULT_CONTENT).after(Duration.ofMillis(10 * t)));
        progress(
                "restarting llm-service with a model that never answers within "
                        + timeoutSeconds
                        + " s");
        rig.startLlm(
                Map.of(
                        "LLM_BASE_URL",
                        model.baseUrl(),
                        "LLM_API_KEY",
                        FakeOpenAi.API_KEY,
                        "LLM_TIMEOUT",
                        timeoutSeconds + "s",
                        // every event takes the timeout path: no budget, no open breaker
                        "LLM_WEEKLY_CALL_BUDGET",
                        "1000000",
                        "LLM_CIRCUIT_BREAKER_REQUEST_VOLUME",
                        "1000000"));
        flags.run(2, Duration.ofSeconds(120 + timeoutSeconds));
        progress("measuring " + modelEvents + " flags -> decisions (model silent)");
        Outcome silent = flags.run(modelEvents, Duration.ofSeconds(60 + timeoutSeconds));
        System.out.println(
                "flag -> decision (T="
                        + timeoutSeconds
                        + "s)  "
                        + silent.samples().summary()
                        + " "
                        + silent.counts()
                        + ", "
                        + silent.timeouts()
                        + " with reason TIMEOUT");
        System.out.println("  " + silent.breakdown());

        String base =
                String.format(
                        "raw Kafka produce -> consume, same broker, acks=all (%d): p50 %.1f ms, p99 %.1f ms",
                        baseline.count(), baseline.p50(), baseline.p99());
        boolean coachMet =
                coach.lost() == 0
                        && coach.samples().p99() < 200
                        && coach.count(Decision.FORWARDED_UNTOUCHED) == 0;
        List<String> out = new ArrayList<>();
        out.add(
                bench(
                        String.format(
                                "flag -> decision, rule-based coach (%d events, %d athletes)",
                                coachEvents, rig.athletes().size()),
                        String.format(
                                "p50 %.1f ms, p99 %.1f ms%s (%s)",
                                coach.samples().p50(),
                                coach.samples().p99(),
                                lost(coach),
                                coach.counts()),
                        base,
                        String.format("p99 %.1fx raw p99", coach.samples().p99() / baseline.p99()),
                        "p99 < 200 ms",
                        coachMet));
        boolean silentMet =
                silent.lost() == 0
                        && silent.samples().max() <= t + 1000
                        && silent.count(Decision.FORWARDED_UNTOUCHED) == modelEvents;
        out.add(
                bench(
                        String.format(
                                "flag -> decision, model silent past llm.timeout T = %d s (%d events)",
                                timeoutSeconds, modelEvents),
                        String.format(
                                "p50 %.0f ms, p99 %.0f ms, max %.0f ms%s; %d/%d FORWARDED_UNTOUCHED (%d TIMEOUT)",
                                silent.samples().p50(),
                                silent.samples().p99(),
                                silent.samples().max(),
                                lost(silent),
                                silent.count(Decision.FORWARDED_UNTOUCHED),
                                modelEvents,
                                silent.timeouts()),
                        base,
                        String.format("max = T + %.0f ms", silent.samples().max() - t),
                        "every decision <= T + 1 s, FORWARDED_UNTOUCHED",
                        silentMet));
        if (coach.lost() + silent.lost() > 0) {
            System.err.println(rig.tails());
        }
        return out;
    }

    private static String lost(Outcome o) {
        return o.lost() == 0 ? "" : ", " + o.lost() + " without a decision";
    }

    private static String bench(
            String name,
            String measured,
            String baseline,
            String figure,
            String goal,
            boolean met) {
        return String.join(
                "|", "BENCH", name, measured, baseline, figure, goal, met ? "yes" : "no");
    }

    private static final long STARTED = System.nanoTime();

    private static void progress(String what) {
        System.out.printf("[%4.0f s] %s%n", (System.nanoTime() - STARTED) / 1e9, what);
    }

    private static int arg(String[] args, int i, int fallback) {
        return args.length > i ? Integer.parseInt(args[i]) : fallback;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
