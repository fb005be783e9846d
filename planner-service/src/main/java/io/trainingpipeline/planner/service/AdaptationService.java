package io.trainingpipeline.planner.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.planner.analytics.FitnessGateway;
import io.trainingpipeline.planner.config.PlannerConfig;
import io.trainingpipeline.planner.goal.Goals;
import io.trainingpipeline.planner.guardrail.GuardrailContext;
import io.trainingpipeline.planner.guardrail.GuardrailResult;
import io.trainingpipeline.planner.guardrail.Guardrails;
import io.trainingpipeline.planner.guardrail.Rules;
import io.trainingpipeline.planner.plan.Fitness;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.store.PendingAdaptation;
import io.trainingpipeline.planner.store.PendingStore;
import io.trainingpipeline.planner.store.PlanStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.events.DecisionReason;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.PlanPatchProposed;
import io.trainingpipeline.schemas.events.ProposalFailed;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Adaptation: a flags event opens a pending adaptation for its athlete and week with a deadline;
 * the matching proposal (same flags event, athlete, week; the base version must still be current)
 * goes through the guardrails; no proposal by the deadline, a failed proposal, an invalid patch or
 * a broken rule forwards the week untouched. Every outcome is stored in the history (with the
 * proposal id, which makes decisions idempotent) and published on planner.decision.v1. Open
 * adaptations survive a restart ({@link PendingStore}); a proposal that arrives before its flags
 * event waits for it in memory (lost on a restart: the adaptation then times out, fail-open).
 */
@ApplicationScoped
public class AdaptationService {
    private static final Logger LOG = Logger.getLogger(AdaptationService.class);

    private final Map<String, EventEnvelope<EventPayload>> early = new ConcurrentHashMap<>();
    private final PlanService plans;
    private final GoalsRegistry goals;
    private final PlanStore store;
    private final PendingStore pending;
    private final Guardrails guardrails;
    private final FitnessGateway fitness;
    private final PlannerConfig config;
    private final DecisionRecorder recorder;
    private final MeterRegistry registry;

    public AdaptationService(
            PlanService plans,
            GoalsRegistry goals,
            PlanStore store,
            PendingStore pending,
            Guardrails guardrails,
            FitnessGateway fitness,
            PlannerConfig config,
            DecisionRecorder recorder,
            MeterRegistry registry) {
        this.plans = plans;
        this.goals = goals;
        this.store = store;
        this.pending = pending;
        this.guardrails = guardrails;
        this.fitness = fitness;
        this.config = config;
        this.recorder = recorder;
        this.registry = registry;
    }

    /** Opens a pending adaptation for the flags event. */
    public synchronized void onFlags(EventEnvelope<FlagsRaised> event) {
        String athlete = event.athleteId();
        LocalDate week = event.payload().weekStart();
        if (pending.contains(event.eventId()) || store.decided(athlete, event.eventId(), null)) {
            return; // redelivered
        }
        Optional<PlanDocument> plan = plans.week(athlete, week);
        if (plan.isEmpty()) {
            registry.counter("planner_flags_without_plan_total").increment();
            LOG.warnf(
                    "flags %s for %s week %s: no plan for that week (goals file?)",
                    event.eventId(), athlete, week);
            return;
        }
        List<String> flags = event.payload().flags().stream().map(Flag::name).toList();
        pending.put(
                new PendingAdaptation(
                        event.eventId(),
                        athlete,
                        week,
                        plan.get().version(),
                        flags,
                        Instant.now().plus(config.proposalTimeout())));
        EventEnvelope<EventPayload> waiting = early.remove(event.eventId());
        if (waiting != null) {
            onProposal(waiting);
        }
    }

