package io.trainingpipeline.planner.guardrail;

import com.fasterxml.jackson.databind.JsonNode;
import io.trainingpipeline.planner.patch.PatchApplier;
import io.trainingpipeline.planner.patch.PatchException;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.schemas.events.DecisionReason;
import io.trainingpipeline.schemas.events.OperationRationale;
import io.trainingpipeline.schemas.events.PlanDecided.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The guardrails (training-science section 6), deterministic and applied after any LLM: apply the
 * patch, clamp where rules 1 and 2 say how, reject whole on any other rule or the projected-load
 * gate (rule 8). The result is APPLIED, CLAMPED (with how) or FORWARDED_UNTOUCHED (with why); on
 * rejection the original week goes forward, never a half-applied patch.
 */
public final class Guardrails {
    private final GuardrailSettings s;
    private final RuleChecks checks;

    public Guardrails(GuardrailSettings settings) {
        this.s = settings;
        this.checks = new RuleChecks(settings);
    }

    /** Applies {@code patch} to {@code original} and checks the result. */
    public GuardrailResult evaluate(
            PlanDocument original,
            JsonNode patch,
            List<OperationRationale> rationale,
            GuardrailContext ctx) {
        PlanDocument proposed;
        try {
            proposed = PatchApplier.apply(original, patch);
        } catch (PatchException e) {
            return GuardrailResult.untouched(
                    original,
                    List.of(
                            new DecisionReason(
                                    Rules.PATCH_INVALID, e.getMessage(), ctx.firstFlag())));
        }
        return check(original, proposed, rationale, ctx);
    }

    /** Checks a proposed week against the original week. */
    public GuardrailResult check(
            PlanDocument original,
            PlanDocument proposed,
            List<OperationRationale> rationale,
            GuardrailContext ctx) {
        List<DecisionReason> rejected = new ArrayList<>(checks.calendar(original, proposed, ctx));
        if (!rejected.isEmpty()) {
            return GuardrailResult.untouched(original, withFlag(rejected, ctx.firstFlag()));
        }
        List<DecisionReason> clamps = new ArrayList<>();
        String hrv = ctx.hrvFlag();
        PlanDocument p = proposed;
        if (hrv != null) {
            p = easyOnly(p, ctx, clamps, hrv);
        }
        p = volume(original, p, ctx, hrv, clamps, rejected);
        if (p != null) {
            rejected.addAll(checks.recovery(p));
            rejected.addAll(checks.distribution(p));
            rejected.addAll(checks.cuts(original, p, hrv != null));
            rejected.addAll(checks.loadGate(original, p, ctx));
        }
        if (!rejected.isEmpty()) {
            List<DecisionReason> all = new ArrayList<>(withFlag(rejected, ctx.firstFlag()));
            return GuardrailResult.untouched(original, all);
        }
        if (!clamps.isEmpty()) {
            return new GuardrailResult(Decision.CLAMPED, clamps, p);
        }
        List<DecisionReason> why =
                rationale.stream()
                        .map(r -> new DecisionReason(Rules.PROPOSAL, r.reason(), r.flag()))
                        .collect(Collectors.toList());
        if (why.isEmpty()) {
            why.add(
                    new DecisionReason(
                            Rules.PROPOSAL, "proposal passed every rule", ctx.firstFlag()));
        }
        return new GuardrailResult(Decision.APPLIED, why, p);
    }

    /**
     * Rule 2: with an HRV flag, moderate and hard sessions (not the race, not the past) go easy.
     */
    private PlanDocument easyOnly(
            PlanDocument p, GuardrailContext ctx, List<DecisionReason> clamps, String flag) {
        List<Session> out = new ArrayList<>();
        for (Session x : p.sessions()) {
            if (!x.isEasy() && !x.isRace() && !x.date().isBefore(ctx.today())) {
                Session easy =
                        x.with(
                                Session.EASY,
                                "Easy " + x.durationMinutes(),
                                x.steps().stream()
                                        .map(
                                                st ->
                                                        st.withTarget(
                                                                t ->
                                                                        t == null
                                                                                ? null
                                                                                : "hr_zone_2"))
                                        .toList());
                clamps.add(
                        new DecisionReason(
                                Rules.HRV,
                                x.id() + " (" + x.name() + ", " + x.intensity() + ") made easy",
                                flag));
                out.add(easy);
            } else {
                out.add(x);
            }
        }
        return p.withSessions(out);
    }

    /** Rule 1 (and rule 2's "no volume increase"): clamp minutes and load, or reject. */
    private PlanDocument volume(
            PlanDocument o,
            PlanDocument p,
            GuardrailContext ctx,
            String hrv,
            List<DecisionReason> clamps,
            List<DecisionReason> rejected) {
        double base = o.totalMinutes();
        double upper = base * (1 + s.volumeChangeMax());
        if (ctx.lastWeekActualMinutes().isPresent()) {
            double actualCap =
                    ctx.lastWeekActualMinutes().getAsDouble() * (1 + s.lastWeekRiseMax());
            upper = Math.min(upper, Math.max(base, actualCap));
        }
        if (hrv != null) {
            upper = Math.min(upper, base);
        }
        double lower = base * (1 - s.volumeChangeMax());
        double baseLoad = checks.model().weekLoad(o);
        double loadUpper = baseLoad * (1 + s.volumeChangeMax());
        if (hrv != null) {
            loadUpper = Math.min(loadUpper, baseLoad);
        }
        // Rule 2 lowers load by design (hard to easy): no lower load bound then.
        double loadLower = hrv != null ? 0 : baseLoad * (1 - s.volumeChangeMax());
        final double up = upper;
        final double upLoad = loadUpper;
        PlanDocument clamped =
                VolumeClamp.clamp(
                        o,
                        p,
                        x -> {
                            double m = x.totalMinutes();
                            double l = checks.model().weekLoad(x);
                            return m <= up + 1e-9
                                    && m >= lower - 1e-9
                                    && l <= upLoad + 1e-9
                                    && l >= loadLower - 1e-9;
                        });
        String flag = hrv != null ? hrv : ctx.firstFlag();
        String limits =
                String.format(
                        "allowed %.0f-%.0f min (+-%.0f %% of the original %.0f min%s%s)",
                        lower,
                        up,
                        100 * s.volumeChangeMax(),
                        base,
                        ctx.lastWeekActualMinutes().isPresent()
                                ? String.format(
                                        ", at most +%.0f %% over last week's actual %.0f min",
                                        100 * s.lastWeekRiseMax(),
                                        ctx.lastWeekActualMinutes().getAsDouble())
                                : "",
                        hrv != null ? ", no increase while " + hrv : "");
        if (clamped == null) {
            rejected.add(
                    new DecisionReason(
                            Rules.VOLUME,
                            "weekly volume "
                                    + p.totalMinutes()
                                    + " min cannot be clamped into the limits: "
                                    + limits,
                            flag));
            return null;
        }
        if (!Objects.equals(clamped, p)) {
            clamps.add(
                    new DecisionReason(
                            Rules.VOLUME,
                            "weekly volume "
                                    + p.totalMinutes()
                                    + " min proposed, clamped to "
                                    + clamped.totalMinutes()
                                    + " min: "
                                    + limits,
                            flag));
        }
        return clamped;
    }

    private static List<DecisionReason> withFlag(List<DecisionReason> reasons, String flag) {
        return reasons.stream()
                .map(r -> r.flag() != null ? r : new DecisionReason(r.rule(), r.message(), flag))
                .toList();
    }
}
