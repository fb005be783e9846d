package io.trainingpipeline.ingest.sync;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which days a sync fetches. {@code sync_daily}: yesterday and today. {@code sync_catchup}: only
 * what is missing since the high-water marks (at most {@code maxDays} back), so a normal day costs
 * one activity page, one HRV and one sleep call for today and one resting-HR call.
 *
 * @param activitiesFrom first day of the activity search
 * @param wellnessFrom first day of per-night wellness calls
 * @param to last day (today)
 */
public record SyncPlan(LocalDate activitiesFrom, LocalDate wellnessFrom, LocalDate to) {

    /** Yesterday and today. */
    public static SyncPlan daily(LocalDate today) {
        return new SyncPlan(today.minusDays(1), today.minusDays(1), today);
    }

    /** From the high-water marks to today, bounded by {@code maxDays}. */
    public static SyncPlan catchup(SyncState state, LocalDate today, int maxDays) {
        LocalDate floor = today.minusDays(maxDays - 1L);
        LocalDate activities =
                state.activitiesThrough() == null ? floor : later(state.activitiesThrough(), floor);
        LocalDate wellness =
                state.wellnessThrough() == null
                        ? floor
                        : later(state.wellnessThrough().plusDays(1), floor);
        return new SyncPlan(
                earlier(activities, today), earlier(wellness, today.plusDays(1)), today);
    }

    /** The first day either part needs. */
    public LocalDate from() {
        return earlier(activitiesFrom, wellnessFrom);
    }

    /** Consecutive chunks of at most {@code days} days covering [from, to] in order. */
    public static List<LocalDate[]> chunks(LocalDate from, LocalDate to, int days) {
        List<LocalDate[]> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(days)) {
            LocalDate end = d.plusDays(days - 1L);
            out.add(new LocalDate[] {d, end.isAfter(to) ? to : end});
        }
        return out;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
