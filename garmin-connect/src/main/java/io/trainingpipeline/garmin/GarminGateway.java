package io.trainingpipeline.garmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trainingpipeline.garmin.api.GarminCalls;
import io.trainingpipeline.garmin.api.GarminClients;
import io.trainingpipeline.garmin.api.GarminReply;
import io.trainingpipeline.garmin.model.GarminActivity;
import io.trainingpipeline.garmin.model.GarminParse;
import io.trainingpipeline.garmin.model.HrvNight;
import io.trainingpipeline.garmin.model.RestingHrDay;
import io.trainingpipeline.garmin.model.SleepNight;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jboss.logging.Logger;

/**
 * The one entry point to Garmin Connect for every service (ingest reads, planner pushes). Each
 * method takes the athlete id (whose token file is used) and runs through {@link GarminCalls}
 * (retry, Retry-After, refresh) and {@code GarminHttp} (timeout, circuit breaker, fallback).
 * Errors: {@link GarminAuthException} (human needed), {@link GarminRequestException} (4xx), {@link
 * GarminUnavailableException} (transient).
 */
@ApplicationScoped
public class GarminGateway {
    private static final Logger LOG = Logger.getLogger(GarminGateway.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PAGES = 1000;

    private final GarminCalls calls;
    private final GarminClients clients;
    private final GarminConfig config;
    private final Map<String, String> displayNames = new ConcurrentHashMap<>();

    public GarminGateway(GarminCalls calls, GarminClients clients, GarminConfig config) {
        this.calls = calls;
        this.clients = clients;
        this.config = config;
    }

    /** The athlete's {@code displayName} (needed by the sleep and resting-HR paths); cached. */
    public String displayName(String athleteId) {
        return displayNames.computeIfAbsent(
                athleteId,
                a ->
                        read(a, "profile", b -> clients.api().profile(b))
                                .path("displayName")
                                .asText());
    }

    /**
     * Activities whose local start date lies in [from, to], paged until a short page, de-duplicated
     * by activity id (pages can overlap when an activity arrives during paging), newest first.
     */
    public List<GarminActivity> activities(String athleteId, LocalDate from, LocalDate to) {
        Map<Long, GarminActivity> seen = new LinkedHashMap<>();
        GarminParse parser = new GarminParse();
        int limit = config.pageSize();
        for (int page = 0; page < MAX_PAGES; page++) {
            int start = page * limit;
            JsonNode node =
                    read(
                            athleteId,
                            "activities",
                            b ->
                                    clients.api()
                                            .activities(
                                                    b,
                                                    from.toString(),
                                                    to.toString(),
                                                    start,
                                                    limit));
            for (GarminActivity a : parser.activities(node)) {
                seen.putIfAbsent(a.activityId(), a);
            }
            if (node.size() < limit) {
                break;
            }
        }
        parser.skipped().forEach(reason -> LOG.warnf("athlete %s: %s", athleteId, reason));
        return new ArrayList<>(seen.values());
    }

    /** The original FIT file of an activity (unzipped). */
    public byte[] activityFit(String athleteId, long activityId) {
        byte[] zip =
                calls.call(
                        athleteId,
                        "activity_file",
                        true,
                        b -> clients.api().activityFile(b, activityId),
                        GarminReply::body);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().toLowerCase().endsWith(".fit")) {
                    return in.readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new GarminUnavailableException("activity_file " + activityId + ": bad ZIP");
        }
        throw new GarminUnavailableException("activity_file " + activityId + ": no .fit in ZIP");
    }

    /** HRV of the night filed under {@code date}; empty when none was recorded. */
    public Optional<HrvNight> hrv(String athleteId, LocalDate date) {
        return calls.call(
                athleteId,
                "hrv",
                true,
                b -> clients.api().hrv(b, date.toString()),
                r -> r.empty() ? Optional.empty() : GarminParse.hrv(date, tree("hrv", r)));
    }

