package io.trainingpipeline.llm.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's meters: {@code llm_proposals_total{outcome}} (proposed, timeout, invalid_output,
 * provider_error, over_budget), {@code llm_latency_seconds{provider}} (histogram of the time spent
 * producing an answer), {@code llm_tokens_total{kind}} (input, output), {@code
 * llm_budget_remaining{athlete}}, {@code llm_replays_skipped_total} and {@code
 * events_malformed_total{topic}}.
 */
@ApplicationScoped
public class LlmMetrics {
    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> budgets = new ConcurrentHashMap<>();

    public LlmMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts one answer; {@code outcome} is "proposed" or a ProposalFailed reason. */
    public void answered(String outcome) {
        registry.counter("llm_proposals_total", "outcome", outcome.toLowerCase(Locale.ROOT))
                .increment();
    }

    /** Records the time spent producing one answer. */
    public void latency(String provider, Duration elapsed) {
        Timer.builder("llm_latency_seconds")
                .tags(Tags.of("provider", provider))
                .publishPercentileHistogram()
                .register(registry)
                .record(elapsed);
    }

    /** Adds used tokens. */
    public void tokens(int input, int output) {
        registry.counter("llm_tokens_total", "kind", "input").increment(input);
        registry.counter("llm_tokens_total", "kind", "output").increment(output);
    }

    /** Sets the athlete's remaining model calls this week. */
    public void budgetRemaining(String athleteId, int remaining) {
        budgets.computeIfAbsent(
                        athleteId,
                        a -> {
                            AtomicInteger holder = new AtomicInteger();
                            registry.gauge("llm_budget_remaining", Tags.of("athlete", a), holder);
                            return holder;
                        })
                .set(remaining);
    }

    /** Counts a flags event that was answered before (redelivery or replay). */
    public void replaySkipped() {
        registry.counter("llm_replays_skipped_total").increment();
    }

    /** Counts a record that could not be read. */
    public void malformed(String topic) {
        registry.counter("events_malformed_total", "topic", topic).increment();
    }
}