    /** Decides on a proposal or a proposal failure. */
    public synchronized void onProposal(EventEnvelope<EventPayload> event) {
        String flagsId = flagsEventId(event);
        String athlete = event.athleteId();
        if (store.decided(athlete, null, event.eventId())) {
            return; // idempotent by proposal id
        }
        PendingAdaptation p = flagsId == null ? null : pending.get(flagsId).orElse(null);
        if (p == null) {
            if (flagsId != null && store.decided(athlete, flagsId, null)) {
                registry.counter("planner_proposals_late_total").increment();
                LOG.infof(
                        "proposal %s for flags %s arrived after the decision; ignored",
                        event.eventId(), flagsId);
            } else if (flagsId != null) {
                early.put(flagsId, event);
            }
            return;
        }
        LocalDate week = weekOf(event);
        if (!p.athlete().equals(athlete) || !p.week().equals(week)) {
            registry.counter("planner_proposals_mismatched_total").increment();
            LOG.warnf(
                    "proposal %s does not match flags %s (athlete/week); ignored",
                    event.eventId(), flagsId);
            return;
        }
        PlanDocument current = store.current(athlete, week).orElseThrow();
        int base = baseOf(event);
        if (base != p.baseVersion() || base != current.version()) {
            recorder.decide(
                    p,
                    event.eventId(),
                    GuardrailResult.untouched(
                            current,
                            List.of(
                                    new DecisionReason(
                                            Rules.STALE,
                                            "proposal made against version "
                                                    + base
                                                    + " but version "
                                                    + current.version()
                                                    + " is current",
                                            null))));
            return;
        }
        if (event.payload() instanceof ProposalFailed failed) {
            recorder.decide(
                    p,
                    event.eventId(),
                    GuardrailResult.untouched(
                            current,
                            List.of(
                                    new DecisionReason(
                                            Rules.PROPOSAL_FAILED,
                                            "no usable proposal ("
                                                    + failed.reason()
                                                    + "): "
                                                    + failed.detail(),
                                            null))));
            return;
        }
        PlanPatchProposed proposal = (PlanPatchProposed) event.payload();
        GuardrailResult result;
        try {
            result =
                    guardrails.evaluate(
                            current, proposal.patch(), proposal.rationale(), context(p));
        } catch (RuntimeException e) {
            // fail-open: whatever went wrong, the untouched week goes forward
            LOG.errorf(e, "guardrails failed on proposal %s", event.eventId());
            result =
                    GuardrailResult.untouched(
                            current,
                            List.of(
                                    new DecisionReason(
                                            Rules.PATCH_INVALID,
                                            "proposal could not be checked: " + e.getMessage(),
                                            null)));
        }
        recorder.decide(p, event.eventId(), result);
    }

    /** Forwards every adaptation whose deadline passed. */
    public synchronized void expire(Instant now) {
        for (PendingAdaptation p : pending.all()) {
            if (store.decided(p.athlete(), p.flagsEventId(), null)) {
                // decided before a crash could remove it from the pending file
                pending.remove(p.flagsEventId());
            } else if (now.isAfter(p.deadline())) {
                PlanDocument current = store.current(p.athlete(), p.week()).orElseThrow();
                recorder.decide(
                        p,
                        null,
                        GuardrailResult.untouched(
                                current,
                                List.of(
                                        new DecisionReason(
                                                Rules.TIMEOUT,
                                                "no proposal within "
                                                        + config.proposalTimeout().toSeconds()
                                                        + " s",
                                                null))));
            }
        }
        early.values()
                .removeIf(
                        e ->
                                e.occurredAt() != null
                                        && e.occurredAt().isBefore(now.minusSeconds(3600)));
    }

    private GuardrailContext context(PendingAdaptation p) {
        Goals g =
                goals.goals(p.athlete())
                        .orElseThrow(
                                () -> new IllegalStateException("no goals for " + p.athlete()));
        LocalDate today = LocalDate.now(g.timezone());
        Fitness f = fitness.fitness(p.athlete(), today);
        boolean known = "analytics".equals(f.source());
        return new GuardrailContext(
                today,
                g::allows,
                known ? OptionalDouble.of(f.weeklyMinutes()) : OptionalDouble.empty(),
                p.flags(),
                known ? OptionalDouble.of(f.ctl()) : OptionalDouble.empty(),
                known ? OptionalDouble.of(f.atl()) : OptionalDouble.empty());
    }

    /** Open adaptations (for tests and the status endpoint). */
    public int pendingCount() {
        return pending.all().size();
    }

    private static String flagsEventId(EventEnvelope<EventPayload> e) {
        if (e.payload() instanceof PlanPatchProposed p && p.flagsEventId() != null) {
            return p.flagsEventId();
        }
        if (e.payload() instanceof ProposalFailed f && f.flagsEventId() != null) {
            return f.flagsEventId();
        }
        return e.causationId();
    }

    private static LocalDate weekOf(EventEnvelope<EventPayload> e) {
        return e.payload() instanceof PlanPatchProposed p
                ? p.weekStart()
                : ((ProposalFailed) e.payload()).weekStart();
    }

    private static int baseOf(EventEnvelope<EventPayload> e) {
        return e.payload() instanceof PlanPatchProposed p
                ? p.basePlanVersion()
                : ((ProposalFailed) e.payload()).basePlanVersion();
    }
}
