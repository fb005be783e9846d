package io.trainingpipeline.ingest.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.support.metrics.FlowMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's metrics: {@code flow_success_total}, {@code flow_failure_total}, {@code
 * flow_last_success_timestamp} (tag flow), {@code activities_ingested_total} (tags athlete,
 * source), {@code hrv_last_timestamp} (tag athlete), {@code backfill_progress_permille} (tag
 * athlete), {@code fit_files_rejected_total}, {@code garmindb_rows_rejected_total}.
 */
@ApplicationScoped
public class IngestMetrics {
    private final MeterRegistry registry;
    private final FlowMetrics flows;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public IngestMetrics(MeterRegistry registry, FlowMetrics flows) {
        this.registry = registry;
        this.flows = flows;
    }

    /** A flow run ended well. */
    public void flowSuccess(String flow) {
        flows.success(flow);
    }

    /** A flow run failed. */
    public void flowFailure(String flow) {
        flows.failure(flow);
    }

    /** Activities published. */
    public void activities(String athleteId, String source, int n) {
        if (n > 0) {
            registry.counter("activities_ingested_total", "athlete", athleteId, "source", source)
                    .increment(n);
        }
    }

    /** The newest HRV night published (only moves forward). */
    public void hrvNight(String athleteId, Instant night) {
        gauge("hrv_last_timestamp", "athlete", athleteId)
                .accumulateAndGet(night.getEpochSecond(), Math::max);
    }

    /** Backfill progress, 0..1000 per mille. */
    public void backfillProgress(String athleteId, double ratio) {
        gauge("backfill_progress_permille", "athlete", athleteId).set(Math.round(ratio * 1000));
    }

    /** A FIT file was rejected. */
    public void fitRejected(String athleteId) {
        registry.counter("fit_files_rejected_total", "athlete", athleteId).increment();
    }

    /** A GarminDB row or table could not be read. */
    public void garmindbRejected(String table) {
        registry.counter("garmindb_rows_rejected_total", "table", table).increment();
    }

    private AtomicLong gauge(String name, String tag, String value) {
        return gauges.computeIfAbsent(
                name + "|" + value,
                k -> {
                    AtomicLong v = new AtomicLong();
                    Gauge.builder(name, v, AtomicLong::get)
                            .tag(tag, value)
                            .strongReference(true)
                            .register(registry);
                    return v;
                });
    }
}
