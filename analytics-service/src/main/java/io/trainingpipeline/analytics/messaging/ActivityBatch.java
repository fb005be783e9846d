package io.trainingpipeline.analytics.messaging;

import io.trainingpipeline.analytics.load.ActivityLoad;
import io.trainingpipeline.analytics.load.HrProfile;
import io.trainingpipeline.analytics.store.ActivityRow;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.MalformedEventException;
import io.trainingpipeline.schemas.events.ActivityRecorded;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a poll batch of {@code ingest.activity.v1} into {@link ActivityRow}s: parse, athlete-local
 * day (training-science section 1: {@code startLocal}, else the start in the athlete's zone) and
 * per-activity load (section 2). Shared by the consumer and the replay benchmark.
 */
public final class ActivityBatch {
    /** Resolves an athlete's heart-rate profile as of a day. */
    @FunctionalInterface
    public interface ProfileLookup {
        HrProfile profile(String athleteId, LocalDate asOf, OptionalDouble batchMaxHr)
                throws SQLException;
    }

    private final RecordParser parser;
    private final ActivityLoad load;
    private final ProfileLookup profiles;
    private final Function<String, ZoneId> zones;

    public ActivityBatch(
            RecordParser parser,
            ActivityLoad load,
            ProfileLookup profiles,
            Function<String, ZoneId> zones) {
        this.parser = parser;
        this.load = load;
        this.profiles = profiles;
        this.zones = zones;
    }

    /** Parsed, dated and loaded rows of the batch (malformed records counted and skipped). */
    public List<ActivityRow> rows(Iterable<ConsumerRecord<String, byte[]>> records)
            throws SQLException {
        return loaded(parser.parse(records, ActivityBatch::check));
    }

    /**
     * Like {@link #rows(Iterable)}, parsing {@code parts} slices of the batch at once (the caller's
     * thread takes the first, {@code pool} the others; JSON parsing is most of the CPU of a
     * replay). The result is the same, in the same order.
     */
    public List<ActivityRow> rows(
            List<ConsumerRecord<String, byte[]>> records, Executor pool, int parts)
            throws SQLException {
        int size = (records.size() + parts - 1) / Math.max(1, parts);
        if (parts <= 1 || records.size() < 2 * parts) {
            return rows(records);
        }
        List<CompletableFuture<List<EventEnvelope<ActivityRecorded>>>> rest = new ArrayList<>();
        for (int from = size; from < records.size(); from += size) {
            List<ConsumerRecord<String, byte[]>> slice =
                    records.subList(from, Math.min(records.size(), from + size));
            rest.add(
                    CompletableFuture.supplyAsync(
                            () -> parser.parse(slice, ActivityBatch::check), pool));
        }
        List<EventEnvelope<ActivityRecorded>> events =
                new ArrayList<>(parser.parse(records.subList(0, size), ActivityBatch::check));
        for (var f : rest) {
            events.addAll(f.join());
        }
        return loaded(events);
    }

    private List<ActivityRow> loaded(List<EventEnvelope<ActivityRecorded>> events)
            throws SQLException {
        Map<String, List<EventEnvelope<ActivityRecorded>>> byAthlete = new LinkedHashMap<>();
        for (EventEnvelope<ActivityRecorded> e : events) {
            byAthlete.computeIfAbsent(e.athleteId(), k -> new ArrayList<>()).add(e);
        }
        List<ActivityRow> rows = new ArrayList<>(events.size());
        for (var entry : byAthlete.entrySet()) {
            ZoneId zone = zones.apply(entry.getKey());
            LocalDate newest = LocalDate.MIN;
            double maxHr = Double.NaN;
            for (EventEnvelope<ActivityRecorded> e : entry.getValue()) {
                LocalDate day = localDate(e.payload(), zone);
                newest = day.isAfter(newest) ? day : newest;
                Integer m = e.payload().maxHr();
                if (m != null && !(m <= maxHr)) {
                    maxHr = m;
                }
            }
            HrProfile profile =
                    profiles.profile(
                            entry.getKey(),
                            newest,
                            Double.isNaN(maxHr)
                                    ? OptionalDouble.empty()
                                    : OptionalDouble.of(maxHr));
            for (EventEnvelope<ActivityRecorded> e : entry.getValue()) {
                ActivityRecorded a = e.payload();
                ActivityLoad.Result r =
                        load.compute(
                                new ActivityLoad.Input(
                                        a.hrSecondsByBpm(),
                                        a.hrZoneSeconds(),
                                        a.avgHr(),
                                        a.durationSeconds(),
                                        a.precomputedLoad()),
                                profile);
                rows.add(
                        new ActivityRow(
                                e, localDate(a, zone), r.hrss(), r.trimp(), r.method().wireName()));
            }
        }
        return rows;
    }

    private static LocalDate localDate(ActivityRecorded a, ZoneId zone) {
        return a.startLocal() != null
                ? a.startLocal().toLocalDate()
                : a.startUtc().atZone(zone).toLocalDate();
    }

    @SuppressWarnings("unchecked")
    private static EventEnvelope<ActivityRecorded> check(
            io.trainingpipeline.schemas.EventEnvelope<io.trainingpipeline.schemas.EventPayload> e) {
        if (!(e.payload() instanceof ActivityRecorded a)) {
            throw new MalformedEventException(
                    "eventType", "expected activity.recorded, got " + e.eventType(), null);
        }
        RecordParser.require(a.startUtc(), "payload.startUtc");
        RecordParser.require(a.activityKey(), "payload.activityKey");
        RecordParser.require(a.sport(), "payload.sport");
        if (!(a.durationSeconds() >= 0)) {
            throw new MalformedEventException("payload.durationSeconds", "negative", null);
        }
        return (EventEnvelope<ActivityRecorded>) (EventEnvelope<?>) e;
    }
}
