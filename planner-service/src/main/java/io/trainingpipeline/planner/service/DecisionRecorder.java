package io.trainingpipeline.planner.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.planner.guardrail.GuardrailResult;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.store.HistoryEntry;
import io.trainingpipeline.planner.store.PendingAdaptation;
import io.trainingpipeline.planner.store.PendingStore;
import io.trainingpipeline.planner.store.PlanStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.DecisionReason;
import io.trainingpipeline.schemas.events.PlanDecided;
import io.trainingpipeline.schemas.events.PlanDecided.Decision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The end of every adaptation, whatever its outcome: the plan version and history line in the
 * {@link PlanStore}, the {@link PlanDecided} event, {@code plan_decisions_total}, and the {@link
 * WeekDecided} signal the push listens to. Called by {@link AdaptationService} under its lock.
 */
@ApplicationScoped
public class DecisionRecorder {
    private static final Logger LOG = Logger.getLogger(DecisionRecorder.class);
    private final PlanStore store;
    private final PendingStore pending;
    private final DecisionSink sink;
    private final Event<WeekDecided> decided;
    private final MeterRegistry registry;

    public DecisionRecorder(
            PlanStore store,
            PendingStore pending,
            DecisionSink sink,
            Event<WeekDecided> decided,
            MeterRegistry registry) {
        this.store = store;
        this.pending = pending;
        this.sink = sink;
        this.decided = decided;
        this.registry = registry;
    }

    /**
     * Stores the outcome (a new version when the plan changes, a history line either way),
     * publishes it on planner.decision.v1, closes the pending adaptation and signals the push.
     */
    public void decide(PendingAdaptation p, String proposalId, GuardrailResult result) {
        PlanDocument current = store.current(p.athlete(), p.week()).orElseThrow();
        int resulting = current.version();
        List<DecisionReason> reasons = attribute(result.reasons(), p.flags());
        HistoryEntry entry;
        boolean changes =
                result.decision() != Decision.FORWARDED_UNTOUCHED
                        && !result.plan().sameContent(current);
        if (changes) {
            resulting = current.version() + 1;
            entry = entry(p, proposalId, result.decision(), reasons, resulting, current.version());
            store.save(result.plan().withVersion(resulting), entry);
        } else {
            entry = entry(p, proposalId, result.decision(), reasons, resulting, current.version());
            store.append(p.athlete(), entry);
        }
        PlanDecided payload =
                new PlanDecided(
                        p.flagsEventId(),
                        proposalId,
                        p.week(),
                        result.decision(),
                        reasons,
                        p.baseVersion(),
                        resulting);
        sink.publish(
                EventEnvelope.wrap(
                        EventIds.of(EventType.PLAN_DECIDED, p.athlete(), p.flagsEventId()),
                        Instant.now(),
                        p.athlete(),
                        EventSources.PLANNER,
                        proposalId != null ? proposalId : p.flagsEventId(),
                        payload));
        registry.counter("plan_decisions_total", "outcome", result.decision().name()).increment();
        LOG.infof(
                "decision %s for %s week %s: v%d -> v%d %s",
                result.decision(), p.athlete(), p.week(), p.baseVersion(), resulting, reasons);
        // closed only now: a crash before this line leaves it pending, and the history check in
        // expire() closes it without a second decision
        pending.remove(p.flagsEventId());
        decided.fireAsync(new WeekDecided(p.athlete(), p.week(), resulting));
    }

    private static HistoryEntry entry(
            PendingAdaptation p,
            String proposalId,
            Decision d,
            List<DecisionReason> reasons,
            int version,
            int base) {
        return new HistoryEntry(
                p.week(),
                version,
                Instant.now(),
                "adaptation",
                d.name(),
                reasons,
                p.flagsEventId(),
                proposalId,
                base);
    }

    /** Reasons without a flag answer the evaluation as a whole: name its first flag. */
    private static List<DecisionReason> attribute(
            List<DecisionReason> reasons, List<String> flags) {
        String first = flags.isEmpty() ? null : flags.get(0);
        List<DecisionReason> out = new ArrayList<>();
        for (DecisionReason r : reasons) {
            out.add(r.flag() != null ? r : new DecisionReason(r.rule(), r.message(), first));
        }
        return out;
    }
}