    /** Sleep of the night ending on {@code date}; empty when none was recorded. */
    public Optional<SleepNight> sleep(String athleteId, LocalDate date) {
        String name = displayName(athleteId);
        return calls.call(
                athleteId,
                "sleep",
                true,
                b -> clients.api().sleep(b, name, date.toString(), 60),
                r -> r.empty() ? Optional.empty() : GarminParse.sleep(date, tree("sleep", r)));
    }

    /** Resting HR for each measured day in [from, to] (one call). */
    public List<RestingHrDay> restingHr(String athleteId, LocalDate from, LocalDate to) {
        String name = displayName(athleteId);
        return calls.call(
                athleteId,
                "resting_hr",
                true,
                b -> clients.api().restingHr(b, name, from.toString(), to.toString(), 60),
                r -> new GarminParse().restingHr(tree("resting_hr", r)));
    }

    /** Training readiness entries of a day (raw JSON list). */
    public JsonNode trainingReadiness(String athleteId, LocalDate date) {
        return read(
                athleteId,
                "training_readiness",
                b -> clients.api().trainingReadiness(b, date.toString()));
    }

    /** Creates a workout; answers Garmin's stored version (with {@code workoutId}). */
    public JsonNode createWorkout(String athleteId, JsonNode workout) {
        String body = workout.toString();
        return calls.call(
                athleteId,
                "workout_create",
                false,
                b -> clients.api().createWorkout(b, body),
                r -> tree("workout_create", r));
    }

    /** Reads a workout back (Garmin alters some fields on upload: compare what you wrote). */
    public JsonNode workout(String athleteId, long workoutId) {
        return read(athleteId, "workout_get", b -> clients.api().workout(b, workoutId));
    }

    /** Replaces a workout. */
    public void updateWorkout(String athleteId, long workoutId, JsonNode workout) {
        String body = workout.toString();
        calls.call(
                athleteId,
                "workout_update",
                true,
                b -> clients.api().updateWorkout(b, workoutId, body),
                r -> null);
    }

    /** Deletes a workout (its schedules go with it). */
    public void deleteWorkout(String athleteId, long workoutId) {
        calls.call(
                athleteId,
                "workout_delete",
                true,
                b -> clients.api().deleteWorkout(b, workoutId),
                r -> null);
    }

    /** One page of the athlete's workouts. */
    public List<JsonNode> workouts(String athleteId, int start, int limit) {
        JsonNode list = read(athleteId, "workouts", b -> clients.api().workouts(b, start, limit));
        List<JsonNode> out = new ArrayList<>();
        list.forEach(out::add);
        return out;
    }

    /** Schedules a workout on a date; answers {@code {workoutScheduleId, ...}}. */
    public JsonNode scheduleWorkout(String athleteId, long workoutId, LocalDate date) {
        String body = JSON.createObjectNode().put("date", date.toString()).toString();
        return calls.call(
                athleteId,
                "schedule",
                false,
                b -> clients.api().schedule(b, workoutId, body),
                r -> tree("schedule", r));
    }

    /** Removes a scheduled workout from the calendar (the workout itself stays). */
    public void unscheduleWorkout(String athleteId, long scheduleId) {
        calls.call(
                athleteId,
                "unschedule",
                true,
                b -> clients.api().unschedule(b, scheduleId),
                r -> null);
    }

    /**
     * The calendar of a month: {@code {calendarItems: [{itemType, date, workoutId, id, title}]}}.
     *
     * @param month0 month, 0-based as Garmin wants it (January = 0)
     */
    public JsonNode calendarMonth(String athleteId, int year, int month0) {
        return read(athleteId, "calendar", b -> clients.api().calendarMonth(b, year, month0));
    }

    private JsonNode read(
            String athleteId,
            String endpoint,
            java.util.function.Function<String, jakarta.ws.rs.core.Response> request) {
        return calls.call(athleteId, endpoint, true, request, r -> tree(endpoint, r));
    }

    private static JsonNode tree(String endpoint, GarminReply reply) {
        return GarminParse.tree(endpoint, reply.body());
    }
}
