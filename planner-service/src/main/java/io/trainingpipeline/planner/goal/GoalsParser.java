package io.trainingpipeline.planner.goal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a goals file (YAML, snake_case keys) into {@link Goals}. Every problem is a {@link
 * GoalsException} naming the file, the key and the reason; unknown keys are rejected too, so a typo
 * never silently falls back to a default.
 */
public final class GoalsParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS =
            Set.of(
                    "athlete_id",
                    "timezone",
                    "race",
                    "sports",
                    "available_weekdays",
                    "long_run_day",
                    "max_weekly_hours",
                    "blocked_dates");
    private static final Set<String> RACE_KEYS = Set.of("date", "distance", "target_time");
    private static final Map<String, Integer> DISTANCES =
            Map.of("5k", 5000, "10k", 10000, "half", 21097, "marathon", 42195);

    /** Minimum available weekdays: with fewer, a long run cannot stay at or below 30 %. */
    public static final int MIN_AVAILABLE_WEEKDAYS = 4;

    private GoalsParser() {}

    /** Parses YAML text read from {@code file} for the athlete {@code athleteId}. */
    public static Goals parse(String file, String athleteId, byte[] yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new GoalsException(file, "(file)", "not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new GoalsException(file, "(file)", "must be a YAML mapping");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new GoalsException(file, key, "unknown key (allowed: " + KEYS + ")");
            }
        }
        String declared = root.path("athlete_id").asText(athleteId);
        if (!declared.equals(athleteId)) {
            throw new GoalsException(
                    file, "athlete_id", "is '" + declared + "' but the file is for " + athleteId);
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(required(file, root, "timezone").asText());
        } catch (DateTimeException e) {
            throw new GoalsException(file, "timezone", "not an IANA zone id: " + e.getMessage());
        }
        JsonNode race = required(file, root, "race");
        if (!race.isObject()) {
            throw new GoalsException(file, "race", "must be a mapping with date and distance");
        }
        for (Iterator<String> it = race.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!RACE_KEYS.contains(key)) {
                throw new GoalsException(file, "race." + key, "unknown key");
            }
        }
        LocalDate raceDate = date(file, "race.date", required(file, race, "date"));
        int meters = distance(file, "race.distance", required(file, race, "distance"));
        Optional<Duration> target =
                race.hasNonNull("target_time")
                        ? Optional.of(targetTime(file, race.get("target_time").asText()))
                        : Optional.empty();
        List<String> sports = new ArrayList<>();
        JsonNode sportsNode = root.path("sports");
        if (sportsNode.isMissingNode()) {
            sports.add("running");
        } else if (!sportsNode.isArray() || sportsNode.isEmpty()) {
            throw new GoalsException(file, "sports", "must be a non-empty list");
        } else {
            sportsNode.forEach(s -> sports.add(s.asText().toLowerCase(Locale.ROOT)));
            if (!sports.contains("running")) {
                throw new GoalsException(
                        file, "sports", "must include running (the plan generator plans runs)");
            }
        }
        Set<DayOfWeek> days =
                weekdays(file, "available_weekdays", required(file, root, "available_weekdays"));
        DayOfWeek longRunDay =
                root.hasNonNull("long_run_day")
                        ? weekday(file, "long_run_day", root.get("long_run_day").asText())
                        : DayOfWeek.SUNDAY;
        if (!days.contains(longRunDay)) {
            throw new GoalsException(file, "long_run_day", "is not one of available_weekdays");
        }
        JsonNode hoursNode = required(file, root, "max_weekly_hours");
        double hours = hoursNode.asDouble(-1);
        if (!hoursNode.isNumber() || hours < 1 || hours > 30) {
            throw new GoalsException(file, "max_weekly_hours", "must be a number in [1, 30]");
        }
        List<DateRange> blocked = blocked(file, "blocked_dates", root.path("blocked_dates"));
        if (blocked.stream().anyMatch(r -> r.contains(raceDate))) {
            throw new GoalsException(file, "blocked_dates", "blocks the race date " + raceDate);
        }
        return new Goals(
                athleteId,
                zone,
                raceDate,
                meters,
                target,
                sports,
                days,
                longRunDay,
                hours,
                blocked);
    }

    private static JsonNode required(String file, JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            throw new GoalsException(file, key, "is required");
        }
        return node;
    }

    /** A date {@code YYYY-MM-DD}. */
    public static LocalDate date(String file, String key, JsonNode node) {
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeException e) {
            throw new GoalsException(file, key, "not a date YYYY-MM-DD: '" + node.asText() + "'");
        }
    }

    /** 5k, 10k, half, marathon, or a number of metres (1000 to 250000). */
    public static int distance(String file, String key, JsonNode node) {
        if (node.isNumber()) {
            int m = node.asInt();
            if (m < 1000 || m > 250_000) {
                throw new GoalsException(file, key, "metres must be in [1000, 250000]");
            }
            return m;
        }
        Integer m = DISTANCES.get(node.asText().toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new GoalsException(
                    file,
                    key,
                    "must be 5k, 10k, half, marathon or metres, got '" + node.asText() + "'");
        }
        return m;
    }

    private static Duration targetTime(String file, String text) {
        String[] parts = text.split(":");
        try {
            if (parts.length != 3) {
                throw new NumberFormatException();
            }
            return Duration.ofHours(Integer.parseInt(parts[0]))
                    .plusMinutes(Integer.parseInt(parts[1]))
                    .plusSeconds(Integer.parseInt(parts[2]));
        } catch (NumberFormatException e) {
            throw new GoalsException(
                    file, "race.target_time", "must be h:mm:ss, got '" + text + "'");
        }
    }

    /** A list of weekday abbreviations (MON..SUN) with at least four entries. */
    public static Set<DayOfWeek> weekdays(String file, String key, JsonNode node) {
        if (!node.isArray()) {
            throw new GoalsException(file, key, "must be a list like [MON, TUE, THU, SAT, SUN]");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (JsonNode d : node) {
            days.add(weekday(file, key, d.asText()));
        }
        if (days.size() < MIN_AVAILABLE_WEEKDAYS) {
            throw new GoalsException(
                    file,
                    key,
                    "needs at least "
                            + MIN_AVAILABLE_WEEKDAYS
                            + " weekdays (long run <= 30 % of the week needs 4 runs)");
        }
        return days;
    }

    /** MON, TUE, ... (case-insensitive; full names accepted). */
    public static DayOfWeek weekday(String file, String key, String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().equals(t) || d.name().startsWith(t) && t.length() == 3) {
                return d;
            }
        }
        throw new GoalsException(file, key, "not a weekday (MON..SUN): '" + text + "'");
    }

    /** Single dates and {from, to} ranges. */
    public static List<DateRange> blocked(String file, String key, JsonNode node) {
        List<DateRange> ranges = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return ranges;
        }
        if (!node.isArray()) {
            throw new GoalsException(file, key, "must be a list of dates or {from, to} ranges");
        }
        int i = 0;
        for (JsonNode entry : node) {
            String k = key + "[" + i++ + "]";
            if (entry.isObject()) {
                LocalDate from = date(file, k + ".from", required(file, entry, "from"));
                LocalDate to = date(file, k + ".to", required(file, entry, "to"));
                if (to.isBefore(from)) {
                    throw new GoalsException(file, k, "'to' is before 'from'");
                }
                ranges.add(new DateRange(from, to));
            } else {
                LocalDate d = date(file, k, entry);
                ranges.add(new DateRange(d, d));
            }
        }
        return List.copyOf(new LinkedHashSet<>(ranges));
    }
}
