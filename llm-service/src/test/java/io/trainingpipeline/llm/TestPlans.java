package io.trainingpipeline.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.FlagsRaised;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Test data: the plan document of week 2026-11-30 and flags events. */
public final class TestPlans {
    /** Monday of the test plan's week. */
    public static final LocalDate WEEK = LocalDate.parse("2026-11-30");

    /** Suffix making athlete ids unique per run (the answered-store file outlives a run). */
    public static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private TestPlans() {}

    /** A unique athlete id for this run. */
    public static String athlete(String name) {
        return name + "-" + RUN;
    }

    /** The test plan (version 7, five sessions) for {@code athlete} and {@code week}. */
    public static ObjectNode plan(String athlete, LocalDate week) {
        try (InputStream in = TestPlans.class.getResourceAsStream("/plans/week.json")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            long shift = java.time.temporal.ChronoUnit.DAYS.between(WEEK, week);
            ObjectNode plan =
                    (ObjectNode) EventJson.mapper().readTree(text.replace("ATHLETE", athlete));
            plan.put("weekStart", week.toString());
            for (JsonNode s : plan.get("sessions")) {
                LocalDate d = LocalDate.parse(s.get("date").asText()).plusDays(shift);
                ((ObjectNode) s).put("date", d.toString());
                ((ObjectNode) s).put("id", d + "-session");
            }
            return plan;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The test plan for week 2026-11-30. */
    public static ObjectNode plan(String athlete) {
        return plan(athlete, WEEK);
    }

    /** A flags event for {@code athlete} and the week starting {@code week}. */
    public static EventEnvelope<FlagsRaised> flags(String athlete, LocalDate week, Flag... flags) {
        FlagsRaised payload = new FlagsRaised(week, week.minusDays(1), List.of(flags));
        return EventEnvelope.wrap(
                EventIds.of(EventType.FLAGS_RAISED, EventSources.ANALYTICS, athlete, week),
                Instant.parse("2026-11-29T17:00:00Z"),
                athlete,
                EventSources.ANALYTICS,
                null,
                payload);
    }

    /** hrv_suppressed with hrvZ7 = -0.9 against -0.5. */
    public static Flag hrvSuppressed() {
        return new Flag(
                "hrv_suppressed",
                LocalDate.parse("2026-11-29"),
                Map.of("hrvZ7", -0.9),
                -0.5,
                Flag.Severity.MEDIUM);
    }
}
