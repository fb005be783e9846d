package io.trainingpipeline.ingest.jobs;

import io.trainingpipeline.ingest.garmin.GarminSync;
import io.trainingpipeline.ingest.metrics.IngestMetrics;
import io.trainingpipeline.ingest.store.SyncStateStore;
import io.trainingpipeline.ingest.sync.SyncPlan;
import io.trainingpipeline.ingest.sync.SyncState;
import io.trainingpipeline.ingest.sync.SyncState.Backfill;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Backfills a date range in the background, chunk by chunk, logging the percentage done and setting
 * {@code backfill_progress_permille}. The progress is stored with the sync state after every chunk:
 * an interrupted (or crashed) backfill asked again for the same range resumes after the last
 * finished chunk.
 */
@ApplicationScoped
public class BackfillRunner {
    private static final Logger LOG = Logger.getLogger(BackfillRunner.class);

    /** Status of an athlete's backfill, as the REST API shows it. */
    public record Status(
            String athleteId,
            LocalDate from,
            LocalDate to,
            LocalDate doneThrough,
            String status,
            double progress,
            String error) {
        static Status of(String athleteId, Backfill b) {
            long total = ChronoUnit.DAYS.between(b.from(), b.to()) + 1;
            long done =
                    b.doneThrough() == null
                            ? 0
                            : ChronoUnit.DAYS.between(b.from(), b.doneThrough()) + 1;
            return new Status(
                    athleteId,
                    b.from(),
                    b.to(),
                    b.doneThrough(),
                    b.status(),
                    Math.round(1000.0 * done / total) / 1000.0,
                    b.error());
        }
    }

    private final GarminSync sync;
    private final SyncStateStore states;
    private final IngestMetrics metrics;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

    public BackfillRunner(GarminSync sync, SyncStateStore states, IngestMetrics metrics) {
        this.sync = sync;
        this.states = states;
        this.metrics = metrics;
    }

    /**
     * Starts (or resumes) a backfill; empty when one is already running for the athlete.
     *
     * @throws IllegalArgumentException when {@code from} is after {@code to}
     */
    public synchronized Optional<Status> start(String athleteId, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (running.containsKey(athleteId)) {
            return Optional.empty();
        }
        Backfill prev = states.load(athleteId).backfill();
        boolean resume =
                prev != null
                        && prev.from().equals(from)
                        && prev.to().equals(to)
                        && prev.doneThrough() != null
                        && !"DONE".equals(prev.status());
        LocalDate done = resume ? prev.doneThrough() : null;
        Backfill started = new Backfill(from, to, done, "RUNNING", null);
        save(athleteId, started);
        LocalDate begin = done == null ? from : done.plusDays(1);
        if (resume) {
            LOG.infof("backfill athlete %s %s..%s resumes at %s", athleteId, from, to, begin);
        }
        AtomicBoolean cancel = new AtomicBoolean();
        running.put(athleteId, cancel);
        executor.submit(() -> work(athleteId, started, begin, cancel));
        return Optional.of(Status.of(athleteId, started));
    }

    /** Asks a running backfill to stop after the current day; false when none runs. */
    public boolean interrupt(String athleteId) {
        AtomicBoolean cancel = running.get(athleteId);
        if (cancel == null) {
            return false;
        }
        cancel.set(true);
        return true;
    }

    /** The athlete's last backfill; RUNNING without a live task reads as INTERRUPTED. */
    public Optional<Status> status(String athleteId) {
        Backfill b = states.load(athleteId).backfill();
        if (b == null) {
            return Optional.empty();
        }
        if ("RUNNING".equals(b.status()) && !running.containsKey(athleteId)) {
            b = new Backfill(b.from(), b.to(), b.doneThrough(), "INTERRUPTED", b.error());
        }
        return Optional.of(Status.of(athleteId, b));
    }

    private void work(String athleteId, Backfill b, LocalDate begin, AtomicBoolean cancel) {
        Backfill[] current = {b};
        try {
            if (!begin.isAfter(b.to())) {
                sync.run(
                        athleteId,
                        new SyncPlan(begin, begin, b.to()),
                        cancel::get,
                        day -> {
                            current[0] = new Backfill(b.from(), b.to(), day, "RUNNING", null);
                            save(athleteId, current[0]);
                            Status s = Status.of(athleteId, current[0]);
                            metrics.backfillProgress(athleteId, s.progress());
                            LOG.infof(
                                    "backfill athlete %s: %.0f%% (through %s of %s..%s)",
                                    athleteId, s.progress() * 100, day, b.from(), b.to());
                        });
            }
            finish(athleteId, current[0], "DONE", null);
        } catch (GarminSync.Interrupted e) {
            finish(athleteId, current[0], "INTERRUPTED", null);
        } catch (
                RuntimeException
                        e) { // GarminException and anything unexpected: record, never lose the
            // progress
            LOG.errorf("backfill athlete %s failed: %s", athleteId, e.getMessage());
            finish(athleteId, current[0], "FAILED", e.getMessage());
        }
    }

    private void finish(String athleteId, Backfill b, String status, String error) {
        save(athleteId, new Backfill(b.from(), b.to(), b.doneThrough(), status, error));
        running.remove(athleteId);
        LOG.infof("backfill athlete %s %s..%s: %s", athleteId, b.from(), b.to(), status);
    }

    private void save(String athleteId, Backfill b) {
        SyncState s = states.load(athleteId);
        states.save(athleteId, s.withBackfill(b));
    }

    @PreDestroy
    void stop() {
        running.values().forEach(c -> c.set(true));
        executor.shutdown();
    }
}
