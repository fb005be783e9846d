package io.trainingpipeline.planner.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.planner.TestAthletes;
import io.trainingpipeline.planner.guardrail.Rules;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanJson;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.planner.store.PendingAdaptation;
import io.trainingpipeline.planner.store.PendingStore;
import io.trainingpipeline.planner.store.PlanStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.DecisionReason;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.OperationRationale;
import io.trainingpipeline.schemas.events.PlanDecided;
import io.trainingpipeline.schemas.events.PlanDecided.Decision;
import io.trainingpipeline.schemas.events.PlanPatchProposed;
import io.trainingpipeline.schemas.events.ProposalFailed;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The four decision paths through the real broker, each ending in a decision event. */
@QuarkusTest
class AdaptationFlowTest {
    @Inject PlanStore store;
    @Inject PendingStore pending;

    final KafkaProbe probe = new KafkaProbe(KafkaTestResource.bootstrapServers());
    final LocalDate week = TestAthletes.nextWeek();

    EventEnvelope<FlagsRaised> flags(String athlete, String... names) {
        List<Flag> list =
                java.util.Arrays.stream(names)
                        .map(
                                n ->
                                        new Flag(
                                                n,
                                                week.minusDays(2),
                                                Map.of("hrvZ7", -0.9),
                                                -0.5,
                                                Flag.Severity.MEDIUM))
                        .toList();
        return EventEnvelope.wrap(
                EventIds.of(EventType.FLAGS_RAISED, athlete, week),
                Instant.now(),
                athlete,
                EventSources.ANALYTICS,
                null,
                new FlagsRaised(week, week.minusDays(1), list));
    }

