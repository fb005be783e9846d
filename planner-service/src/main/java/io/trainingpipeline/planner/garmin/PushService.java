package io.trainingpipeline.planner.garmin;

import io.trainingpipeline.garmin.auth.GarminTokens;
import io.trainingpipeline.planner.config.PlannerConfig;
import io.trainingpipeline.planner.messaging.EventPublisher;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.service.WeekDecided;
import io.trainingpipeline.planner.store.HistoryEntry;
import io.trainingpipeline.planner.store.PlanStore;
import io.trainingpipeline.planner.store.PushState;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.PlanPushFailed;
import io.trainingpipeline.schemas.events.PlanPushed;
import io.trainingpipeline.support.config.AthletesConfig;
import io.trainingpipeline.support.config.PipelineConfig;
import io.trainingpipeline.support.metrics.FlowMetrics;
import io.trainingpipeline.support.notify.SlackNotifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * When and what to push: after each decision (unless approval mode holds it back, or the athlete
 * has no Garmin tokens), on request, or on approval; dry-run mode computes and logs but never
 * writes. Publishes PlanPushed / PlanPushFailed on planner.push.v1, records pushes in the history,
 * counts {@code flow_success_total} / {@code flow_failure_total} and sets {@code
 * flow_last_success_timestamp} (flow=push). A failure is an alert: ERROR log with the marker {@code
 * PLAN_PUSH_FAILED}, the failure counter, and a Slack message when a webhook is configured.
 */
@ApplicationScoped
public class PushService {
    private static final Logger LOG = Logger.getLogger(PushService.class);
    private final WeekPusher pusher;
    private final PlanStore store;
    private final PipelineConfig seed;
    private final PlannerConfig config;
    private final AthletesConfig athletes;
    private final GarminTokens tokens;
    private final EventPublisher publisher;
    private final SlackNotifier slack;
    private final FlowMetrics flows;

    public PushService(
            WeekPusher pusher,
            PlanStore store,
            PipelineConfig seed,
            PlannerConfig config,
            AthletesConfig athletes,
            GarminTokens tokens,
            EventPublisher publisher,
            SlackNotifier slack,
            FlowMetrics flows) {
        this.pusher = pusher;
        this.store = store;
        this.seed = seed;
        this.config = config;
        this.athletes = athletes;
        this.tokens = tokens;
        this.publisher = publisher;
        this.slack = slack;
        this.flows = flows;
        flows.register("push");
    }

    void afterDecision(@ObservesAsync WeekDecided d) {
        if (!config.push().afterDecision() || !hasGarmin(d.athleteId())) {
            return;
        }
        if (!seed.overridesAllowed()) {
            LOG.infof(
                    "approval mode: %s week %s v%d waits for POST /athletes/%s/plan/approve?version=%d",
                    d.athleteId(), d.weekStart(), d.version(), d.athleteId(), d.version());
            return;
        }
        store.version(d.athleteId(), d.weekStart(), d.version()).ifPresent(this::push);
    }

    /** {@code POST .../plan/push}: the current version, or the approved one in approval mode. */
    public PushResult pushRequested(String athlete, LocalDate week) {
        Optional<PlanDocument> plan;
        if (!seed.overridesAllowed()) {
            Integer approved = store.approvals(athlete).get(week);
            if (approved == null) {
                return PushResult.refused(
                        409, "approval mode: approve a version of week " + week + " first");
            }
            plan = store.version(athlete, week, approved);
        } else {
            plan = store.current(athlete, week);
        }
        return plan.map(this::push).orElse(PushResult.refused(404, "no plan for week " + week));
    }

    /** {@code POST .../plan/approve}: records the approval and pushes that version. */
    public PushResult approve(String athlete, LocalDate week, int version) {
        store.approve(athlete, week, version);
        store.append(
                athlete,
                new HistoryEntry(
                        week,
                        version,
                        Instant.now(),
                        "approved",
                        null,
                        List.of(),
                        null,
                        null,
                        version));
        return push(store.version(athlete, week, version).orElseThrow());
    }

