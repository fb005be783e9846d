package io.trainingpipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Mini-Garmin's account holds, read from its {@code workouts()} and {@code schedules()} views:
 * the "no duplicate Garmin workouts" checks of the fault matrix. The athlete of a workout is the
 * one in the planner's provenance marker ({@code [training-pipeline <athlete>/<week>] ...}); a
 * workout without it was made by hand and counts as athlete {@code "(hand-made)"}.
 *
 * @param workouts workout id -> workout JSON as stored
 * @param schedules schedule id -> {@code {workoutScheduleId, workoutId, calendarDate, title}}
 */
record GarminCalendar(
        Map<Long, ? extends JsonNode> workouts, Map<Long, ? extends JsonNode> schedules) {
    private static final String MARKER = "[training-pipeline ";

    /** A copy of Mini-Garmin's current state (its maps change while pushes run). */
    static GarminCalendar of(io.trainingpipeline.testkit.garmin.MiniGarmin garmin) {
        return new GarminCalendar(
                new HashMap<>(garmin.workouts()), new HashMap<>(garmin.schedules()));
    }

    /**
     * Extra scheduled copies: a schedule is one when an earlier schedule has the same athlete, date
     * and workout name, or (for the planner's workouts) the same athlete, date and session id (two
     * versions of one session on the calendar). 0 means no duplicate Garmin workouts.
     */
    int duplicates() {
        return duplicateKeys().size();
    }

    /** The colliding keys, one per extra copy, for failure messages. */
    List<String> duplicateKeys() {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (JsonNode s : new java.util.TreeMap<Long, JsonNode>(schedules).values()) {
            JsonNode w = workouts.get(s.path("workoutId").asLong());
            String name = w == null ? s.path("title").asText() : w.path("workoutName").asText();
            String day = athlete(w) + "|" + s.path("calendarDate").asText() + "|";
            String byName = day + name;
            String session = session(w);
            String bySession = session == null ? null : day + "session=" + session;
            boolean again = !seen.add(byName) | (bySession != null && !seen.add(bySession));
            if (again) {
                out.add(bySession == null ? byName : byName + " (" + bySession + ")");
            }
        }
        return out;
    }

    /** Workouts of {@code athlete}'s week carrying the planner's marker and scheduled in it. */
    List<JsonNode> scheduledIn(String athlete, LocalDate week) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode s : schedules.values()) {
            JsonNode w = workouts.get(s.path("workoutId").asLong());
            if (w != null && ofWeek(w, athlete, week)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Stray copies: workouts of the week carrying the planner's marker that no schedule refers to
     * (left in the athlete's workout library by a push whose upload answer was lost).
     */
    int strays(String athlete, LocalDate week) {
        Set<Long> scheduled = new HashSet<>();
        schedules.values().forEach(s -> scheduled.add(s.path("workoutId").asLong()));
        int n = 0;
        for (Map.Entry<Long, ? extends JsonNode> e : workouts.entrySet()) {
            n += ofWeek(e.getValue(), athlete, week) && !scheduled.contains(e.getKey()) ? 1 : 0;
        }
        return n;
    }

    private static boolean ofWeek(JsonNode w, String athlete, LocalDate week) {
        return w.path("description").asText("").contains(MARKER + athlete + "/" + week + "]");
    }

    private static String session(JsonNode w) {
        String d = w == null ? "" : w.path("description").asText("");
        int at = d.lastIndexOf("session=");
        return d.contains(MARKER) && at >= 0 ? d.substring(at + 8).trim() : null;
    }

    private static String athlete(JsonNode w) {
        String d = w == null ? "" : w.path("description").asText("");
        int at = d.indexOf(MARKER);
        if (at < 0) {
            return "(hand-made)";
        }
        int end = d.indexOf('/', at);
        return end < 0 ? "(hand-made)" : d.substring(at + MARKER.length(), end);
    }
}
