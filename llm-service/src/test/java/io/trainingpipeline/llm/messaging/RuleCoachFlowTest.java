package io.trainingpipeline.llm.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.trainingpipeline.llm.Answers;
import io.trainingpipeline.llm.TestPlans;
import io.trainingpipeline.llm.coach.RuleCoach;
import io.trainingpipeline.llm.store.AnsweredStore;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.PlanPatchProposed;
import io.trainingpipeline.schemas.events.ProposalFailed;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without an API key or base URL the rule-based coach answers: broker in, broker out, with the plan
 * from a real planner stub.
 */
@QuarkusTest
class RuleCoachFlowTest {

    @Test
    void flagsGetTheRuleCoachsExactPatchAgainstThePlannersVersion() {
        EventEnvelope<FlagsRaised> flags =
                TestPlans.flags(
                        TestPlans.athlete("rc-hrv"), TestPlans.WEEK, TestPlans.hrvSuppressed());
        Answers.planFor(flags);

        EventEnvelope<PlanPatchProposed> answer = Answers.answerTo(flags, PlanPatchProposed.class);

        PlanPatchProposed p = answer.payload();
        assertThat(answer.eventId()).isEqualTo(ProposalService.answerId(flags.eventId()));
        assertThat(answer.causationId()).isEqualTo(flags.eventId());
        assertThat(answer.athleteId()).isEqualTo(flags.athleteId());
        assertThat(answer.source()).isEqualTo(EventSources.RULE_COACH);
        assertThat(p.flagsEventId()).isEqualTo(flags.eventId());
        assertThat(p.weekStart()).isEqualTo(TestPlans.WEEK);
        assertThat(p.basePlanVersion()).isEqualTo(7);
        assertThat(p.model()).isEqualTo(RuleCoach.MODEL);
        assertThat(p.inputTokens()).isZero();
        assertThat(p.patch().toString())
                .isEqualTo(
                        "[{\"op\":\"replace\",\"path\":\"/sessions/1/intensity\",\"value\":\"easy\"},"
                                + "{\"op\":\"replace\",\"path\":\"/sessions/3/intensity\",\"value\":\"easy\"}]");
        assertThat(p.rationale()).hasSize(2).allMatch(r -> r.metric().equals("hrvZ7"));
    }

    @Inject AnsweredStore store;

    @Test
    void anAnswerRecordedButNotPublishedIsPublishedFromTheOutboxNotRecomputed() throws Exception {
        EventEnvelope<FlagsRaised> flags =
                TestPlans.flags(
                        TestPlans.athlete("rc-outbox"), TestPlans.WEEK, TestPlans.hrvSuppressed());
        // as if the service crashed after recording its answer and before publishing it; no plan
        // is registered, so recomputing would give PROVIDER_ERROR instead of this proposal
        PlanPatchProposed recorded =
                new PlanPatchProposed(
                        flags.eventId(),
                        TestPlans.WEEK,
                        7,
                        EventJson.mapper().createArrayNode(),
                        List.of(),
                        RuleCoach.MODEL,
                        3,
                        0,
                        0);
        EventEnvelope<PlanPatchProposed> answer =
                EventEnvelope.wrap(
                        ProposalService.answerId(flags.eventId()),
                        Instant.now(),
                        flags.athleteId(),
                        EventSources.RULE_COACH,
                        flags.eventId(),
                        recorded);
        store.record(
                flags.eventId(),
                answer.eventId(),
                answer.eventType(),
                flags.athleteId(),
                EventJson.toBytes(answer));

        PlanPatchProposed published = Answers.answerTo(flags, PlanPatchProposed.class).payload();

        assertThat(published.latencyMillis()).isEqualTo(3);
        assertThat(store.find(flags.eventId()).orElseThrow().published()).isTrue();
    }

    @Test
    void anEmptyFlagsEventGetsAnEmptyPatchProposal() {
        EventEnvelope<FlagsRaised> flags =
                TestPlans.flags(TestPlans.athlete("rc-none"), TestPlans.WEEK);
        Answers.planFor(flags);

        PlanPatchProposed p = Answers.answerTo(flags, PlanPatchProposed.class).payload();

        assertThat(p.patch()).isEmpty();
        assertThat(p.rationale()).isEmpty();
        assertThat(p.basePlanVersion()).isEqualTo(7);
    }

    @Test
    void aPlanThePlannerCannotGiveIsAnsweredWithProposalFailed() {
        EventEnvelope<FlagsRaised> flags =
                TestPlans.flags(
                        TestPlans.athlete("rc-noplan"), TestPlans.WEEK, TestPlans.hrvSuppressed());

        ProposalFailed f = Answers.answerTo(flags, ProposalFailed.class).payload();

        assertThat(f.reason()).isEqualTo(ProposalFailed.Reason.PROVIDER_ERROR);
        assertThat(f.detail()).contains("plan of " + flags.athleteId()).contains("HTTP 404");
        assertThat(f.basePlanVersion()).isZero();
    }

    @Test
    void aReplayedFlagsEventIsNotAnsweredTwiceAndMalformedRecordsAreSkipped() {
        EventEnvelope<FlagsRaised> flags =
                TestPlans.flags(
                        TestPlans.athlete("rc-replay"), TestPlans.WEEK, TestPlans.hrvSuppressed());
        Answers.planFor(flags);
        Answers.answerTo(flags, PlanPatchProposed.class);

        // replay the same event, a broken record, then a fresh event as a progress marker
        Answers.probe().publish(Topics.ANALYTICS_FLAG, List.of(flags));
        Answers.probe()
                .publishRaw(
                        Topics.ANALYTICS_FLAG,
                        flags.athleteId(),
                        "{not json".getBytes(StandardCharsets.UTF_8));
        EventEnvelope<FlagsRaised> marker =
                TestPlans.flags(flags.athleteId(), LocalDate.parse("2026-12-07"));
        Answers.planFor(marker);
        Answers.answerTo(marker, PlanPatchProposed.class);

        List<EventEnvelope<EventPayload>> answers = Answers.awaitAnswers(flags.eventId());
        assertThat(answers).hasSize(1);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("llm_replays_skipped_total")
                .contains("events_malformed_total{topic=\"analytics.flag.v1\"}")
                .contains("llm_proposals_total{outcome=\"proposed\"}")
                .contains("llm_latency_seconds_bucket");
        String ready = given().get("/q/health/ready").then().extract().asString();
        assertThat(ready).contains("\"llm-store\"").contains("llm-answered.duckdb");
    }
}
