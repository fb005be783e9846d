package io.trainingpipeline.planner.guardrail;

import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.Session;
import java.time.LocalDate;

/**
 * Planned load of sessions (HRSS-like points: minutes x load per hour of the intensity) and the
 * section-3 recurrence {@code X(d) = X(d-1) + k (load(d) - X(d-1))}, {@code k = 1 - e^(-1/tau)},
 * used to project CTL/ATL/TSB over a planned week.
 */
final class LoadModel {
    private final GuardrailSettings s;

    LoadModel(GuardrailSettings settings) {
        this.s = settings;
    }

    double load(Session session) {
        double perHour =
                switch (session.intensity()) {
                    case Session.HARD -> s.loadPerHourHard();
                    case Session.MODERATE -> s.loadPerHourModerate();
                    case Session.EASY -> s.loadPerHourEasy();
                    default -> 0;
                };
        return session.isRun() && !session.isRace()
                ? session.durationMinutes() / 60.0 * perHour
                : 0;
    }

    double weekLoad(PlanDocument week) {
        return week.sessions().stream().mapToDouble(this::load).sum();
    }

    /**
     * Projection over the 7 days of the week.
     *
     * @param ramp CTL at the end of the week minus CTL before it (section 3 ramp)
     * @param minTsbMargin smallest {@code TSB - tsbMinFraction x CTL} (negative = form_too_low)
     */
    record Projection(double ramp, double minTsbMargin) {}

    Projection project(PlanDocument week, double ctl0, double atl0) {
        double kc = 1 - Math.exp(-1 / s.ctlDays());
        double ka = 1 - Math.exp(-1 / s.atlDays());
        double ctl = ctl0;
        double atl = atl0;
        double minMargin = Double.POSITIVE_INFINITY;
        for (int d = 0; d < 7; d++) {
            LocalDate day = week.weekStart().plusDays(d);
            // TSB of a day is yesterday's CTL - ATL (section 3).
            minMargin = Math.min(minMargin, (ctl - atl) - s.tsbMinFraction() * ctl);
            double load =
                    week.sessions().stream()
                            .filter(x -> x.date().equals(day))
                            .mapToDouble(this::load)
                            .sum();
            ctl += kc * (load - ctl);
            atl += ka * (load - atl);
        }
        return new Projection(ctl - ctl0, minMargin);
    }
}
