package io.trainingpipeline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** ingest-service settings ({@code ingest.*}). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {
    /** Maximum heart rate for HR zones when neither the athlete profile nor the file gives one. */
    @WithDefault("190")
    int defaultMaxHr();
}
