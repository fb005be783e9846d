package io.trainingpipeline.analytics.config;

import io.smallrye.config.ConfigMapping;

/** analytics-service settings ({@code analytics.*}). */
@ConfigMapping(prefix = "analytics")
public interface AnalyticsConfig {
    /**
     * Path of the DuckDB file this service owns ({@code DATA_PATH}); parent folders are created.
     */
    String dataPath();
}
