package io.trainingpipeline.planner.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the dashboard's server side finds the other services ({@code dashboard.*}). */
@ConfigMapping(prefix = "dashboard")
public interface DashboardConfig {
    /** Base URL of analytics-service (metrics, flags). */
    @WithDefault("http://127.0.0.1:8082")
    String analyticsUrl();

    /** Base URL of ingest-service (Garmin link health from its /q/metrics). */
    @WithDefault("http://127.0.0.1:8081")
    String ingestUrl();

    /** Deadline of each upstream call; the page shows "unavailable" past it. */
    @WithDefault("5s")
    Duration timeout();
}
