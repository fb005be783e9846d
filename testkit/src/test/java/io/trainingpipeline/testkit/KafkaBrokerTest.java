package io.trainingpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.RestingHrMeasured;
import io.trainingpipeline.testkit.kafka.KafkaBroker;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    @Test
    void theInJvmBrokerCarriesEventsKeyedByAthlete() {
        KafkaBroker broker = KafkaBroker.shared();
        broker.createTopics(List.of("testkit.roundtrip.v1"), 3);
        KafkaProbe probe = new KafkaProbe(broker.bootstrapServers());
        var event =
                EventEnvelope.wrap(
                        EventIds.of(EventType.RESTING_HR_MEASURED, "a1", "2026-11-01"),
                        Instant.parse("2026-11-01T06:00:00Z"),
                        "a1",
                        EventSources.SYNTHETIC,
                        null,
                        new RestingHrMeasured(LocalDate.parse("2026-11-01"), 47));

        probe.publish("testkit.roundtrip.v1", List.of(event));

        var seen =
                probe.readUntil("testkit.roundtrip.v1", l -> !l.isEmpty(), Duration.ofSeconds(30));
        assertThat(seen).hasSize(1);
        assertThat((Object) seen.get(0)).isEqualTo(event);
    }
}
