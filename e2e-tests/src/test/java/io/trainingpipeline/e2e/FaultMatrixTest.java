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
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.openai.Reply;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The end-to-end fault matrix: one pipeline (broker process, Mini-Garmin, fake OpenAI, the four
 * services as processes) taken through one fault per phase. Ingest faults each backfill a fresh
 * slice of history, so "exactly once" is checked per slice and cumulatively; LLM faults each answer
 * the flags of their own week. At the end a table prints fault × lost / duplicated / fail-open /
 * secrets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixTest {
    private static final int DAYS = 84;
    private static final List<String[]> MATRIX = new ArrayList<>();
    private static Pipeline pipeline;
    private static LocalDate today;

    @BeforeAll
    static void start() throws Exception {
        pipeline =
                Pipeline.start(
                        "faults",
                        DAYS,
                        true,
                        Map.of(
                                "GARMIN_TIMEOUT", "2s",
                                "GARMIN_MAX_RETRY_AFTER", "5s",
                                "LLM_TIMEOUT", "2s",
                                "LLM_MAX_RETRIES", "1",
                                "PLANNER_PROPOSAL_TIMEOUT", "PT45S"));
        pipeline.importTokens();
        today = LocalDate.now(Pipeline.ZONE);
    }

    @AfterAll
    static void stop() {
        System.out.println();
        System.out.println("| fault | lost | duplicated | fail-open | secrets in logs |");
        System.out.println("|---|---|---|---|---|");
        MATRIX.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void garminRateLimitsServerErrorsSlownessTruncationAndExpiredTokens() throws Exception {
        pipeline.garmin
                .faults()
                .rateLimitEvery(5, 1)
                .serverErrorEvery(7)
                .slowEvery(11, 3000)
                .malformedEvery(9)
                .expireTokenEvery(13)
                .duplicatePages(true);
        backfillSlice("garmin 429/5xx/slow/truncated/expired", 84, 64, () -> {});
        pipeline.garmin.faults().clear();
    }

    @Test
    @Order(2)
    void brokerRestartMidStream() throws Exception {
        backfillSlice("broker restart mid-stream", 63, 43, () -> pipeline.kafka.restart());
    }

    @Test
    @Order(3)
    void analyticsKilledMidBatchAndRestarted() throws Exception {
        backfillSlice(
                "analytics killed mid-batch",
                42,
                22,
                () -> {
                    pipeline.service("analytics-service").kill();
                    pipeline.startService("analytics-service");
                });
    }

    @Test
    @Order(4)
    void replayWhileLiveEventsArrive() throws Exception {
        backfillSlice(
                "replay while live events arrive",
                21,
                0,
                () -> {
                    try {
                        pipeline.send(
                                "analytics-service",
                                "POST",
                                "/admin/rebuild",
                                "",
                                "application/json");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    @Test
    @Order(5)
    void llmTimeout() throws Exception {
        adaptWith(
                "llm timeout",
                1,
                Reply.content("{\"patch\": [], \"rationale\": []}").after(Duration.ofSeconds(8)),
                true);
    }

    @Test
    @Order(6)
    void llmGarbage() throws Exception {
        adaptWith(
                "llm garbage (prose)",
                2,
                Reply.content("Sure! Take it easy this week and sleep more."),
                true);
    }

    @Test
    @Order(7)
    void llmForbiddenPaths() throws Exception {
        adaptWith(
                "llm forbidden paths",
                3,
                Reply.content(
                        "{\"patch\": [{\"op\": \"replace\", \"path\": \"/athleteId\", \"value\": \"x\"}],"
                                + " \"rationale\": [{\"op\": 0, \"flag\": \"hrv_suppressed\", \"metric\": \"hrvZ7\", \"reason\": \"x\"}]}"),
                true);
    }

    @Test
    @Order(8)
    void llmFollowingAnInjectedInstruction() throws Exception {
        // The model "obeys" an instruction smuggled into Garmin data: every session 3 hours.
        StringBuilder ops = new StringBuilder();
        StringBuilder why = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            ops.append(i == 0 ? "" : ",")
                    .append("{\"op\": \"replace\", \"path\": \"/sessions/")
                    .append(i)
                    .append("/durationMinutes\", \"value\": 180}");
            why.append(i == 0 ? "" : ",")
                    .append("{\"op\": ")
                    .append(i)
                    .append(
                            ", \"flag\": \"hrv_suppressed\", \"metric\": \"hrvZ7\", \"reason\": \"3 hours\"}");
        }
        adaptWith(
                "llm injection (3 h sessions)",
                4,
                Reply.content("{\"patch\": [" + ops + "], \"rationale\": [" + why + "]}"),
                false);
    }

    /** Backfills days [today-fromAgo, today-toAgo] while {@code fault} happens, then checks. */
    private void backfillSlice(String fault, int fromAgo, int toAgo, Runnable faultAction)
            throws Exception {
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
        assertThat(status.path("status").asText()).as(fault).isEqualTo("DONE");

        int served = pipeline.garmin.data().activityIds(today.minusDays(DAYS), to).size();
        await(fault + ": analytics catches up")
                .atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> activityIds().size() >= served);
        List<String> ids = activityIds();
        Set<String> unique = new HashSet<>(ids);
        String lost = String.valueOf(Math.max(0, served - unique.size()));
        String duplicated = String.valueOf(ids.size() - unique.size());
        MATRIX.add(new String[] {fault, lost, duplicated, "n/a", secretsVerdict()});
        assertThat(unique).as(fault + ": every served activity once").hasSize(served);
        assertThat(ids).as(fault).doesNotHaveDuplicates();
        assertThat(secretsVerdict()).isEqualTo("none");
    }

    /** Publishes flags for week {@code weeksAhead}, scripts the model, checks the decision. */
    private void adaptWith(String fault, int weeksAhead, Reply reply, boolean expectUntouched)
            throws Exception {
        LocalDate week = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).plusWeeks(weeksAhead);
        pipeline.openAi.script(week.toString(), reply);
        JsonNode before = pipeline.get("planner-service", "/athletes/demo/plan?week=" + week);
        var flags =
                EventEnvelope.wrap(
                        EventIds.of(EventType.FLAGS_RAISED, "demo", week, fault),
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
        MATRIX.add(
                new String[] {
                    fault,
                    decisions.isEmpty() ? "1 (no decision)" : "0",
                    String.valueOf(Math.max(0, decisions.size() - 1)),
                    expectUntouched ? (untouched ? "yes" : "NO") : (bounded ? "guarded" : "NO"),
                    secretsVerdict()
                });
        assertThat(decisions).as(fault + ": exactly one decision").hasSize(1);
        if (expectUntouched) {
            assertThat(untouched).as(fault + ": original plan forwarded").isTrue();
        } else {
            assertThat(decisions.get(0).decision()).isNotEqualTo(PlanDecided.Decision.APPLIED);
            assertThat(afterMinutes)
                    .as(fault + ": volume within +20 %")
                    .isLessThanOrEqualTo(beforeMinutes * 1.2 + 0.5);
        }
        assertThat(secretsVerdict()).isEqualTo("none");
    }

    private static double minutes(JsonNode plan) {
        double total = 0;
        for (JsonNode s : plan.path("sessions")) {
            total += s.path("durationMinutes").asDouble();
        }
        return total;
    }

    private static List<String> activityIds() throws Exception {
        return pipeline.get("analytics-service", "/athletes/demo/activities")
                .findValuesAsText("eventId");
    }

    private static String secretsVerdict() {
        String logs = pipeline.allLogs();
        return pipeline.secrets().stream().anyMatch(logs::contains) ? "LEAKED" : "none";
    }

    private static boolean answers(EventEnvelope<EventPayload> e, String flagsId) {
        return e.payload() instanceof PlanDecided d && flagsId.equals(d.flagsEventId());
    }
}
