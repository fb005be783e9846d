package io.trainingpipeline.analytics.jobs;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code flow_success_total}, {@code flow_failure_total} and {@code flow_last_success_timestamp}
 * (epoch seconds), each tagged {@code flow} (adapt_weekly, retention).
 */
@ApplicationScoped
public class FlowMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public FlowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts a success and moves the last-success gauge. */
    public void success(String flow) {
        registry.counter("flow_success_total", "flow", flow).increment();
        gauge(flow).set(System.currentTimeMillis() / 1000);
    }

    /** Counts a failure. */
    public void failure(String flow) {
        registry.counter("flow_failure_total", "flow", flow).increment();
        gauge(flow);
    }

    private AtomicLong gauge(String flow) {
        return lastSuccess.computeIfAbsent(
                flow,
                f ->
                        registry.gauge(
                                "flow_last_success_timestamp",
                                Tags.of("flow", f),
                                new AtomicLong()));
    }
}
