package io.trainingpipeline.analytics.jobs;

import io.quarkus.scheduler.Scheduled;
import io.trainingpipeline.analytics.config.AnalyticsConfig;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.support.metrics.FlowMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;

/**
 * Monthly retention ({@code analytics.retention.cron}, UTC): raw activity rows of days more than
 * {@code analytics.retention.raw_days} before today are deleted, the daily aggregates are kept
 * forever (CTL needs the whole history; their pruned part is folded in first so values stay
 * identical), then CHECKPOINT reclaims the space (DuckDB's VACUUM does not shrink).
 */
@ApplicationScoped
public class Retention {
    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final String FLOW = "retention";

    private final AnalyticsStore store;
    private final AnalyticsConfig config;
    private final FlowMetrics flows;

    public Retention(AnalyticsStore store, AnalyticsConfig config, FlowMetrics flows) {
        this.store = store;
        this.config = config;
        this.flows = flows;
    }

    @Scheduled(cron = "${analytics.retention.cron}", identity = "retention")
    void monthly() {
        try {
            prune(LocalDate.now(ZoneOffset.UTC));
        } catch (SQLException | RuntimeException e) {
            LOG.error("retention failed", e);
        }
    }

    /**
     * Prunes raw rows older than the retention window as seen on {@code today}.
     *
     * @return the number of raw rows deleted
     */
    public int prune(LocalDate today) throws SQLException {
        try {
            LocalDate cutoff = today.minusDays(config.retention().rawDays());
            int deleted = store.pruneActivitiesBefore(cutoff);
            store.checkpoint();
            flows.success(FLOW);
            LOG.infof("retention: %d raw activity row(s) before %s deleted", deleted, cutoff);
            return deleted;
        } catch (SQLException | RuntimeException e) {
            flows.failure(FLOW);
            throw e;
        }
    }
}
