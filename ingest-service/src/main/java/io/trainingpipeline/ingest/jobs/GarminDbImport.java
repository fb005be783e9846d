package io.trainingpipeline.ingest.jobs;

import io.trainingpipeline.ingest.config.Athletes;
import io.trainingpipeline.ingest.garmindb.GarminDbEvents;
import io.trainingpipeline.ingest.garmindb.GarminDbRows;
import io.trainingpipeline.ingest.garmindb.GarminDbUnits;
import io.trainingpipeline.ingest.messaging.EventPublisher;
import io.trainingpipeline.ingest.metrics.IngestMetrics;
import io.trainingpipeline.ingest.store.GarminDbFile;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventSources;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Imports a GarminDB {@code HealthData/DBs} folder read-only: checks each file's {@code db.version}
 * and each table's required columns, normalises units ({@code measurement_system}, TIME text) and
 * publishes activity and wellness events. A missing file or table, or a row that does not parse, is
 * reported (file, table, row key, reason), logged and counted; everything else is still imported.
 */
@ApplicationScoped
public class GarminDbImport {
    private static final Logger LOG = Logger.getLogger(GarminDbImport.class);
    private static final List<String> ACTIVITY_COLUMNS =
            List.of(
                    "activity_id",
                    "name",
                    "sport",
                    "sub_sport",
                    "start_time",
                    "elapsed_time",
                    "moving_time",
                    "distance",
                    "avg_hr",
                    "max_hr",
                    "training_load",
                    "hrz_1_time",
                    "hrz_2_time",
                    "hrz_3_time",
                    "hrz_4_time",
                    "hrz_5_time");

    /** What an import did. */
    public record Report(
            String folder,
            Map<String, String> versions,
            int activities,
            int hrvNights,
            int sleepNights,
            int restingHrDays,
            List<String> errors) {}

    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final Athletes athletes;

