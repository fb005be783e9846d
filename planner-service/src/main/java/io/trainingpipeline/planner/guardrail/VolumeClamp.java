package io.trainingpipeline.planner.guardrail;

import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.Session;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Rule 1 clamping: scales the proposal's duration changes ({@code original + f x (proposed -
 * original)} per session, matched by id; sessions the proposal added start from 0) by the largest
 * {@code f} in [0, 1] that satisfies the limits, rounding towards the original. Returns null when
 * even {@code f = 0} breaks a limit (the change cannot be clamped, only rejected).
 */
final class VolumeClamp {
    private VolumeClamp() {}

    static PlanDocument clamp(
            PlanDocument original, PlanDocument proposed, Predicate<PlanDocument> within) {
        if (within.test(proposed)) {
            return proposed;
        }
        if (!within.test(scaled(original, proposed, 0))) {
            return null;
        }
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (within.test(scaled(original, proposed, mid))) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return topUp(original, scaled(original, proposed, lo), proposed, within);
    }

    /** Truncation may leave minutes on the table: move sessions on by one while still within. */
    private static PlanDocument topUp(
            PlanDocument original,
            PlanDocument current,
            PlanDocument proposed,
            Predicate<PlanDocument> within) {
        PlanDocument best = current;
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int i = 0; i < proposed.sessions().size(); i++) {
                Session now = best.sessions().get(i);
                int target = proposed.sessions().get(i).durationMinutes();
                if (now.durationMinutes() == target) {
                    continue;
                }
                List<Session> next = new java.util.ArrayList<>(best.sessions());
                next.set(
                        i,
                        now.withDuration(
                                now.durationMinutes()
                                        + Integer.signum(target - now.durationMinutes())));
                PlanDocument candidate = best.withSessions(next);
                if (within.test(candidate)) {
                    best = candidate;
                    moved = true;
                }
            }
        }
        return best;
    }

    static PlanDocument scaled(PlanDocument original, PlanDocument proposed, double f) {
        Map<String, Integer> before = new HashMap<>();
        original.sessions().forEach(s -> before.put(s.id(), s.durationMinutes()));
        List<Session> sessions =
                proposed.sessions().stream()
                        .map(
                                s -> {
                                    int o = before.getOrDefault(s.id(), 0);
                                    int delta = s.durationMinutes() - o;
                                    // (int) truncates towards zero: towards the original.
                                    int minutes = o + (int) (f * delta);
                                    return minutes == s.durationMinutes()
                                            ? s
                                            : s.withDuration(minutes);
                                })
                        .toList();
        return proposed.withSessions(sessions);
    }
}
