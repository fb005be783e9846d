package io.trainingpipeline.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FlowMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FlowMetrics flows = new FlowMetrics(registry);

    @Test
    void successCountsAndMovesTheLastSuccessGauge() {
        long before = Instant.now().getEpochSecond();
        flows.success("push");
        flows.success("push");

        assertThat(registry.get("flow_success_total").tag("flow", "push").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get("flow_last_success_timestamp").tag("flow", "push").gauge().value())
                .isGreaterThanOrEqualTo(before);
    }

    @Test
    void failureCountsAndLeavesTheGaugeAtZeroWhenTheFlowNeverSucceeded() {
        flows.failure("sync_daily");

        assertThat(registry.get("flow_failure_total").tag("flow", "sync_daily").counter().count())
                .isEqualTo(1.0);
        assertThat(
                        registry.get("flow_last_success_timestamp")
                                .tag("flow", "sync_daily")
                                .gauge()
                                .value())
                .isZero();
    }

    @Test
    void registerShowsAFlowThatNeverRan() {
        flows.register("retention");

        assertThat(registry.find("flow_last_success_timestamp").tag("flow", "retention").gauge())
                .isNotNull();
        assertThat(registry.find("flow_success_total").tag("flow", "retention").counter()).isNull();
    }
}
