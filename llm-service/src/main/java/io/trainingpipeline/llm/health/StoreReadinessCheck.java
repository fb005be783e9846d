package io.trainingpipeline.llm.health;

import io.trainingpipeline.llm.config.LlmConfig;
import io.trainingpipeline.llm.store.AnsweredStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the answered-events store ({@code llm.data-path}): without it flags events cannot be
 * answered idempotently, so the service is not ready (for example a read-only file system without a
 * writable {@code LLM_DATA_PATH}).
 */
@Readiness
@ApplicationScoped
public class StoreReadinessCheck implements HealthCheck {
    private final Instance<AnsweredStore> store;
    private final LlmConfig config;

    public StoreReadinessCheck(Instance<AnsweredStore> store, LlmConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.get().callsMade("-", java.time.LocalDate.EPOCH);
            return HealthCheckResponse.named("llm-store")
                    .up()
                    .withData("path", config.dataPath())
                    .build();
        } catch (RuntimeException | java.sql.SQLException e) {
            return HealthCheckResponse.named("llm-store")
                    .down()
                    .withData("path", config.dataPath())
                    .withData("error", String.valueOf(e.getMessage()))
                    .build();
        }
    }
}
