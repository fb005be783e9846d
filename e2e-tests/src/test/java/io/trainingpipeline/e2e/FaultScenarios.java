package io.trainingpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.PlanDecided;
import io.trainingpipeline.testkit.garmin.MiniGarminFaults;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.openai.Reply;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The ingest and adaptation rows of the fault matrix. Ingest faults each backfill a fresh slice of
 * Mini-Garmin's history while the fault happens, so "every served activity in analytics exactly
 * once" is checked per slice and cumulatively; adaptation faults each script the fake model's
 * answer to the flags of their own week.
 */
final class FaultScenarios {
    private final Pipeline pipeline;
    private final FaultMatrix matrix;
    private final LocalDate today;
    private final int days;

    FaultScenarios(Pipeline pipeline, FaultMatrix matrix, LocalDate today, int days) {
        this.pipeline = pipeline;
        this.matrix = matrix;
        this.today = today;
        this.days = days;
    }

    /** Backfills days [today-fromAgo, today-toAgo] while {@code fault} happens, then checks. */
    void backfillSlice(String fault, int fromAgo, int toAgo, Runnable faultAction)
            throws Exception {
        backfillSlice(fault, fromAgo, toAgo, faultAction, null);
    }

    /**
     * As {@link #backfillSlice(String, int, int, Runnable)} with a Mini-Garmin fault of {@code
     * kind}, which must have fired during the slice (the row names how often).
     */
    void backfillSlice(
            String fault, int fromAgo, int toAgo, Runnable faultAction, MiniGarminFaults.Kind kind)
            throws Exception {
        int injectedBefore = kind == null ? 0 : pipeline.garmin.faults().injected(kind);
        LocalDate from = today.minusDays(fromAgo);
        LocalDate to = today.minusDays(toAgo);
        CompletableFuture<JsonNode> backfill =
                CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return pipeline.backfill(from, to, Duration.ofMinutes(6));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
        faultAction.run();
        JsonNode status = backfill.get();
        if (!"DONE".equals(status.path("status").asText())) {
            // a broker or service fault can stop a backfill: resuming the same range is the remedy
            status = pipeline.backfill(from, to, Duration.ofMinutes(6));
        }
        int injected = kind == null ? 0 : pipeline.garmin.faults().injected(kind) - injectedBefore;
        pipeline.garmin.faults().clear();
        assertThat(status.path("status").asText()).as(fault).isEqualTo("DONE");

        int served = pipeline.garmin.data().activityIds(today.minusDays(days), to).size();
        await(fault + ": analytics catches up")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> activityIds().size() >= served);
        List<String> ids = activityIds();
        Set<String> unique = new HashSet<>(ids);
        String lost = String.valueOf(Math.max(0, served - unique.size()));
        String duplicated = String.valueOf(ids.size() - unique.size());
        matrix.row(
                kind == null ? fault : fault + " (" + injected + " injected)",
                lost,
                duplicated,
                "n/a");
        assertThat(unique).as(fault + ": every served activity once").hasSize(served);
        assertThat(ids).as(fault).doesNotHaveDuplicates();
        if (kind != null) {
            assertThat(injected).as(fault + ": Mini-Garmin injected the fault").isPositive();
        }
    }

    /** Publishes flags for week {@code weeksAhead}, scripts the model, checks the decision. */
    void adaptWith(String fault, int weeksAhead, Reply reply, boolean expectUntouched)
            throws Exception {
        LocalDate week = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeksAhead);
        pipeline.openAi.script(promptKey(week), reply);
        JsonNode before = pipeline.get("planner-service", "/athletes/demo/plan?week=" + week);
        var flags = flags(week, fault);
        KafkaProbe probe = new KafkaProbe(pipeline.kafka.bootstrapServers());
        probe.publish(Topics.ANALYTICS_FLAG, List.of(flags));
        List<EventEnvelope<EventPayload>> seen =
                probe.readUntil(
                        Topics.PLANNER_DECISION,
                        l -> l.stream().anyMatch(e -> answers(e, flags.eventId())),
                        Duration.ofSeconds(150));
        List<PlanDecided> decisions =
                seen.stream()
                        .filter(e -> answers(e, flags.eventId()))
                        .map(e -> (PlanDecided) e.payload())
                        .toList();
        JsonNode after = pipeline.get("planner-service", "/athletes/demo/plan?week=" + week);
        boolean untouched =
                !decisions.isEmpty()
                        && decisions.get(0).decision() == PlanDecided.Decision.FORWARDED_UNTOUCHED
                        && before.path("sessions").equals(after.path("sessions"));
        double beforeMinutes = minutes(before);
        double afterMinutes = minutes(after);
        boolean bounded = afterMinutes <= beforeMinutes * 1.2 + 0.5;
        matrix.row(
                fault,
                decisions.isEmpty() ? "1 (no decision)" : "0",
                String.valueOf(Math.max(0, decisions.size() - 1)),
                expectUntouched ? (untouched ? "yes" : "NO") : (bounded ? "guarded" : "NO"));
        assertThat(decisions).as(fault + ": exactly one decision").hasSize(1);
        if (expectUntouched) {
            assertThat(untouched).as(fault + ": original plan forwarded").isTrue();
        } else {
            assertThat(decisions.get(0).decision()).isNotEqualTo(PlanDecided.Decision.APPLIED);
            assertThat(afterMinutes)
                    .as(fault + ": volume within +20 %")
                    .isLessThanOrEqualTo(beforeMinutes * 1.2 + 0.5);
        }
    }

    /**
     * What only the prompt for {@code week} contains (llm-service's user message names the target
     * week this way; other weeks' dates appear in every prompt's goal and metrics data).
     */
    static String promptKey(LocalDate week) {
        return "for the week starting " + week;
    }

    /** A flags event of athlete demo for {@code week}: HRV suppressed (hrvZ7 -0.9). */
    static EventEnvelope<FlagsRaised> flags(LocalDate week, String label) {
        return EventEnvelope.wrap(
                EventIds.of(EventType.FLAGS_RAISED, "demo", week, label),
                Instant.now(),
                "demo",
                EventSources.ANALYTICS,
                null,
                new FlagsRaised(
                        week,
                        week.minusDays(1),
                        List.of(
                                new Flag(
                                        "hrv_suppressed",
                                        week.minusDays(1),
                                        Map.of("hrvZ7", -0.9),
                                        -0.5,
                                        Flag.Severity.MEDIUM))));
    }

    private static double minutes(JsonNode plan) {
        double total = 0;
        for (JsonNode s : plan.path("sessions")) {
            total += s.path("durationMinutes").asDouble();
        }
        return total;
    }

    private List<String> activityIds() throws Exception {
        return pipeline.get("analytics-service", "/athletes/demo/activities")
                .findValuesAsText("eventId");
    }

    private static boolean answers(EventEnvelope<EventPayload> e, String flagsId) {
        return e.payload() instanceof PlanDecided d && flagsId.equals(d.flagsEventId());
    }
}
