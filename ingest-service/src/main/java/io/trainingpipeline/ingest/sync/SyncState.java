package io.trainingpipeline.ingest.sync;

import java.time.LocalDate;

/**
 * One athlete's sync high-water marks (stored in {@code <data-dir>/ingest/<athlete>/state.json}).
 *
 * @param activitiesThrough activities are complete up to the day before this date; this day itself
 *     is fetched again (a later activity of the same day may appear), or null before any sync
 * @param wellnessThrough HRV, sleep and resting HR are complete through this date (never today:
 *     tonight's data does not exist yet), or null
 * @param backfill the last backfill command, or null
 */
public record SyncState(LocalDate activitiesThrough, LocalDate wellnessThrough, Backfill backfill) {
    /** Nothing synced yet. */
    public static final SyncState EMPTY = new SyncState(null, null, null);

    /**
     * A backfill command and how far it got.
     *
     * @param from first day
     * @param to last day
     * @param doneThrough every day up to this one is published (null = none yet)
     * @param status RUNNING, INTERRUPTED, FAILED or DONE
     * @param error the last failure, or null
     */
    public record Backfill(
            LocalDate from, LocalDate to, LocalDate doneThrough, String status, String error) {}

    /** The marks after {@code [from, to]} was fully synced on {@code today}. */
    public SyncState afterSync(LocalDate from, LocalDate to, LocalDate today) {
        LocalDate activities = max(activitiesThrough, to.isAfter(today) ? today : to);
        LocalDate completeWellness = to.isBefore(today) ? to : today.minusDays(1);
        // wellness marks only move forward over a contiguous range
        LocalDate wellness =
                wellnessThrough == null || !from.isAfter(wellnessThrough.plusDays(1))
                        ? max(wellnessThrough, completeWellness)
                        : wellnessThrough;
        return new SyncState(activities, wellness, backfill);
    }

    /** The same marks with another backfill record. */
    public SyncState withBackfill(Backfill b) {
        return new SyncState(activitiesThrough, wellnessThrough, b);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
