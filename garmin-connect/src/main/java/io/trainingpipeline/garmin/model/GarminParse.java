package io.trainingpipeline.garmin.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainingpipeline.garmin.GarminException;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Garmin JSON to records. A body that is not JSON throws {@link Malformed} (the gateway retries
 * it); an item lacking its key is skipped and reported through {@link #skipped()}.
 */
public final class GarminParse {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The body was not the JSON expected: retryable (truncated transfer, proxy page). */
    public static final class Malformed extends GarminException {
        public Malformed(String message) {
            super(message);
        }
    }

    private final List<String> skipped = new ArrayList<>();

    /** Reasons of skipped items so far. */
    public List<String> skipped() {
        return skipped;
    }

    /** Parses a body, throwing {@link Malformed} when it is not JSON. */
    public static JsonNode tree(String endpoint, byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new Malformed(endpoint + " answered an empty body");
            }
            return node;
        } catch (IOException e) {
            throw new Malformed(endpoint + " answered malformed JSON");
        }
    }

    /** One page of the activity search. */
    public List<GarminActivity> activities(JsonNode page) {
        if (!page.isArray()) {
            throw new Malformed("activities answered " + page.getNodeType() + ", not a list");
        }
        List<GarminActivity> out = new ArrayList<>();
        for (JsonNode a : page) {
            if (!a.path("activityId").canConvertToLong()
                    || !a.hasNonNull("startTimeGMT")
                    || !a.hasNonNull("startTimeLocal")) {
                skipped.add("activity without activityId/startTimeGMT: skipped");
                continue;
            }
            List<Double> zones = new ArrayList<>();
            for (int z = 1; z <= 5; z++) {
                Double v = dbl(a, "hrTimeInZone_" + z);
                if (v != null) {
                    zones.add(v);
                }
            }
            out.add(
                    new GarminActivity(
                            a.path("activityId").asLong(),
                            a.path("activityName").asText(null),
                            a.path("activityType").path("typeKey").asText("other"),
                            LocalDateTime.parse(a.path("startTimeLocal").asText(), TIME),
                            LocalDateTime.parse(a.path("startTimeGMT").asText(), TIME)
                                    .toInstant(ZoneOffset.UTC),
                            a.path("duration").asDouble(0),
                            dbl(a, "movingDuration"),
                            dbl(a, "distance"),
                            integer(a, "averageHR"),
                            integer(a, "maxHR"),
                            dbl(a, "activityTrainingLoad"),
                            dbl(a, "aerobicTrainingEffect"),
                            zones.size() == 5 ? zones : List.of()));
        }
        return out;
    }

    /** The night's HRV summary, empty when Garmin has none. */
    public static Optional<HrvNight> hrv(LocalDate date, JsonNode root) {
        JsonNode s = root.path("hrvSummary");
        if (s.isMissingNode() || s.isNull() || !s.hasNonNull("lastNightAvg")) {
            return Optional.empty();
        }
        JsonNode b = s.path("baseline");
        return Optional.of(
                new HrvNight(
                        s.hasNonNull("calendarDate")
                                ? LocalDate.parse(s.path("calendarDate").asText())
                                : date,
                        dbl(s, "lastNightAvg"),
                        dbl(s, "weeklyAvg"),
                        dbl(s, "lastNight5MinHigh"),
                        s.path("status").asText(null),
                        dbl(b, "lowUpper"),
                        dbl(b, "balancedLow"),
                        dbl(b, "balancedUpper"),
                        dbl(b, "markerValue")));
    }

    /** The night's sleep, empty when Garmin has none. */
    public static Optional<SleepNight> sleep(LocalDate date, JsonNode root) {
        JsonNode d = root.path("dailySleepDTO");
        if (!d.path("sleepTimeSeconds").canConvertToLong()) {
            return Optional.empty();
        }
        JsonNode score = d.path("sleepScores").path("overall").path("value");
        return Optional.of(
                new SleepNight(
                        d.hasNonNull("calendarDate")
                                ? LocalDate.parse(d.path("calendarDate").asText())
                                : date,
                        d.path("sleepTimeSeconds").asDouble(),
                        dbl(d, "deepSleepSeconds"),
                        dbl(d, "lightSleepSeconds"),
                        dbl(d, "remSleepSeconds"),
                        dbl(d, "awakeSleepSeconds"),
                        score.canConvertToInt() ? score.asInt() : null,
                        millis(d, "sleepStartTimestampGMT"),
                        millis(d, "sleepEndTimestampGMT")));
    }

    /** Resting HR values of a range. */
    public List<RestingHrDay> restingHr(JsonNode root) {
        JsonNode values =
                root.path("allMetrics").path("metricsMap").path("WELLNESS_RESTING_HEART_RATE");
        List<RestingHrDay> out = new ArrayList<>();
        for (JsonNode v : values) {
            if (!v.path("value").canConvertToInt() || !v.hasNonNull("calendarDate")) {
                continue; // a day without a value is simply not measured
            }
            out.add(
                    new RestingHrDay(
                            LocalDate.parse(v.path("calendarDate").asText()),
                            v.path("value").asInt()));
        }
        return out;
    }

    private static Double dbl(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? v.asDouble() : null;
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNumber() ? (int) Math.round(v.asDouble()) : null;
    }

    private static Instant millis(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.canConvertToLong() ? Instant.ofEpochMilli(v.asLong()) : null;
    }
}
