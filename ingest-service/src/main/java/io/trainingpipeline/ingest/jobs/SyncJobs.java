package io.trainingpipeline.ingest.jobs;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.trainingpipeline.garmin.auth.GarminTokens;
import io.trainingpipeline.ingest.config.Athletes;
import io.trainingpipeline.ingest.config.IngestConfig;
import io.trainingpipeline.support.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Schedules {@code sync_daily} ({@code sync_daily_cron}) and {@code sync_catchup} ({@code
 * sync_catchup_cron}) for every configured athlete with Garmin tokens, in the athlete's time zone
 * (unix cron syntax). Job ids: {@code sync_daily:<athlete>}, {@code sync_catchup:<athlete>}.
 */
@ApplicationScoped
public class SyncJobs {
    private static final Logger LOG = Logger.getLogger(SyncJobs.class);

    private final Scheduler scheduler;
    private final SyncService sync;
    private final Athletes athletes;
    private final PipelineConfig pipeline;
    private final IngestConfig config;
    private final GarminTokens tokens;
    private final List<String> scheduled = new ArrayList<>();

    public SyncJobs(
            Scheduler scheduler,
            SyncService sync,
            Athletes athletes,
            PipelineConfig pipeline,
            IngestConfig config,
            GarminTokens tokens) {
        this.scheduler = scheduler;
        this.sync = sync;
        this.athletes = athletes;
        this.pipeline = pipeline;
        this.config = config;
        this.tokens = tokens;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.syncEnabled()) {
            LOG.info("Garmin sync crons disabled (ingest.sync-enabled=false)");
            return;
        }
        for (String athlete : athletes.ids()) {
            boolean hasTokens =
                    athletes.get(athlete).flatMap(a -> a.garminTokenFile()).isPresent()
                            || Files.isRegularFile(tokens.tokenFile(athlete));
            if (!hasTokens) {
                LOG.infof("athlete %s has no Garmin tokens: no sync jobs", athlete);
                continue;
            }
            schedule(SyncService.DAILY, athlete, pipeline.syncDailyCron());
            schedule(SyncService.CATCHUP, athlete, pipeline.syncCatchupCron());
        }
    }

    private void schedule(String flow, String athlete, String cron) {
        String zone = athletes.zone(athlete).getId();
        String id = flow + ":" + athlete;
        scheduler
                .newJob(id)
                .setCron(cron)
                .setTimeZone(zone)
                .setConcurrentExecution(io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
                .setTask(
                        execution -> {
                            if (flow.equals(SyncService.DAILY)) {
                                sync.daily(athlete);
                            } else {
                                sync.catchup(athlete);
                            }
                        })
                .schedule();
        scheduled.add(id);
        LOG.infof("scheduled %s with cron '%s' in %s", id, cron, zone);
    }

    /** Ids of the scheduled jobs. */
    public List<String> scheduled() {
        return List.copyOf(scheduled);
    }
}
