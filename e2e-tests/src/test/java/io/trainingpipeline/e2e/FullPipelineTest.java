package io.trainingpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.e2e.browser.HeadlessChromium;
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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The whole pipeline, all four services as processes with Mini-Garmin and the rule-based coach:
 * backfill → DuckDB → flags → proposal → decision → dashboard in a real headless browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FullPipelineTest {
    private static final int DAYS = 80; // inside analytics' 90-day raw window
    private static Pipeline pipeline;
    private static String decidedFlagsId;

    @BeforeAll
    static void start() throws Exception {
        pipeline = Pipeline.start("full", DAYS, false, Map.of());
        pipeline.importTokens();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void aBackfillPutsEveryEmulatedActivityInAnalyticsExactlyOnce() throws Exception {
        LocalDate today = LocalDate.now(Pipeline.ZONE);
        JsonNode status = pipeline.backfill(today.minusDays(DAYS), today, Duration.ofMinutes(5));
        assertThat(status.path("status").asText()).isEqualTo("DONE");

        int served = pipeline.garmin.data().activities().size();
        await("analytics holds every activity")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .until(
                        () ->
                                pipeline.get("analytics-service", "/athletes/demo/activities")
                                                .size()
                                        >= served);
        JsonNode rows = pipeline.get("analytics-service", "/athletes/demo/activities");
        List<String> ids = rows.findValuesAsText("eventId");
        assertThat(ids).hasSize(served).doesNotHaveDuplicates();
    }

    @Test
    @Order(2)
    void aFlagsEventEndsInExactlyOneDecision() throws Exception {
        LocalDate nextMonday =
                LocalDate.now(Pipeline.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        FlagsRaised flags =
                new FlagsRaised(
                        nextMonday,
                        nextMonday.minusDays(1),
                        List.of(
                                new Flag(
                                        "hrv_suppressed",
                                        nextMonday.minusDays(1),
                                        Map.of("hrvZ7", -0.9),
                                        -0.5,
                                        Flag.Severity.MEDIUM)));
        var event =
                EventEnvelope.wrap(
                        EventIds.of(EventType.FLAGS_RAISED, "demo", nextMonday, "e2e"),
                        Instant.now(),
                        "demo",
                        EventSources.ANALYTICS,
                        null,
                        flags);
        new KafkaProbe(pipeline.kafka.bootstrapServers())
                .publish(Topics.ANALYTICS_FLAG, List.of(event));
        decidedFlagsId = event.eventId();

        List<EventEnvelope<EventPayload>> decisions =
                new KafkaProbe(pipeline.kafka.bootstrapServers())
                        .readUntil(
                                Topics.PLANNER_DECISION,
                                seen -> seen.stream().anyMatch(e -> answers(e, event.eventId())),
                                Duration.ofSeconds(180));
        List<PlanDecided> mine =
                decisions.stream()
                        .filter(e -> answers(e, event.eventId()))
                        .map(e -> (PlanDecided) e.payload())
                        .toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).reasons()).isNotEmpty();
        assertThat(pipeline.events(Topics.LLM_PROPOSAL))
                .filteredOn(e -> event.eventId().equals(e.causationId()))
                .hasSize(1);
    }

    @Test
    @Order(3)
    void theDashboardShowsChartFlagsAndThePlanDiff() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(decidedFlagsId != null, "needs the decision");
        assertThat(HeadlessChromium.available())
                .as("Debian chromium + chromium-driver (installed by .ci/run)")
                .isTrue();
        String url = pipeline.service("planner-service").baseUrl() + "/dashboard/?athlete=demo";
        ChromeDriver browser = HeadlessChromium.start(390, 2400); // a phone's width
        try {
            browser.get(url);
            await("dashboard loaded")
                    .atMost(Duration.ofSeconds(60))
                    .until(
                            () ->
                                    "true"
                                            .equals(
                                                    browser.findElement(By.tagName("body"))
                                                            .getDomAttribute("data-loaded")));
            int points =
                    Integer.parseInt(
                            browser.findElement(By.id("pmc-chart")).getDomAttribute("data-points"));
            assertThat(points).isGreaterThan(30);
            assertThat(browser.findElements(By.cssSelector("#pmc-chart canvas"))).isNotEmpty();
            assertThat(browser.findElement(By.id("flags")).getText()).isNotBlank();
            String plans = browser.findElement(By.id("plans")).getText();
            assertThat(plans).contains("Next week");
            assertThat(browser.findElement(By.id("history")).getText())
                    .containsAnyOf("APPLIED", "CLAMPED", "FORWARDED_UNTOUCHED");
            assertThat(plans).contains("why:").contains("hrv_suppressed");
            if (!browser.findElements(By.cssSelector(".diff")).isEmpty()) {
                assertThat(browser.findElement(By.cssSelector(".diff")).getText())
                        .startsWith("changed:");
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(4)
    void noSecretReachesAnyLog() {
        String logs = pipeline.allLogs();
        List<String> secrets = pipeline.secrets();
        assertThat(secrets).isNotEmpty();
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
        }
    }

    private static boolean answers(EventEnvelope<EventPayload> e, String flagsId) {
        return e.payload() instanceof PlanDecided d && flagsId.equals(d.flagsEventId());
    }
}