    public GarminDbImport(EventPublisher publisher, IngestMetrics metrics, Athletes athletes) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.athletes = athletes;
    }

    /** Imports {@code folder} (the one holding garmin.db and garmin_activities.db). */
    public Report run(String athleteId, Path folder) {
        ZoneId zone = athletes.zone(athleteId);
        List<String> errors = new ArrayList<>();
        Map<String, String> versions = new java.util.TreeMap<>();
        int[] counts = new int[4];
        try (GarminDbFile db = open(folder.resolve("garmin_activities.db"), errors, versions)) {
            if (db != null) {
                String units =
                        versions.getOrDefault("garmin_activities.db#measurement_system", "metric");
                counts[0] =
                        table(
                                db,
                                "activities",
                                List.of("activity_id", "start_time", "elapsed_time"),
                                ACTIVITY_COLUMNS,
                                r -> GarminDbEvents.activity(athleteId, activity(r, units), zone),
                                errors);
            }
        } catch (SQLException e) {
            errors.add(e.getMessage());
        }
        try (GarminDbFile db = open(folder.resolve("garmin.db"), errors, versions)) {
            if (db != null) {
                counts[1] =
                        table(
                                db,
                                "hrv",
                                List.of("day", "last_night_avg"),
                                List.of(
                                        "day",
                                        "last_night_avg",
                                        "weekly_avg",
                                        "last_night_5min_high",
                                        "baseline_low",
                                        "baseline_upper",
                                        "status"),
                                r ->
                                        GarminDbEvents.hrv(
                                                athleteId,
                                                new GarminDbRows.Hrv(
                                                        day(r.get("day")),
                                                        dbl(r.get("last_night_avg")),
                                                        dbl(r.get("weekly_avg")),
                                                        dbl(r.get("last_night_5min_high")),
                                                        dbl(r.get("baseline_low")),
                                                        dbl(r.get("baseline_upper")),
                                                        str(r.get("status"))),
                                                zone),
                                errors);
                counts[2] =
                        table(
                                db,
                                "sleep",
                                List.of("day", "total_sleep"),
                                List.of(
                                        "day",
                                        "start",
                                        "end",
                                        "total_sleep",
                                        "deep_sleep",
                                        "light_sleep",
                                        "rem_sleep",
                                        "awake",
                                        "score"),
                                r ->
                                        GarminDbEvents.sleep(
                                                athleteId,
                                                new GarminDbRows.Sleep(
                                                        day(r.get("day")),
                                                        time(r.get("start")),
                                                        time(r.get("end")),
                                                        GarminDbUnits.seconds(
                                                                str(r.get("total_sleep"))),
                                                        GarminDbUnits.seconds(
                                                                str(r.get("deep_sleep"))),
                                                        GarminDbUnits.seconds(
                                                                str(r.get("light_sleep"))),
                                                        GarminDbUnits.seconds(
                                                                str(r.get("rem_sleep"))),
                                                        GarminDbUnits.seconds(str(r.get("awake"))),
                                                        integer(r.get("score"))),
                                                zone),
                                errors);
                counts[3] =
                        table(
                                db,
                                "resting_hr",
                                List.of("day", "resting_heart_rate"),
                                List.of("day", "resting_heart_rate"),
                                r ->
                                        GarminDbEvents.restingHr(
                                                athleteId,
                                                new GarminDbRows.RestingHr(
                                                        day(r.get("day")),
                                                        integer(r.get("resting_heart_rate"))),
                                                zone),
                                errors);
            }
        } catch (SQLException e) {
            errors.add(e.getMessage());
        }
        metrics.activities(athleteId, EventSources.GARMINDB, counts[0]);
        errors.forEach(e -> LOG.warnf("GarminDB import for athlete %s: %s", athleteId, e));
        LOG.infof(
                "GarminDB %s (athlete %s): %d activities, %d HRV, %d sleep, %d resting HR, %d errors",
                folder, athleteId, counts[0], counts[1], counts[2], counts[3], errors.size());
        return new Report(
                folder.toString(), versions, counts[0], counts[1], counts[2], counts[3], errors);
    }

    private GarminDbFile open(Path file, List<String> errors, Map<String, String> versions)
            throws SQLException {
        if (!Files.isRegularFile(file)) {
            errors.add(file + ": missing");
            return null;
        }
        GarminDbFile db = new GarminDbFile(file);
        Map<String, String> attrs = db.attributes();
        String version = attrs.getOrDefault("db.version", attrs.get("version"));
        if (version == null) {
            db.close();
            throw new SQLException(
                    file + ": _attributes has no db.version (not a GarminDB database)");
        }
        String name = file.getFileName().toString();
        versions.put(name, version);
        if (attrs.containsKey("measurement_system")) {
            versions.put(name + "#measurement_system", attrs.get("measurement_system"));
        }
        return db;
    }

    private int table(
            GarminDbFile db,
            String table,
            List<String> required,
            List<String> wanted,
            Function<Map<String, Object>, EventEnvelope<?>> toEvent,
            List<String> errors)
            throws SQLException {
        Set<String> present = db.columns(table);
        List<String> missing = required.stream().filter(c -> !present.contains(c)).toList();
        if (!missing.isEmpty()) {
            metrics.garmindbRejected(table);
            errors.add(
                    db.file()
                            + ": table "
                            + table
                            + (present.isEmpty() ? " missing" : " lacks columns " + missing));
            return 0;
        }
        List<EventEnvelope<?>> events = new ArrayList<>();
        int published = 0;
        for (Map<String, Object> row : db.rows(table, wanted, present)) {
            try {
                events.add(toEvent.apply(row));
                published++;
            } catch (RuntimeException e) {
                metrics.garmindbRejected(table);
                errors.add(
                        db.file()
                                + ": table "
                                + table
                                + " row "
                                + row.get(wanted.get(0))
                                + ": "
                                + e.getMessage());
            }
            if (events.size() >= 500) {
                publisher.publish(events);
                events.clear();
            }
        }
        publisher.publish(events);
        return published;
    }

    private static GarminDbRows.Activity activity(Map<String, Object> r, String units) {
        List<Double> zones = new ArrayList<>();
        for (int z = 1; z <= 5; z++) {
            Double s = GarminDbUnits.seconds(str(r.get("hrz_" + z + "_time")));
            if (s != null) {
                zones.add(s);
            }
        }
        Double elapsed = GarminDbUnits.seconds(str(r.get("elapsed_time")));
        if (elapsed == null) {
            throw new IllegalArgumentException("elapsed_time is empty");
        }
        return new GarminDbRows.Activity(
                str(r.get("activity_id")),
                str(r.get("name")),
                str(r.get("sport")),
                str(r.get("sub_sport")),
                time(r.get("start_time")),
                elapsed,
                GarminDbUnits.seconds(str(r.get("moving_time"))),
                GarminDbUnits.metres(dbl(r.get("distance")), units),
                integer(r.get("avg_hr")),
                integer(r.get("max_hr")),
                dbl(r.get("training_load")),
                zones.size() == 5 ? zones : List.of());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Double dbl(Object o) {
        return o instanceof Number n
                ? n.doubleValue()
                : o == null ? null : Double.valueOf(o.toString());
    }

    private static Integer integer(Object o) {
        Double d = dbl(o);
        if (d == null) {
            return null;
        }
        return (int) Math.round(d);
    }

    private static LocalDate day(Object o) {
        if (o == null) {
            throw new IllegalArgumentException("day is empty");
        }
        return LocalDate.parse(o.toString().substring(0, Math.min(10, o.toString().length())));
    }

    private static LocalDateTime time(Object o) {
        if (o == null) {
            return null;
        }
        String s = o.toString().replace('T', ' ');
        if (s.length() < 19) {
            throw new IllegalArgumentException("not a timestamp: '" + s + "'");
        }
        return LocalDateTime.parse(s.substring(0, 19).replace(' ', 'T'));
    }
}
