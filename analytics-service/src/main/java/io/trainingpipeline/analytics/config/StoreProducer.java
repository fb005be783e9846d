package io.trainingpipeline.analytics.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.sql.SQLException;

/** Opens the one DuckDB connection of the service at start-up and closes it at shutdown. */
public class StoreProducer {
    @Produces
    @Singleton
    AnalyticsStore store(AnalyticsConfig config, MeterRegistry registry) throws SQLException {
        return new AnalyticsStore(Path.of(config.dataPath()), registry);
    }

    void close(@Disposes AnalyticsStore store) throws SQLException {
        store.close();
    }
}
