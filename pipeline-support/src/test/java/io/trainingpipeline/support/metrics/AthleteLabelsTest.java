package io.trainingpipeline.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class AthleteLabelsTest {
    private static SimpleMeterRegistry registry(boolean athleteLabels) {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new AthleteLabels().athleteLabels(athleteLabels));
        return registry;
    }

    @Test
    void athleteLabelsStayByDefault() {
        SimpleMeterRegistry registry = registry(true);
        registry.counter("activities_ingested_total", "athlete", "ana", "source", "fit")
                .increment();
        registry.counter("activities_ingested_total", "athlete", "ben", "source", "fit")
                .increment(2);

        assertThat(registry.find("activities_ingested_total").counters()).hasSize(2);
        assertThat(
                        registry.get("activities_ingested_total")
                                .tag("athlete", "ben")
                                .counter()
                                .count())
                .isEqualTo(2.0);
    }

    @Test
    void switchedOffTheAthleteTagIsDroppedAndSeriesAreSummed() {
        SimpleMeterRegistry registry = registry(false);
        registry.counter("activities_ingested_total", "athlete", "ana", "source", "fit")
                .increment();
        registry.counter("activities_ingested_total", "athlete", "ben", "source", "fit")
                .increment(2);

        assertThat(registry.find("activities_ingested_total").counters())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.getId().getTag("athlete")).isNull();
                            assertThat(c.getId().getTag("source")).isEqualTo("fit");
                            assertThat(c.count()).isEqualTo(3.0);
                        });
    }
}
