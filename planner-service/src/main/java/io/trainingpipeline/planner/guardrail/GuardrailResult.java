package io.trainingpipeline.planner.guardrail;

import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.schemas.events.DecisionReason;
import io.trainingpipeline.schemas.events.PlanDecided.Decision;
import java.util.List;

/**
 * The guardrails' verdict.
 *
 * @param decision APPLIED, CLAMPED or FORWARDED_UNTOUCHED
 * @param reasons rule id + sentence + flag per change or rejection
 * @param plan the week that goes forward (the original when forwarded untouched)
 */
public record GuardrailResult(Decision decision, List<DecisionReason> reasons, PlanDocument plan) {
    public GuardrailResult {
        reasons = List.copyOf(reasons);
    }

    /** The untouched original with the reasons why. */
    public static GuardrailResult untouched(PlanDocument original, List<DecisionReason> reasons) {
        return new GuardrailResult(Decision.FORWARDED_UNTOUCHED, reasons, original);
    }
}
