package io.trainingpipeline.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.RestingHrMeasured;
import io.trainingpipeline.testkit.kafka.KafkaProbe;
import io.trainingpipeline.testkit.kafka.KafkaProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaProcessTest {

    private static EventEnvelope<RestingHrMeasured> restingHr(int day) {
        LocalDate date = LocalDate.parse("2026-11-01").plusDays(day);
        return EventEnvelope.wrap(
                EventIds.of(EventType.RESTING_HR_MEASURED, "p1", date),
                Instant.parse("2026-11-01T06:00:00Z"),
                "p1",
                EventSources.SYNTHETIC,
                null,
                new RestingHrMeasured(date, 47));
    }

    @Test
    void aKilledBrokerRestartsWithItsData(@TempDir Path dir) {
        try (KafkaProcess kafka = KafkaProcess.start(dir)) {
            KafkaProbe probe = new KafkaProbe(kafka.bootstrapServers());
            probe.publish("testkit.restart.v1", List.of(restingHr(0)));

            kafka.restart();
            probe.publish("testkit.restart.v1", List.of(restingHr(1)));

            var seen =
                    probe.readUntil(
                            "testkit.restart.v1", l -> l.size() >= 2, Duration.ofSeconds(60));
            assertThat(seen).hasSize(2);
        }
    }
}
