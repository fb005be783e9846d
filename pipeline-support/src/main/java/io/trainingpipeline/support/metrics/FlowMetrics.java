package io.trainingpipeline.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The flow metrics every service reports, one way: {@code flow_success_total}, {@code
 * flow_failure_total} and {@code flow_last_success_timestamp} (epoch seconds), each tagged {@code
 * flow} (sync_daily, sync_catchup, adapt_weekly, retention, push, ...). The alert rules in {@code
 * k8s/base/monitoring/} read these names.
 */
@ApplicationScoped
public class FlowMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> lastSuccess = new ConcurrentHashMap<>();

    public FlowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the flow's last-success gauge at 0 so a flow that never ran is visible. */
    public void register(String flow) {
        gauge(flow);
    }

    /** Counts a success and moves the last-success gauge to now. */
    public void success(String flow) {
        registry.counter("flow_success_total", "flow", flow).increment();
        gauge(flow).set(Instant.now().getEpochSecond());
    }

    /**
     * Counts a failure. The last-success gauge is registered too (at 0 if the flow never succeeded)
     * so "never succeeded" is visible to the staleness alert.
     */
    public void failure(String flow) {
        registry.counter("flow_failure_total", "flow", flow).increment();
        gauge(flow);
    }

    private AtomicLong gauge(String flow) {
        return lastSuccess.computeIfAbsent(
                flow,
                f -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("flow_last_success_timestamp", value, AtomicLong::get)
                            .tag("flow", f)
                            .strongReference(true)
                            .register(registry);
                    return value;
                });
    }
}
