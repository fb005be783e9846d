package io.trainingpipeline.planner.guardrail;

import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.schemas.events.DecisionReason;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rules that reject a week whole (section 6 rules 3-7 and the projected-load gate). Each
 * returns the reasons it finds; an empty list means the week passes.
 */
final class RuleChecks {
    private static final double EPS = 1e-9;
    private final GuardrailSettings s;
    private final LoadModel model;

    RuleChecks(GuardrailSettings settings) {
        this.s = settings;
        this.model = new LoadModel(settings);
    }

    /** Rule 7: calendar (blocked dates, unavailable weekdays, inside the week) and the past. */
    List<DecisionReason> calendar(PlanDocument o, PlanDocument p, GuardrailContext ctx) {
        List<DecisionReason> out = new ArrayList<>();
        Map<String, Session> before =
                o.sessions().stream().collect(Collectors.toMap(Session::id, Function.identity()));
        for (Session x : p.sessions()) {
            if (x.date().isBefore(p.weekStart()) || x.date().isAfter(p.weekStart().plusDays(6))) {
                out.add(
                        reason(
                                Rules.CALENDAR,
                                x.id() + " on " + x.date() + " is outside the week"));
            } else if (!x.equals(before.get(x.id())) && !ctx.allowed().test(x.date())) {
                out.add(
                        reason(
                                Rules.CALENDAR,
                                x.id()
                                        + " falls on "
                                        + x.date()
                                        + ", a blocked date or unavailable weekday"));
            }
            if (x.date().isBefore(ctx.today()) && !x.equals(before.get(x.id()))) {
                out.add(
                        reason(
                                Rules.PAST,
                                x.id() + " would change a day in the past (" + x.date() + ")"));
            }
        }
        for (Session x : o.sessions()) {
            boolean kept = p.sessions().stream().anyMatch(y -> y.id().equals(x.id()));
            if (!kept && x.date().isBefore(ctx.today())) {
                out.add(reason(Rules.PAST, x.id() + " lies in the past and cannot be removed"));
            }
        }
        return out;
    }

    /** Rule 3: at least one easy or rest day between two hard sessions. */
    List<DecisionReason> recovery(PlanDocument p) {
        List<Session> hard =
                p.sessions().stream()
                        .filter(Session::isHard)
                        .sorted(Comparator.comparing(Session::date))
                        .toList();
        List<DecisionReason> out = new ArrayList<>();
        for (int i = 1; i < hard.size(); i++) {
            long gap = ChronoUnit.DAYS.between(hard.get(i - 1).date(), hard.get(i).date());
            if (gap < 2) {
                out.add(
                        reason(
                                Rules.RECOVERY,
                                "hard sessions "
                                        + hard.get(i - 1).id()
                                        + " and "
                                        + hard.get(i).id()
                                        + " have no easy or rest day between them"));
            }
        }
        return out;
    }

    /** Rule 4: 80/20 by running time, and the long run at most 30 % (with four runs or more). */
    List<DecisionReason> distribution(PlanDocument p) {
        List<DecisionReason> out = new ArrayList<>();
        List<Session> runs = training(p);
        int total = runs.stream().mapToInt(Session::durationMinutes).sum();
        if (total == 0) {
            return out;
        }
        int easy = runs.stream().filter(Session::isEasy).mapToInt(Session::durationMinutes).sum();
        if (easy < s.easyShareMin() * total - EPS) {
            out.add(
                    reason(
                            Rules.INTENSITY,
                            String.format(
                                    "only %d of %d min (%.0f %%) easy; at least %.0f %% required",
                                    easy, total, 100.0 * easy / total, 100 * s.easyShareMin())));
        }
        int longest = runs.stream().mapToInt(Session::durationMinutes).max().orElse(0);
        if (runs.size() >= 4 && longest > s.longRunShareMax() * total + EPS) {
            out.add(
                    reason(
                            Rules.LONG_RUN,
                            String.format(
                                    "longest run %d min is %.0f %% of %d min; at most %.0f %%",
                                    longest,
                                    100.0 * longest / total,
                                    total,
                                    100 * s.longRunShareMax())));
        }
        return out;
    }

    /** Rules 5 and 6: deload and taper weeks stay cut; taper keeps frequency and intensity. */
    List<DecisionReason> cuts(PlanDocument o, PlanDocument p, boolean hrv) {
        List<DecisionReason> out = new ArrayList<>();
        int total = p.totalMinutes();
        if (o.isDeload()) {
            double limit =
                    o.referenceMinutes() != null
                            ? o.referenceMinutes() * (1 - s.deloadMinCut())
                            : o.totalMinutes();
            if (total > limit + EPS) {
                out.add(
                        reason(
                                Rules.DELOAD,
                                String.format(
                                        "deload week at %d min exceeds its limit of %.0f min",
                                        total, limit)));
            }
        }
        if (o.isTaper()) {
            double limit =
                    o.referenceMinutes() != null
                            ? o.referenceMinutes() * (1 - s.taperMinCut())
                            : o.totalMinutes();
            if (total > limit + EPS) {
                out.add(
                        reason(
                                Rules.TAPER,
                                String.format(
                                        "taper week at %d min exceeds its limit of %.0f min",
                                        total, limit)));
            }
            if (training(p).size() < training(o).size()) {
                out.add(reason(Rules.TAPER, "the taper keeps the number of sessions"));
            }
            boolean hadQuality = training(o).stream().anyMatch(x -> !x.isEasy());
            boolean hasQuality = training(p).stream().anyMatch(x -> !x.isEasy());
            if (hadQuality && !hasQuality && !hrv) {
                out.add(reason(Rules.TAPER, "the taper keeps its intensity"));
            }
        }
        return out;
    }

    /** The gate: the patched week's projected CTL ramp and form must not cross the flag limits. */
    List<DecisionReason> loadGate(PlanDocument o, PlanDocument p, GuardrailContext ctx) {
        if (ctx.ctl().isEmpty() || ctx.atl().isEmpty()) {
            return List.of();
        }
        double ctl = ctx.ctl().getAsDouble();
        double atl = ctx.atl().getAsDouble();
        LoadModel.Projection before = model.project(o, ctl, atl);
        LoadModel.Projection after = model.project(p, ctl, atl);
        List<DecisionReason> out = new ArrayList<>();
        if (after.ramp() > s.rampCtlPointsMax() + EPS && after.ramp() > before.ramp() + EPS) {
            out.add(
                    reason(
                            Rules.LOAD_GATE,
                            String.format(
                                    "projected CTL ramp %.1f points/week crosses ramp_ctl_points_max %.1f",
                                    after.ramp(), s.rampCtlPointsMax())));
        }
        if (after.minTsbMargin() < -EPS && after.minTsbMargin() < before.minTsbMargin() - EPS) {
            out.add(
                    reason(
                            Rules.LOAD_GATE,
                            String.format(
                                    "projected form falls below tsb_min_fraction %.2f x CTL",
                                    s.tsbMinFraction())));
        }
        return out;
    }

    LoadModel model() {
        return model;
    }

    static List<Session> training(PlanDocument p) {
        return p.sessions().stream().filter(x -> x.isRun() && !x.isRace()).toList();
    }

    private static DecisionReason reason(String rule, String message) {
        return new DecisionReason(rule, message, null);
    }
}
