package io.trainingpipeline.llm.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.trainingpipeline.llm.Answers;
import io.trainingpipeline.llm.OpenAiProfile;
import io.trainingpipeline.llm.TestPlans;
import io.trainingpipeline.llm.llm.ModelGateway;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.schemas.events.PlanPatchProposed;
import io.trainingpipeline.schemas.events.ProposalFailed;
import io.trainingpipeline.schemas.events.ProposalFailed.Reason;
import io.trainingpipeline.testkit.openai.FakeOpenAi;
import io.trainingpipeline.testkit.openai.Reply;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model path against the testkit's fake OpenAI server, one script per test: every flags event
 * in gets exactly one proposal or proposal-failed event out.
 */
@QuarkusTest
@TestProfile(OpenAiProfile.class)
class OpenAiProposalTest {
    static final String VALID =
            "{\"patch\":[{\"op\":\"replace\",\"path\":\"/sessions/1/intensity\",\"value\":\"easy\"}],"
                    + "\"rationale\":[{\"op\":0,\"flag\":\"hrv_suppressed\",\"metric\":\"hrvZ7\","
                    + "\"reason\":\"HRV is suppressed: make the intervals easy\"}]}";

    @Inject ModelGateway gateway;

    final FakeOpenAi fake = FakeOpenAi.shared();

    @BeforeEach
    void closeBreaker() {
        gateway.resetBreaker();
    }

    private EventEnvelope<FlagsRaised> flagsWithPlan(String name, Reply... script) {
        EventEnvelope<FlagsRaised> flags =
                TestPlans.flags(TestPlans.athlete(name), TestPlans.WEEK, TestPlans.hrvSuppressed());
        Answers.planFor(flags);
        fake.script(flags.athleteId(), script);
        return flags;
    }

    private ProposalFailed failure(EventEnvelope<FlagsRaised> flags, Reason reason) {
        ProposalFailed f = Answers.answerTo(flags, ProposalFailed.class).payload();
        assertThat(f.reason()).as(f.detail()).isEqualTo(reason);
        assertThat(f.flagsEventId()).isEqualTo(flags.eventId());
        return f;
    }

    @Test
    void aValidPatchIsPublishedWithModelTokensAndStructuredOutputRequested() {
        EventEnvelope<FlagsRaised> flags = flagsWithPlan("ai-valid", Reply.content(VALID));

        EventEnvelope<PlanPatchProposed> answer = Answers.answerTo(flags, PlanPatchProposed.class);

        PlanPatchProposed p = answer.payload();
        assertThat(answer.eventId()).isEqualTo(ProposalService.answerId(flags.eventId()));
        assertThat(answer.causationId()).isEqualTo(flags.eventId());
        assertThat(answer.source()).isEqualTo(EventSources.LLM);
        assertThat(p.basePlanVersion()).isEqualTo(7);
        assertThat(p.model()).isEqualTo("fake-coach");
        assertThat(p.inputTokens()).isPositive();
        assertThat(p.outputTokens()).isPositive();
        assertThat(p.patch().toString())
                .isEqualTo(
                        "[{\"op\":\"replace\",\"path\":\"/sessions/1/intensity\",\"value\":\"easy\"}]");
        assertThat(p.rationale().get(0).reason()).contains("HRV is suppressed");
        FakeOpenAi.Recorded request = fake.requestsFor(flags.athleteId()).get(0);
        assertThat(request.json().at("/response_format/type").asText()).isEqualTo("json_schema");
        assertThat(request.json().at("/model").asText()).isEqualTo("fake-coach");
        assertThat(request.user()).contains("\"version\" : 7").contains("\"hrvZ7\" : -0.9");

        // a replay of the same flags event never reaches the model again
        Answers.probe().publish(Topics.ANALYTICS_FLAG, List.of(flags));
        EventEnvelope<FlagsRaised> marker = flagsWithPlan("ai-valid-marker", Reply.content(VALID));
        Answers.answerTo(marker, PlanPatchProposed.class);
        assertThat(fake.count(flags.athleteId())).isEqualTo(1);
        assertThat(Answers.awaitAnswers(flags.eventId())).hasSize(1);
    }

    @Test
    void forbiddenPathsAreInvalidOutputWithTheRawReplyKept() {
        String reply =
                "{\"patch\":[{\"op\":\"replace\",\"path\":\"/athleteId\",\"value\":\"someone\"}],"
                        + "\"rationale\":[{\"op\":0,\"flag\":\"hrv_suppressed\",\"metric\":\"hrvZ7\","
                        + "\"reason\":\"x\"}]}";
        EventEnvelope<FlagsRaised> flags = flagsWithPlan("ai-forbidden", Reply.content(reply));

        ProposalFailed f = failure(flags, Reason.INVALID_OUTPUT);

        assertThat(f.detail()).contains("/athleteId").contains("outside the sessions");
        assertThat(f.rawOutput()).isEqualTo(reply);
        assertThat(f.basePlanVersion()).isEqualTo(7);
    }

