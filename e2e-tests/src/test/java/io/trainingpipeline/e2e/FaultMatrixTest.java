package io.trainingpipeline.e2e;

import io.trainingpipeline.testkit.garmin.MiniGarminFaults;
import io.trainingpipeline.testkit.garmin.MiniGarminFaults.Kind;
import io.trainingpipeline.testkit.openai.Reply;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The end-to-end fault matrix: one pipeline (broker process, Mini-Garmin, fake OpenAI, the four
 * services as processes) taken through one fault per row. Ingest faults each backfill a fresh slice
 * of history, so "exactly once" is checked per slice and cumulatively; LLM faults each answer the
 * flags of their own week; push faults each push a week of their own. Every row also checks that no
 * workout is scheduled twice on Mini-Garmin (athlete/date/name) and that no secret is in any log.
 * At the end a table prints fault × lost / duplicated / fail-open / dup workouts / secrets.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixTest {
    private static final int DAYS = 84;
    private static Pipeline pipeline;
    private static LocalDate today;
    private static FaultMatrix matrix;
    private static FaultScenarios scenarios;

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
        matrix = new FaultMatrix(pipeline);
        scenarios = new FaultScenarios(pipeline, matrix, today, DAYS);
    }

    @AfterAll
    static void stop() {
        if (matrix != null) {
            matrix.print();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void garminRateLimits() throws Exception {
        garminSlice("garmin 429", 84, 81, Kind.RATE_LIMIT, f -> f.rateLimitEvery(4, 1));
    }

    @Test
    @Order(2)
    void garminServerErrors() throws Exception {
        garminSlice("garmin 5xx", 80, 77, Kind.SERVER_ERROR, f -> f.serverErrorEvery(5));
    }

    @Test
    @Order(3)
    void garminSlowAnswers() throws Exception {
        // GARMIN_TIMEOUT is 2 s: a 3 s answer is a client timeout, retried
        garminSlice("garmin slow (3 s > timeout)", 76, 73, Kind.SLOW, f -> f.slowEvery(6, 3000));
    }

    @Test
    @Order(4)
    void garminTruncatedJson() throws Exception {
        garminSlice("garmin truncated JSON", 72, 69, Kind.MALFORMED, f -> f.malformedEvery(5));
    }

    @Test
    @Order(5)
    void garminExpiredTokens() throws Exception {
        garminSlice("garmin expired token", 68, 64, Kind.EXPIRED_TOKEN, f -> f.expireTokenEvery(6));
    }

    @Test
    @Order(6)
    void brokerRestartMidStream() throws Exception {
        scenarios.backfillSlice(
                "broker restart mid-stream", 63, 43, () -> pipeline.kafka.restart());
    }

    @Test
    @Order(7)
    void analyticsKilledMidBatchAndRestarted() throws Exception {
        scenarios.backfillSlice(
                "analytics killed mid-batch",
                42,
                22,
                () -> {
                    pipeline.service("analytics-service").kill();
                    pipeline.startService("analytics-service");
                });
    }

    @Test
    @Order(8)
    void replayWhileLiveEventsArrive() throws Exception {
        scenarios.backfillSlice(
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
    @Order(9)
    void llmTimeout() throws Exception {
        scenarios.adaptWith(
                "llm timeout",
                1,
                Reply.content("{\"patch\": [], \"rationale\": []}").after(Duration.ofSeconds(8)),
                true);
    }

    @Test
    @Order(10)
    void llmGarbage() throws Exception {
        scenarios.adaptWith(
                "llm garbage (prose)",
                2,
                Reply.content("Sure! Take it easy this week and sleep more."),
                true);
    }

    @Test
    @Order(11)
    void llmForbiddenPaths() throws Exception {
        scenarios.adaptWith(
                "llm forbidden paths",
                3,
                Reply.content(
                        "{\"patch\": [{\"op\": \"replace\", \"path\": \"/athleteId\", \"value\": \"x\"}],"
                                + " \"rationale\": [{\"op\": 0, \"flag\": \"hrv_suppressed\", \"metric\": \"hrvZ7\", \"reason\": \"x\"}]}"),
                true);
    }

    @Test
    @Order(12)
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
        scenarios.adaptWith(
                "llm injection (3 h sessions)",
                4,
                Reply.content("{\"patch\": [" + ops + "], \"rationale\": [" + why + "]}"),
                false);
    }

    @Test
    @Order(13)
    void pushFailsWithA503AfterAWorkoutWasStored() throws Exception {
        new PushAfterUpload(pipeline, matrix)
                .run(
                        "push: 503 after a workout was stored",
                        nextMonday().plusWeeks(6),
                        runs -> pipeline.garmin.faults().serverErrorAfterWrite(Math.min(2, runs)));
    }

    @Test
    @Order(14)
    void pushConnectionDropsAfterAScheduleWasStored() throws Exception {
        // writes of a push: one create per run, then one schedule per run
        new PushAfterUpload(pipeline, matrix)
                .run(
                        "push: connection drop after a schedule was stored",
                        nextMonday().plusWeeks(7),
                        runs -> pipeline.garmin.faults().dropAfterWrite(runs + 1));
    }

    @Test
    @Order(15)
    void pushFailsAfterTheNewVersionWasUploadedWhileTheOldOneIsRemoved() throws Exception {
        new PushSwitchFailure(pipeline, matrix)
                .run("push: 503 after the old version was unscheduled", nextMonday().plusWeeks(8));
    }

    /** One Garmin fault during a 4-day backfill slice (pages overlap too, as they may in life). */
    private static void garminSlice(
            String fault, int fromAgo, int toAgo, Kind kind, Consumer<MiniGarminFaults> arm)
            throws Exception {
        arm.accept(pipeline.garmin.faults().duplicatePages(true));
        scenarios.backfillSlice(fault, fromAgo, toAgo, () -> {}, kind);
    }

    private static LocalDate nextMonday() {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }
}
