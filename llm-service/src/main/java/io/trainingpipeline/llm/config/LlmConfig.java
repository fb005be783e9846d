package io.trainingpipeline.llm.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * llm-service settings ({@code llm.*} in {@code config/default.yaml}, environment {@code LLM_*}).
 * With neither {@code api-key} nor {@code base-url} set, the rule-based coach answers (no network).
 */
@ConfigMapping(prefix = "llm")
public interface LlmConfig {
    /**
     * OpenAI-compatible endpoint including {@code /v1}, e.g. {@code http://127.0.0.1:11434/v1}
     * (Ollama); absent with an api key = OpenAI's {@code https://api.openai.com/v1}.
     */
    Optional<String> baseUrl();

    /** API key (secret: never logged, never in an event); optional for local servers. */
    Optional<String> apiKey();

    /** Model name as the server knows it, e.g. gpt-4o-mini or llama3.1:8b. */
    @WithDefault("gpt-4o-mini")
    String model();

    /** Time one model call may take before the proposal fails with TIMEOUT. */
    @WithDefault("30s")
    Duration timeout();

    /** Most tokens the model may generate. */
    @WithDefault("1500")
    int maxTokens();

    /** Sampling temperature (low: the answer should be stable). */
    @WithDefault("0.2")
    double temperature();

    /**
     * Structured output: {@code json_schema} (OpenAI, Ollama, vLLM), {@code json_object} (JSON mode
     * only) or {@code text} (servers without response formats: strict parsing only).
     */
    @WithDefault("json_schema")
    String responseFormat();

    /** Retries after a 429 or 5xx (0 = one attempt only). */
    @WithDefault("2")
    int maxRetries();

    /** First back-off delay; doubles per retry up to {@code retry-max-delay}. */
    @WithDefault("1s")
    Duration retryDelay();

    /** Longest back-off delay. */
    @WithDefault("8s")
    Duration retryMaxDelay();

    /**
     * Upper bound of one proposal's model time including retries; keep it well below the planner's
     * {@code planner.proposal-timeout} (2 min) so a failure arrives before it fires.
     */
    @WithDefault("75s")
    Duration totalDeadline();

    /** Circuit breaker around the model. */
    Breaker circuitBreaker();

    /** Model calls allowed per athlete per calendar week (UTC, Monday..Sunday). */
    @WithDefault("20")
    int weeklyCallBudget();

    /** Most operations one patch may have. */
    @WithDefault("40")
    int maxOperations();

    /** Longest reply accepted from the model (characters); longer = INVALID_OUTPUT. */
    @WithDefault("65536")
    int maxReplyChars();

    /** How much of a rejected reply is kept in the ProposalFailed event (characters). */
    @WithDefault("4096")
    int rawOutputCap();

    /** Share of volume the rule-based coach removes for ramp_too_fast / acute_chronic_high. */
    @WithDefault("0.15")
    double ruleCoachVolumeCut();

    /** Base URL of analytics-service (metrics and activities for the prompt). */
    @WithDefault("http://127.0.0.1:8082")
    String analyticsUrl();

    /** Base URL of planner-service (the plan document of the target week). */
    @WithDefault("http://127.0.0.1:8084")
    String plannerUrl();

    /** Timeout of one call to analytics or the planner. */
    @WithDefault("5s")
    Duration peerTimeout();

    /** Weeks of daily metrics put into the prompt. */
    @WithDefault("6")
    int metricsWeeks();

    /** DuckDB file this service alone owns: answered flags events and the call budget. */
    @WithDefault("data/llm/answered.duckdb")
    String dataPath();

    /** Circuit breaker settings. */
    interface Breaker {
        /** Calls in the rolling window the failure ratio is computed over. */
        @WithDefault("4")
        int requestVolume();

        /** Failure ratio that opens the breaker. */
        @WithDefault("0.75")
        double failureRatio();

        /** How long the breaker stays open before a trial call. */
        @WithDefault("60s")
        Duration delay();
    }

    /** True when a model is configured; false = the rule-based coach answers. */
    default boolean modelConfigured() {
        return baseUrl().filter(s -> !s.isBlank()).isPresent()
                || apiKey().filter(s -> !s.isBlank()).isPresent();
    }
}