    @Test
    void proseInsteadOfJsonIsInvalidOutput() {
        EventEnvelope<FlagsRaised> flags =
                flagsWithPlan(
                        "ai-prose", Reply.content("Sure! I would make Tuesday a bit easier."));
        ProposalFailed f = failure(flags, Reason.INVALID_OUTPUT);
        assertThat(f.detail()).contains("not one complete JSON object");
        assertThat(f.rawOutput()).startsWith("Sure!");
    }

    @Test
    void truncatedJsonIsInvalidOutput() {
        EventEnvelope<FlagsRaised> flags =
                flagsWithPlan("ai-truncated", Reply.truncated(VALID.substring(0, 60)));
        ProposalFailed f = failure(flags, Reason.INVALID_OUTPUT);
        assertThat(f.detail()).contains("not one complete JSON object");
    }

    @Test
    void aReplySlowerThanTheTimeoutFailsFastWithTimeoutAndIsNotRetried() {
        EventEnvelope<FlagsRaised> flags =
                flagsWithPlan("ai-slow", Reply.content(VALID).after(Duration.ofSeconds(8)));
        ProposalFailed f = failure(flags, Reason.TIMEOUT);
        // llm.timeout is 2 s here: the failure is produced long before the 8 s reply
        assertThat(f.latencyMillis()).isBetween(1500L, 6000L);
        assertThat(fake.count(flags.athleteId())).isEqualTo(1);
    }

    @Test
    void a429IsRetriedWithBackOffThenSucceeds() {
        EventEnvelope<FlagsRaised> flags =
                flagsWithPlan("ai-429", Reply.status(429, "rate limited"), Reply.content(VALID));
        PlanPatchProposed p = Answers.answerTo(flags, PlanPatchProposed.class).payload();
        assertThat(p.patch()).hasSize(1);
        assertThat(fake.count(flags.athleteId())).isEqualTo(2);
    }

    @Test
    void persistent500sAreBoundedRetriesThenProviderErrorAndOpenTheBreaker() {
        // the error body echoes the key, as a misbehaving proxy might: it must not leak
        EventEnvelope<FlagsRaised> first =
                flagsWithPlan(
                        "ai-500", Reply.status(500, "upstream broke; key " + FakeOpenAi.API_KEY));
        ProposalFailed f = failure(first, Reason.PROVIDER_ERROR);
        assertThat(f.detail()).contains("HTTP 500");
        assertThat(fake.count(first.athleteId())).isEqualTo(3); // 1 + llm.max-retries=2

        // one more failing attempt fills the breaker's window (4 calls, ratio 0.75): it opens
        EventEnvelope<FlagsRaised> second =
                TestPlans.flags(
                        first.athleteId(),
                        LocalDate.parse("2026-12-07"),
                        TestPlans.hrvSuppressed());
        Answers.planFor(second);
        failure(second, Reason.PROVIDER_ERROR);
        int calls = fake.count(first.athleteId());
        assertThat(calls).isEqualTo(4);

        EventEnvelope<FlagsRaised> third =
                TestPlans.flags(
                        first.athleteId(),
                        LocalDate.parse("2026-12-14"),
                        TestPlans.hrvSuppressed());
        Answers.planFor(third);
        ProposalFailed open = failure(third, Reason.PROVIDER_ERROR);
        assertThat(open.detail()).contains("circuit breaker open");
        assertThat(fake.count(first.athleteId())).isEqualTo(calls);
    }

    @Test
    void anOversizedReplyIsInvalidOutputWithTheRawOutputCapped() {
        String huge =
                "{\"patch\":[], \"rationale\":[], \"padding\":\"" + "x".repeat(50_000) + "\"}";
        EventEnvelope<FlagsRaised> flags = flagsWithPlan("ai-huge", Reply.content(huge));
        ProposalFailed f = failure(flags, Reason.INVALID_OUTPUT);
        assertThat(f.detail()).contains("exceeds llm.max-reply-chars=20000");
        assertThat(f.rawOutput()).hasSize(2000);
    }

    @Test
    void theWeeklyCallBudgetStopsCallsToTheModel() {
        String athlete = TestPlans.athlete("ai-budget");
        fake.script(athlete, Reply.content(VALID));
        for (int i = 0; i < 3; i++) {
            EventEnvelope<FlagsRaised> flags =
                    TestPlans.flags(
                            athlete, TestPlans.WEEK.plusWeeks(i), TestPlans.hrvSuppressed());
            Answers.planFor(flags);
            Answers.answerTo(flags, PlanPatchProposed.class);
        }
        EventEnvelope<FlagsRaised> fourth =
                TestPlans.flags(athlete, TestPlans.WEEK.plusWeeks(3), TestPlans.hrvSuppressed());
        Answers.planFor(fourth);
        ProposalFailed f = failure(fourth, Reason.OVER_BUDGET);
        assertThat(f.detail()).contains("budget of 3");
        assertThat(fake.count(athlete)).isEqualTo(3);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .contains("llm_budget_remaining{athlete=\"" + athlete + "\"} 0.0")
                .contains("llm_proposals_total{outcome=\"over_budget\"}")
                .contains("llm_tokens_total{kind=\"input\"}");
    }
}
