package io.trainingpipeline.testkit.garmin;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Mini-Garmin's generated data set: several months of plausible activities (HR, time in zones,
 * Firstbeat load), nightly HRV with a realistic ln-rMSSD spread (some nights missing), sleep and
 * resting HR. Deterministic for a seed. Values are JSON-ready maps in Garmin's field names.
 */
public final class MiniGarminData {
    static final DateTimeFormatter GARMIN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;
    private final List<Map<String, Object>> activities = new ArrayList<>();
    private final TreeMap<LocalDate, Map<String, Object>> hrv = new TreeMap<>();
    private final TreeMap<LocalDate, Map<String, Object>> sleep = new TreeMap<>();
    private final TreeMap<LocalDate, Integer> restingHr = new TreeMap<>();
    private long nextActivityId = 17_000_000_000L;

    private MiniGarminData(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Generates {@code days} days ending at {@code lastDay} (inclusive) in {@code zone}.
     *
     * @param seed random seed; the same seed gives the same data
     */
    public static MiniGarminData generate(long seed, LocalDate lastDay, int days, ZoneId zone) {
        MiniGarminData d = new MiniGarminData(zone);
        Random rnd = new Random(seed);
        double lnBaseline = Math.log(55 + rnd.nextInt(20));
        for (int i = days - 1; i >= 0; i--) {
            LocalDate day = lastDay.minusDays(i);
            // about 5 sessions a week, a long run on Sundays, a rest day most Mondays
            boolean train =
                    day.getDayOfWeek().getValue() == 7
                            || (day.getDayOfWeek().getValue() != 1 && rnd.nextDouble() < 0.72);
            if (train) {
                d.addActivity(day, rnd);
            }
            if (rnd.nextDouble() > 0.06) { // ~6 % of nights the watch was not worn
                double ln = lnBaseline + rnd.nextGaussian() * 0.12;
                d.putHrv(day, Math.round(Math.exp(ln) * 10) / 10.0, Math.exp(lnBaseline));
                d.putSleep(day, rnd);
            }
            d.restingHr.put(day, 46 + rnd.nextInt(8));
        }
        return d;
    }

    private void addActivity(LocalDate day, Random rnd) {
        boolean sunday = day.getDayOfWeek().getValue() == 7;
        boolean ride = !sunday && rnd.nextDouble() < 0.2;
        double minutes = sunday ? 90 + rnd.nextInt(50) : 35 + rnd.nextInt(40);
        LocalDateTime startLocal =
                day.atTime(6 + rnd.nextInt(12), rnd.nextInt(60), rnd.nextInt(60));
        addActivity(startLocal, ride ? "cycling" : "running", minutes * 60, rnd);
    }

    /**
     * Adds one activity (for tests: "a new activity appeared"); returns its Garmin id.
     *
     * @param startLocal start in the data set's time zone
     * @param typeKey Garmin activity type key (running, cycling, ...)
     * @param durationSeconds elapsed time
     */
    public synchronized long addActivity(
            LocalDateTime startLocal, String typeKey, double durationSeconds, Random rnd) {
        long id = nextActivityId;
        nextActivityId += 1 + rnd.nextInt(900);
        int avgHr = 128 + rnd.nextInt(30);
        double speed =
                typeKey.equals("cycling") ? 7.5 + rnd.nextDouble() * 2 : 2.6 + rnd.nextDouble();
        double[] share = zoneShares(avgHr, rnd);
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("activityId", id);
        a.put(
                "activityName",
                (typeKey.equals("cycling") ? "Ride " : "Run ") + startLocal.toLocalDate());
        a.put("startTimeLocal", startLocal.format(GARMIN_TIME));
        LocalDateTime gmt =
                startLocal.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        a.put("startTimeGMT", gmt.format(GARMIN_TIME));
        a.put("activityType", Map.of("typeKey", typeKey));
        a.put("distance", Math.round(durationSeconds * 0.97 * speed * 10) / 10.0);
        a.put("duration", durationSeconds);
        a.put("movingDuration", Math.round(durationSeconds * 0.97));
        a.put("averageHR", (double) avgHr);
        a.put("maxHR", (double) avgHr + 15 + rnd.nextInt(15));
        a.put("aerobicTrainingEffect", Math.round((2 + rnd.nextDouble() * 2) * 10) / 10.0);
        a.put("activityTrainingLoad", Math.round(durationSeconds / 60 * (0.8 + rnd.nextDouble())));
        for (int z = 0; z < 5; z++) {
            a.put("hrTimeInZone_" + (z + 1), Math.round(durationSeconds * share[z] * 10) / 10.0);
        }
        activities.add(a);
        return id;
    }

    private static double[] zoneShares(int avgHr, Random rnd) {
        double[] s = {0.05, 0.35, 0.35, 0.2, 0.05};
        if (avgHr < 140) {
            s = new double[] {0.1, 0.6, 0.25, 0.05, 0.0};
        }
        double jitter = rnd.nextDouble() * 0.05;
        s[1] += jitter;
        s[2] -= jitter;
        return s;
    }

    private void putHrv(LocalDate day, double lastNightAvg, double baseline) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("calendarDate", day.toString());
        summary.put("weeklyAvg", Math.round(baseline));
        summary.put("lastNightAvg", lastNightAvg);
        summary.put("lastNight5MinHigh", Math.round(lastNightAvg * 1.35));
        summary.put("status", lastNightAvg < baseline * 0.85 ? "UNBALANCED" : "BALANCED");
        summary.put(
                "baseline",
                Map.of(
                        "lowUpper", Math.round(baseline * 0.8),
                        "balancedLow", Math.round(baseline * 0.88),
                        "balancedUpper", Math.round(baseline * 1.12),
                        "markerValue", 0.5));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hrvSummary", summary);
        body.put("hrvReadings", List.of());
        hrv.put(day, body);
    }