    EventEnvelope<PlanPatchProposed> proposal(
            EventEnvelope<FlagsRaised> f, int base, String patch) {
        JsonNode ops;
        try {
            ops = PlanJson.mapper().readTree(patch);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
        return EventEnvelope.wrap(
                EventIds.of(EventType.PLAN_PATCH_PROPOSED, f.eventId(), patch),
                Instant.now(),
                f.athleteId(),
                EventSources.RULE_COACH,
                f.eventId(),
                new PlanPatchProposed(
                        f.eventId(),
                        week,
                        base,
                        ops,
                        List.of(
                                new OperationRationale(
                                        0,
                                        "ramp_too_fast",
                                        "ctlRamp",
                                        "a little more easy running")),
                        "rule-coach",
                        5,
                        0,
                        0));
    }

    /** A patch adding 5 minutes to the shortest easy session. */
    static String plusFive(PlanDocument plan) {
        Session shortest =
                plan.sessions().stream()
                        .filter(s -> s.isEasy() && !s.isRace())
                        .min(Comparator.comparingInt(Session::durationMinutes))
                        .orElseThrow();
        int index = plan.sessions().indexOf(shortest);
        return "[{\"op\":\"replace\",\"path\":\"/sessions/"
                + index
                + "/durationMinutes\",\"value\":"
                + (shortest.durationMinutes() + 5)
                + "}]";
    }

    PlanDecided decision(String athlete) {
        List<EventEnvelope<EventPayload>> seen =
                probe.readUntil(
                        Topics.PLANNER_DECISION,
                        l -> l.stream().anyMatch(e -> e.athleteId().equals(athlete)),
                        Duration.ofSeconds(60));
        return seen.stream()
                .filter(e -> e.athleteId().equals(athlete))
                .map(e -> (PlanDecided) e.payload())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no decision for " + athlete));
    }

    @Test
    void validProposalIsAppliedAsANewVersion() {
        String athlete = TestAthletes.create("valid");
        PlanDocument v1 = TestAthletes.plan(athlete, week);
        var f = flags(athlete, "ramp_too_fast");
        var p = proposal(f, v1.version(), plusFive(v1));
        probe.publish(Topics.ANALYTICS_FLAG, List.of(f));
        probe.publish(Topics.LLM_PROPOSAL, List.of(p));

        PlanDecided d = decision(athlete);
        assertThat(d.decision()).isEqualTo(Decision.APPLIED);
        assertThat(d.flagsEventId()).isEqualTo(f.eventId());
        assertThat(d.proposalEventId()).isEqualTo(p.eventId());
        assertThat(d.basePlanVersion()).isEqualTo(1);
        assertThat(d.resultingPlanVersion()).isEqualTo(2);
        assertThat(d.reasons()).extracting(DecisionReason::flag).containsExactly("ramp_too_fast");
        PlanDocument v2 = TestAthletes.plan(athlete, week);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.totalMinutes()).isEqualTo(v1.totalMinutes() + 5);

        // the same proposal again changes nothing (idempotent by proposal id)
        probe.publish(Topics.LLM_PROPOSAL, List.of(p));
        var marker = flags(athlete + "-marker", "ramp_too_fast");
        probe.publish(Topics.ANALYTICS_FLAG, List.of(marker));
        probe.readUntil(
                Topics.ANALYTICS_FLAG,
                l -> l.stream().anyMatch(e -> e.eventId().equals(marker.eventId())),
                Duration.ofSeconds(30));
        assertThat(store.history(athlete).stream().filter(h -> h.decision() != null)).hasSize(1);
        assertThat(store.current(athlete, week).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void hrvFlagClampsTheProposal() {
        String athlete = TestAthletes.create("clamp");
        PlanDocument v1 = TestAthletes.plan(athlete, week);
        var f = flags(athlete, "hrv_suppressed");
        probe.publish(Topics.ANALYTICS_FLAG, List.of(f));
        probe.publish(Topics.LLM_PROPOSAL, List.of(proposal(f, v1.version(), plusFive(v1))));

        PlanDecided d = decision(athlete);
        assertThat(d.decision()).isEqualTo(Decision.CLAMPED);
        assertThat(d.resultingPlanVersion()).isEqualTo(2);
        assertThat(d.reasons()).extracting(DecisionReason::rule).contains(Rules.VOLUME);
        assertThat(d.reasons()).allMatch(r -> "hrv_suppressed".equals(r.flag()));
        PlanDocument v2 = TestAthletes.plan(athlete, week);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.totalMinutes()).isEqualTo(v1.totalMinutes());
        assertThat(v2.sessions()).allMatch(s -> s.isEasy() || s.isRace());
    }

    @Test
    void invalidPatchForwardsTheWeekUntouched() {
        String athlete = TestAthletes.create("invalid");
        PlanDocument v1 = TestAthletes.plan(athlete, week);
        var f = flags(athlete, "ramp_too_fast");
        probe.publish(Topics.ANALYTICS_FLAG, List.of(f));
        probe.publish(
                Topics.LLM_PROPOSAL,
                List.of(
                        proposal(
                                f,
                                v1.version(),
                                "[{\"op\":\"replace\",\"path\":\"/sessions/99/durationMinutes\",\"value\":50}]")));

        PlanDecided d = decision(athlete);
        assertThat(d.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(d.resultingPlanVersion()).isEqualTo(1);
        assertThat(d.reasons())
                .extracting(DecisionReason::rule)
                .containsExactly(Rules.PATCH_INVALID);
        assertThat(TestAthletes.plan(athlete, week)).isEqualTo(v1);
    }

    @Test
    void noProposalBeforeTheDeadlineForwardsTheWeekUntouched() {
        String athlete = TestAthletes.create("timeout");
        PlanDocument v1 = TestAthletes.plan(athlete, week);
        probe.publish(Topics.ANALYTICS_FLAG, List.of(flags(athlete, "form_too_low")));

        PlanDecided d = decision(athlete);
        assertThat(d.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(d.proposalEventId()).isNull();
        assertThat(d.resultingPlanVersion()).isEqualTo(1);
        assertThat(d.reasons()).extracting(DecisionReason::rule).containsExactly(Rules.TIMEOUT);
        assertThat(d.reasons().get(0).flag()).isEqualTo("form_too_low");
        assertThat(TestAthletes.plan(athlete, week)).isEqualTo(v1);
        assertThat(store.history(athlete))
                .anyMatch(h -> "FORWARDED_UNTOUCHED".equals(h.decision()));
    }

    @Test
    void staleBaseVersionAndFailedProposalsForwardUntouched() {
        String athlete = TestAthletes.create("stale");
        PlanDocument v1 = TestAthletes.plan(athlete, week);
        var f = flags(athlete, "ramp_too_fast");
        probe.publish(Topics.ANALYTICS_FLAG, List.of(f));
        probe.publish(Topics.LLM_PROPOSAL, List.of(proposal(f, v1.version() + 6, plusFive(v1))));
        PlanDecided d = decision(athlete);
        assertThat(d.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(d.reasons()).extracting(DecisionReason::rule).containsExactly(Rules.STALE);

        String other = TestAthletes.create("failed");
        TestAthletes.plan(other, week);
        var g = flags(other, "sleep_short");
        probe.publish(Topics.ANALYTICS_FLAG, List.of(g));
        probe.publish(
                Topics.LLM_PROPOSAL,
                List.of(
                        EventEnvelope.wrap(
                                EventIds.of(EventType.PROPOSAL_FAILED, g.eventId()),
                                Instant.now(),
                                other,
                                EventSources.LLM,
                                g.eventId(),
                                new ProposalFailed(
                                        g.eventId(),
                                        week,
                                        1,
                                        ProposalFailed.Reason.INVALID_OUTPUT,
                                        "schema violation",
                                        null,
                                        "m",
                                        10))));
        PlanDecided failed = decision(other);
        assertThat(failed.decision()).isEqualTo(Decision.FORWARDED_UNTOUCHED);
        assertThat(failed.reasons())
                .extracting(DecisionReason::rule)
                .containsExactly(Rules.PROPOSAL_FAILED);
    }

    @Test
    void anAdaptationRestoredAfterARestartIsDecidedWhenItsProposalArrives() {
        String athlete = TestAthletes.create("restored");
        PlanDocument v1 = TestAthletes.plan(athlete, week);
        var f = flags(athlete, "ramp_too_fast");
        // what a previous run left in pending.json: the flags event was consumed (offset
        // committed) before the restart, so Kafka will not deliver it again
        pending.put(
                new PendingAdaptation(
                        f.eventId(),
                        athlete,
                        week,
                        v1.version(),
                        List.of("ramp_too_fast"),
                        Instant.now().plusSeconds(60)));
        probe.publish(Topics.LLM_PROPOSAL, List.of(proposal(f, v1.version(), plusFive(v1))));

        PlanDecided d = decision(athlete);
        assertThat(d.decision()).isEqualTo(Decision.APPLIED);
        assertThat(d.flagsEventId()).isEqualTo(f.eventId());
        assertThat(pending.contains(f.eventId())).isFalse();
    }
}