    /** Pushes one week version (serialised: one transaction at a time). */
    public synchronized PushResult push(PlanDocument plan) {
        String athlete = plan.athleteId();
        String hash = WeekPusher.contentHash(plan);
        try {
            List<WeekPusher.Ours> ours = pusher.ours(plan);
            if (WeekPusher.unchanged(plan, ours)) {
                List<Long> ids = ours.stream().map(WeekPusher.Ours::workoutId).toList();
                return succeeded(plan, hash, ids, 0, "unchanged: already on the calendar");
            }
            if (config.push().dryRun()) {
                LOG.infof(
                        "dry-run mode: would upload %d workouts for %s week %s and remove %d earlier ones",
                        WeekPusher.runs(plan).size(), athlete, plan.weekStart(), ours.size());
                return new PushResult(
                        true,
                        200,
                        "dry-run mode: nothing written",
                        plan.version(),
                        hash,
                        List.of(),
                        0,
                        false);
            }
            WeekPusher.Pushed pushed = pusher.push(plan, ours);
            return succeeded(plan, hash, pushed.workoutIds(), pushed.writes(), "pushed");
        } catch (WeekPusher.PushFailed e) {
            return failed(plan, e.getMessage(), e.rolledBack, e.writes);
        } catch (RuntimeException e) {
            // the calendar was only read: nothing to roll back
            return failed(plan, "reading the calendar failed: " + e.getMessage(), true, 0);
        }
    }

    private PushResult succeeded(
            PlanDocument plan, String hash, List<Long> ids, int writes, String message) {
        String athlete = plan.athleteId();
        store.pushed(
                athlete, plan.weekStart(), new PushState(plan.version(), hash, ids, Instant.now()));
        if (writes > 0) {
            store.append(athlete, pushEntry(plan, "pushed"));
        }
        publisher.publishPush(
                EventEnvelope.wrap(
                        EventIds.of(
                                EventType.PLAN_PUSHED,
                                athlete,
                                plan.weekStart(),
                                plan.version(),
                                hash,
                                Instant.now().toEpochMilli()),
                        Instant.now(),
                        athlete,
                        EventSources.PLANNER,
                        null,
                        new PlanPushed(
                                plan.weekStart(),
                                plan.version(),
                                hash,
                                ids.stream().map(String::valueOf).toList(),
                                writes)));
        flows.success("push");
        LOG.infof(
                "push of %s week %s v%d: %s (%d write calls)",
                athlete, plan.weekStart(), plan.version(), message, writes);
        return new PushResult(true, 200, message, plan.version(), hash, ids, writes, false);
    }

    private PushResult failed(PlanDocument plan, String reason, boolean rolledBack, int writes) {
        String athlete = plan.athleteId();
        store.append(athlete, pushEntry(plan, "push-failed"));
        publisher.publishPush(
                EventEnvelope.wrap(
                        EventIds.of(
                                EventType.PLAN_PUSH_FAILED,
                                athlete,
                                plan.weekStart(),
                                plan.version(),
                                Instant.now().toEpochMilli()),
                        Instant.now(),
                        athlete,
                        EventSources.PLANNER,
                        null,
                        new PlanPushFailed(plan.weekStart(), plan.version(), reason, rolledBack)));
        flows.failure("push");
        LOG.errorf(
                "PLAN_PUSH_FAILED athlete=%s week=%s version=%d rolled_back=%s: %s",
                athlete, plan.weekStart(), plan.version(), rolledBack, reason);
        try {
            if (slack.enabled()) {
                slack.send(
                        "Pushing the plan of "
                                + athlete
                                + " (week of "
                                + plan.weekStart()
                                + ") to Garmin failed"
                                + (rolledBack
                                        ? "; the calendar is as before."
                                        : "; the calendar may need a look."));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Slack alert not sent: %s", e.getClass().getSimpleName());
        }
        return new PushResult(
                false, 502, reason, plan.version(), null, List.of(), writes, rolledBack);
    }

    private boolean hasGarmin(String athlete) {
        var a = athletes.byId().get(athlete);
        return a != null && a.garminTokenFile().isPresent()
                || Files.exists(tokens.tokenFile(athlete));
    }

    /** The history line of a push attempt ({@code pushed} or {@code push-failed}). */
    private static HistoryEntry pushEntry(PlanDocument plan, String cause) {
        return new HistoryEntry(
                plan.weekStart(),
                plan.version(),
                Instant.now(),
                cause,
                null,
                List.of(),
                null,
                null,
                plan.version());
    }
}
