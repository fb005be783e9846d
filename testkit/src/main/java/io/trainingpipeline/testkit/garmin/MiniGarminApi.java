package io.trainingpipeline.testkit.garmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The connectapi endpoints of Mini-Garmin: data reads, workouts, schedules, the calendar. */
final class MiniGarminApi {
    static final String DISPLAY_NAME = "mini-athlete";
    private static final Pattern WORKOUT = Pattern.compile("/workout-service/workout/(\\d+)");
    private static final Pattern SCHEDULE = Pattern.compile("/workout-service/schedule/(\\d+)");
    private static final Pattern CALENDAR =
            Pattern.compile("/calendar-service/year/(\\d{4})/month/(\\d{1,2})");

    /** One answer: status, body (null = none). */
    record Reply(int status, Object body, String contentType) {
        static Reply json(Object body) {
            return new Reply(200, body, "application/json");
        }

        static Reply status(int status) {
            return new Reply(status, null, null);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final MiniGarminData data;
    private final MiniGarminFaults faults;
    private final Map<Long, ObjectNode> workouts = new ConcurrentSkipListMap<>();
    private final Map<Long, ObjectNode> schedules = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong(900_000_000L);
    private volatile Supplier<byte[]> fitBytes = () -> new byte[] {14, 16, 0, 0};

    MiniGarminApi(MiniGarminData data, MiniGarminFaults faults) {
        this.data = data;
        this.faults = faults;
    }

    void fitBytes(Supplier<byte[]> supplier) {
        this.fitBytes = supplier;
    }

    Map<Long, ObjectNode> workouts() {
        return workouts;
    }

    Map<Long, ObjectNode> schedules() {
        return schedules;
    }

    Reply handle(String method, String path, Map<String, String> q, byte[] body) {
        Matcher m;
        if (path.equals("/userprofile-service/socialProfile")) {
            return Reply.json(Map.of("displayName", DISPLAY_NAME, "userName", "mini@example"));
        }
        if (path.equals("/activitylist-service/activities/search/activities")) {
            return activities(q);
        }
        if (path.startsWith("/download-service/files/activity/")) {
            long id = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
            return data.activity(id) == null
                    ? Reply.status(404)
                    : new Reply(200, zip(id + "_ACTIVITY.fit", fitBytes.get()), "application/zip");
        }
        if (path.startsWith("/hrv-service/hrv/")) {
            Map<String, Object> night = data.hrv(LocalDate.parse(path.substring(17)));
            return night == null ? Reply.status(204) : Reply.json(night);
        }
        if (path.startsWith("/wellness-service/wellness/dailySleepData/")) {
            Map<String, Object> night = data.sleep(LocalDate.parse(q.get("date")));
            return Reply.json(night == null ? Map.of("dailySleepDTO", Map.of()) : night);
        }
        if (path.startsWith("/userstats-service/wellness/daily/")) {
            return restingHr(
                    LocalDate.parse(q.get("fromDate")), LocalDate.parse(q.get("untilDate")));
        }
        if (path.startsWith("/metrics-service/metrics/trainingreadiness/")) {
            String day = path.substring(path.lastIndexOf('/') + 1);
            return Reply.json(
                    List.of(Map.of("calendarDate", day, "score", 62, "level", "MODERATE")));
        }
        if (path.equals("/workout-service/workouts") && method.equals("GET")) {
            int start = intParam(q, "start", 0);
            int limit = intParam(q, "limit", 100);
            List<ObjectNode> all = new ArrayList<>(workouts.values());
            return Reply.json(
                    all.subList(Math.min(start, all.size()), Math.min(start + limit, all.size())));
        }
        if (path.equals("/workout-service/workout") && method.equals("POST")) {
            ObjectNode w = (ObjectNode) read(body);
            long id = ids.incrementAndGet();
            w.put("workoutId", id);
            w.put("ownerId", 4242);
            w.put("createdDate", LocalDateTime.now().toString());
            workouts.put(id, w);
            return Reply.json(w);
        }
        if ((m = WORKOUT.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            ObjectNode w = workouts.get(id);
            if (w == null) {
                return Reply.status(404);
            }
            switch (method) {
                case "GET":
                    return Reply.json(w);
                case "PUT":
                    ObjectNode updated = (ObjectNode) read(body);
                    updated.put("workoutId", id);
                    workouts.put(id, updated);
                    return Reply.status(204);
                case "DELETE":
                    workouts.remove(id);
                    schedules.values().removeIf(s -> s.path("workoutId").asLong() == id);
                    return Reply.status(204);
                default:
                    return Reply.status(405);
            }
        }
        if ((m = SCHEDULE.matcher(path)).matches()) {
            long id = Long.parseLong(m.group(1));
            if (method.equals("POST")) {
                ObjectNode w = workouts.get(id);
                if (w == null) {
                    return Reply.status(404);
                }
                long scheduleId = ids.incrementAndGet();
                ObjectNode s = json.createObjectNode();
                s.put("workoutScheduleId", scheduleId);
                s.put("workoutId", id);
                s.put("calendarDate", read(body).path("date").asText());
                s.put("title", w.path("workoutName").asText());
                schedules.put(scheduleId, s);
                return Reply.json(s);
            }
            if (method.equals("DELETE")) {
                return Reply.status(schedules.remove(id) == null ? 404 : 204);
            }
            return Reply.status(405);
        }
        if ((m = CALENDAR.matcher(path)).matches()) {
            return calendar(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return Reply.status(404);
    }

    private Reply activities(Map<String, String> q) {
        List<Map<String, Object>> all =
                data.activitiesBetween(
                        LocalDate.parse(q.get("startDate")), LocalDate.parse(q.get("endDate")));
        int start = intParam(q, "start", 0);
        int limit = intParam(q, "limit", 20);
        if (faults.duplicatePages && start > 0) {
            start--; // the page overlaps the previous one, as when a new activity shifts paging
        }
        int from = Math.min(start, all.size());
        return Reply.json(all.subList(from, Math.min(from + limit, all.size())));
    }

    private Reply restingHr(LocalDate from, LocalDate to) {
        List<Map<String, Object>> values = new ArrayList<>();
        data.restingHr(from, to)
                .forEach((d, v) -> values.add(Map.of("calendarDate", d.toString(), "value", v)));
        return Reply.json(
                Map.of(
                        "allMetrics",
                        Map.of("metricsMap", Map.of("WELLNESS_RESTING_HEART_RATE", values))));
    }

    private Reply calendar(int year, int month0) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (ObjectNode s : schedules.values()) {
            LocalDate d = LocalDate.parse(s.path("calendarDate").asText());
            if (d.getYear() == year && d.getMonthValue() - 1 == month0) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", s.path("workoutScheduleId").asLong());
                item.put("itemType", "workout");
                item.put("date", d.toString());
                item.put("workoutId", s.path("workoutId").asLong());
                item.put("title", s.path("title").asText());
                items.add(item);
            }
        }
        LocalDate first = LocalDate.of(year, month0 + 1, 1);
        for (Map<String, Object> a :
                data.activitiesBetween(first, first.plusMonths(1).minusDays(1))) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", a.get("activityId"));
            item.put("itemType", "activity");
            item.put("date", ((String) a.get("startTimeLocal")).substring(0, 10));
            item.put("title", a.get("activityName"));
            items.add(item);
        }
        return Reply.json(Map.of("year", year, "month", month0, "calendarItems", items));
    }

    JsonNode read(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int intParam(Map<String, String> q, String name, int dflt) {
        String v = q.get(name);
        return v == null ? dflt : Integer.parseInt(v);
    }

    private static byte[] zip(String name, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
