package io.trainingpipeline.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventPayload;
import io.trainingpipeline.schemas.Topics;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaTestResource;
import io.trainingpipeline.testkit.openai.JsonStub;
import java.time.Duration;
import java.util.List;

/** Publishes flags events and waits for the service's answers on the real broker. */
public final class Answers {
    private Answers() {}

    /** The broker probe. */
    public static KafkaProbe probe() {
        return new KafkaProbe(KafkaTestResource.bootstrapServers());
    }

    /** Registers the test plan of {@code athlete} for {@code flags}' week with the planner stub. */
    public static void planFor(EventEnvelope<FlagsRaised> flags) {
        JsonStub.shared("planner")
                .respond(
                        "/athletes/"
                                + flags.athleteId()
                                + "/plan?week="
                                + flags.payload().weekStart(),
                        200,
                        TestPlans.plan(flags.athleteId(), flags.payload().weekStart()).toString());
    }

    /** Publishes {@code flags} and returns the one answer to it (fails when none or several). */
    @SuppressWarnings("unchecked")
    public static <T extends EventPayload> EventEnvelope<T> answerTo(
            EventEnvelope<FlagsRaised> flags, Class<T> type) {
        probe().publish(Topics.ANALYTICS_FLAG, List.of(flags));
        List<EventEnvelope<EventPayload>> answers = awaitAnswers(flags.eventId());
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).payload()).isInstanceOf(type);
        return (EventEnvelope<T>) (EventEnvelope<?>) answers.get(0);
    }

    /** All answers to the flags event {@code flagsEventId}, after at least one arrived. */
    public static List<EventEnvelope<EventPayload>> awaitAnswers(String flagsEventId) {
        List<EventEnvelope<EventPayload>> seen =
                probe().readUntil(
                                Topics.LLM_PROPOSAL,
                                events ->
                                        events.stream()
                                                .anyMatch(
                                                        e -> flagsEventId.equals(e.causationId())),
                                Duration.ofSeconds(60));
        return seen.stream().filter(e -> flagsEventId.equals(e.causationId())).toList();
    }
}