    private void putSleep(LocalDate day, Random rnd) {
        int total = 6 * 3600 + rnd.nextInt(2 * 3600 + 1800);
        int deep = (int) (total * 0.18);
        int rem = (int) (total * 0.22);
        int awake = 600 + rnd.nextInt(1800);
        long end = day.atTime(6, 30).atZone(zone).toEpochSecond() * 1000;
        Map<String, Object> dto = new LinkedHashMap<>();
        dto.put("calendarDate", day.toString());
        dto.put("sleepTimeSeconds", total);
        dto.put("deepSleepSeconds", deep);
        dto.put("lightSleepSeconds", total - deep - rem);
        dto.put("remSleepSeconds", rem);
        dto.put("awakeSleepSeconds", awake);
        dto.put("sleepStartTimestampGMT", end - (total + awake) * 1000L);
        dto.put("sleepEndTimestampGMT", end);
        dto.put("sleepScores", Map.of("overall", Map.of("value", 60 + rnd.nextInt(35))));
        sleep.put(day, Map.of("dailySleepDTO", dto));
    }

    /** The data set's time zone (local times and calendar dates). */
    public ZoneId zone() {
        return zone;
    }

    /** All activities, oldest first (a copy). */
    public synchronized List<Map<String, Object>> activities() {
        return List.copyOf(activities);
    }

    /** Ids of the activities whose local start date lies in [from, to]. */
    public synchronized List<Long> activityIds(LocalDate from, LocalDate to) {
        List<Long> ids = new ArrayList<>();
        for (Map<String, Object> a : activitiesBetween(from, to)) {
            ids.add((Long) a.get("activityId"));
        }
        return ids;
    }

    /** Activities with local start date in [from, to], newest first (Garmin's order). */
    synchronized List<Map<String, Object>> activitiesBetween(LocalDate from, LocalDate to) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> a : activities) {
            LocalDate day = LocalDate.parse(((String) a.get("startTimeLocal")).substring(0, 10));
            if (!day.isBefore(from) && !day.isAfter(to)) {
                out.add(a);
            }
        }
        out.sort(
                (x, y) ->
                        ((String) y.get("startTimeLocal"))
                                .compareTo((String) x.get("startTimeLocal")));
        return out;
    }

    /** Nights with an HRV summary in [from, to]. */
    public synchronized List<LocalDate> hrvNights(LocalDate from, LocalDate to) {
        return List.copyOf(hrv.subMap(from, true, to, true).keySet());
    }

    /** Nights with sleep data in [from, to]. */
    public synchronized List<LocalDate> sleepNights(LocalDate from, LocalDate to) {
        return List.copyOf(sleep.subMap(from, true, to, true).keySet());
    }

    /** Days with a resting HR value in [from, to]. */
    public synchronized List<LocalDate> restingHrDays(LocalDate from, LocalDate to) {
        return List.copyOf(restingHr.subMap(from, true, to, true).keySet());
    }

    synchronized Map<String, Object> hrv(LocalDate day) {
        return hrv.get(day);
    }

    synchronized Map<String, Object> sleep(LocalDate day) {
        return sleep.get(day);
    }

    synchronized Map<LocalDate, Integer> restingHr(LocalDate from, LocalDate to) {
        return Collections.unmodifiableMap(new TreeMap<>(restingHr.subMap(from, true, to, true)));
    }

    synchronized Map<String, Object> activity(long id) {
        return activities.stream()
                .filter(a -> ((Long) a.get("activityId")) == id)
                .findFirst()
                .orElse(null);
    }
}
