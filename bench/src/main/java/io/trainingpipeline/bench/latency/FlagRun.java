package io.trainingpipeline.bench.latency;

import io.trainingpipeline.bench.latency.DecisionWatcher.Arrival;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.PlanDecided.Decision;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publishes flags events one at a time (a real {@code flags.raised} v1 envelope with one {@code
 * hrv_suppressed} flag, keyed by athlete; the next athlete and a different planned week each time)
 * and times each until its decision is read back.
 */
public final class FlagRun {
    /**
     * What one scenario measured: flag → decision, the outcomes, and where the time went (from the
     * records' creation times, wall clock, ms resolution).
     */
    public record Outcome(
            Samples samples,
            Map<Decision, Integer> decisions,
            int timeouts,
            int lost,
            Samples inLlm,
            Samples answering,
            Samples inPlanner,
            Samples lastHop) {

        /** One line: the three legs of the path. */
        public String breakdown() {
            return String.format(
                    "flag sent -> proposal sent (hop + llm-service) p50 %.0f / p99 %.0f ms, of"
                            + " which answering p50 %.0f / p99 %.0f ms; proposal sent -> decision"
                            + " sent (hop + planner) p50 %.0f / p99 %.0f ms; decision sent -> read"
                            + " here p50 %.0f / p99 %.0f ms",
                    inLlm.p50(),
                    inLlm.p99(),
                    answering.p50(),
                    answering.p99(),
                    inPlanner.p50(),
                    inPlanner.p99(),
                    lastHop.p50(),
                    lastHop.p99());
        }

        /** "APPLIED 180, CLAMPED 20". */
        public String counts() {
            List<String> parts = new ArrayList<>();
            decisions.forEach((d, n) -> parts.add(d + " " + n));
            return String.join(", ", parts);
        }

        /** Number of decisions with this outcome. */
        public int count(Decision d) {
            return decisions.getOrDefault(d, 0);
        }
    }

    private final LatencyRig rig;
    private final DecisionWatcher watcher;
    private final KafkaProducer<String, byte[]> producer;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private int next;

    public FlagRun(
            LatencyRig rig, DecisionWatcher watcher, KafkaProducer<String, byte[]> producer) {
        this.rig = rig;
        this.watcher = watcher;
        this.producer = producer;
    }

    /** Publishes {@code count} flags events one at a time, waiting up to {@code wait} for each. */
    public Outcome run(int count, Duration wait) throws InterruptedException, ExecutionException {
        Outcome o =
                new Outcome(
                        new Samples(),
                        new EnumMap<>(Decision.class),
                        0,
                        0,
                        new Samples(),
                        new Samples(),
                        new Samples(),
                        new Samples());
        int timeouts = 0;
        int lost = 0;
        List<String> athletes = rig.athletes();
        for (int i = 0; i < count; i++, next++) {
            String athlete = athletes.get(next % athletes.size());
            EventEnvelope<FlagsRaised> flags = flags(athlete, rig.week(next / athletes.size()));
            CompletableFuture<Arrival> decided = watcher.expect(flags.eventId());
            long wall0 = System.currentTimeMillis();
            long t0 = System.nanoTime();
            producer.send(
                    new ProducerRecord<>(Topics.ANALYTICS_FLAG, athlete, EventJson.toBytes(flags)));
            Arrival a;
            try {
                a = decided.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                lost++;
                System.err.println("no decision for flags " + flags.eventId() + " within " + wait);
                continue;
            }
            o.samples().add(a.nanos() - t0);
            o.decisions().merge(a.decision().decision(), 1, Integer::sum);
            if (a.decision().reasons().stream().anyMatch(r -> r.message().contains("TIMEOUT"))) {
                timeouts++;
            }
            watcher.proposal(flags.eventId())
                    .ifPresent(
                            p -> {
                                o.inLlm().add(millis(p.createdMillis() - wall0));
                                o.answering().add(millis(p.answerMillis()));
                                o.inPlanner().add(millis(a.createdMillis() - p.createdMillis()));
                                o.lastHop().add(a.nanos() - t0 - millis(a.createdMillis() - wall0));
                            });
        }
        return new Outcome(
                o.samples(),
                o.decisions(),
                timeouts,
                lost,
                o.inLlm(),
                o.answering(),
                o.inPlanner(),
                o.lastHop());
    }

    private static long millis(long ms) {
        return ms * 1_000_000;
    }

    /** A weekly evaluation with one flag, as analytics publishes it. */
    private EventEnvelope<FlagsRaised> flags(String athlete, LocalDate week) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Flag hrv =
                new Flag(
                        "hrv_suppressed", today, Map.of("hrvZ7", -0.9), -0.5, Flag.Severity.MEDIUM);
        return EventEnvelope.wrap(
                EventIds.of(EventType.FLAGS_RAISED, athlete, week, "latency-bench", run, next),
                Instant.now(),
                athlete,
                EventSources.ANALYTICS,
                null,
                new FlagsRaised(week, today, List.of(hrv)));
    }
}
