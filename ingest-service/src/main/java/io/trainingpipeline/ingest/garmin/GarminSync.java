package io.trainingpipeline.ingest.garmin;

import io.trainingpipeline.garmin.GarminGateway;
import io.trainingpipeline.garmin.model.GarminActivity;
import io.trainingpipeline.ingest.config.Athletes;
import io.trainingpipeline.ingest.config.IngestConfig;
import io.trainingpipeline.ingest.messaging.EventPublisher;
import io.trainingpipeline.ingest.metrics.IngestMetrics;
import io.trainingpipeline.ingest.sync.GarminEvents;
import io.trainingpipeline.ingest.sync.SyncPlan;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.events.HrvMeasured;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Fetches a {@link SyncPlan} from Garmin chunk by chunk and publishes each chunk only once all of
 * it was fetched, so an interruption or failure leaves whole chunks published and a resumed run
 * starts at the next chunk (re-publishing a chunk would only repeat identical event ids).
 */
@ApplicationScoped
public class GarminSync {
    /** Counts of what one sync published. */
    public record Result(int activities, int hrvNights, int sleepNights, int restingHrDays) {
        Result plus(Result o) {
            return new Result(
                    activities + o.activities,
                    hrvNights + o.hrvNights,
                    sleepNights + o.sleepNights,
                    restingHrDays + o.restingHrDays);
        }
    }

    /** Thrown when a run was asked to stop; chunks before it are published. */
    public static final class Interrupted extends RuntimeException {
        Interrupted(String athleteId) {
            super("sync of athlete " + athleteId + " interrupted");
        }
    }

    private final GarminGateway garmin;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final Athletes athletes;
    private final IngestConfig config;

    public GarminSync(
            GarminGateway garmin,
            EventPublisher publisher,
            IngestMetrics metrics,
            Athletes athletes,
            IngestConfig config) {
        this.garmin = garmin;
        this.publisher = publisher;
        this.metrics = metrics;
        this.athletes = athletes;
        this.config = config;
    }

    /**
     * Runs {@code plan}; {@code chunkDone} receives the last day of each published chunk.
     *
     * @throws Interrupted when {@code cancelled} turns true (checked between days)
     */
    public Result run(
            String athleteId,
            SyncPlan plan,
            BooleanSupplier cancelled,
            Consumer<LocalDate> chunkDone) {
        ZoneId zone = athletes.zone(athleteId);
        Result total = new Result(0, 0, 0, 0);
        for (LocalDate[] chunk : SyncPlan.chunks(plan.from(), plan.to(), config.chunkDays())) {
            List<EventEnvelope<?>> events = new ArrayList<>();
            Result r = fetch(athleteId, plan, chunk[0], chunk[1], zone, cancelled, events);
            publisher.publish(events);
            metrics.activities(athleteId, EventSources.GARMIN_CONNECT, r.activities());
            for (EventEnvelope<?> e : events) {
                if (e.payload() instanceof HrvMeasured) {
                    metrics.hrvNight(athleteId, e.occurredAt());
                }
            }
            total = total.plus(r);
            chunkDone.accept(chunk[1]);
        }
        return total;
    }

    private Result fetch(
            String athleteId,
            SyncPlan plan,
            LocalDate from,
            LocalDate to,
            ZoneId zone,
            BooleanSupplier cancelled,
            List<EventEnvelope<?>> events) {
        int activities = 0;
        int hrv = 0;
        int sleep = 0;
        int rhr = 0;
        LocalDate actFrom = later(from, plan.activitiesFrom());
        if (!actFrom.isAfter(to)) {
            for (GarminActivity a : garmin.activities(athleteId, actFrom, to)) {
                events.add(GarminEvents.activity(athleteId, a));
                activities++;
            }
        }
        LocalDate wellFrom = later(from, plan.wellnessFrom());
        if (!wellFrom.isAfter(to)) {
            for (LocalDate d = wellFrom; !d.isAfter(to); d = d.plusDays(1)) {
                if (cancelled.getAsBoolean()) {
                    throw new Interrupted(athleteId);
                }
                var night = garmin.hrv(athleteId, d);
                if (night.isPresent()) {
                    events.add(GarminEvents.hrv(athleteId, night.get(), zone));
                    hrv++;
                }
                var s = garmin.sleep(athleteId, d);
                if (s.isPresent()) {
                    events.add(GarminEvents.sleep(athleteId, s.get(), zone));
                    sleep++;
                }
            }
            for (var day : garmin.restingHr(athleteId, wellFrom, to)) {
                events.add(GarminEvents.restingHr(athleteId, day, zone));
                rhr++;
            }
        }
        if (cancelled.getAsBoolean()) {
            throw new Interrupted(athleteId);
        }
        return new Result(activities, hrv, sleep, rhr);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
