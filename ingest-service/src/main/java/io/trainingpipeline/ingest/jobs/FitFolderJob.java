package io.trainingpipeline.ingest.jobs;

import io.quarkus.scheduler.Scheduled;
import io.trainingpipeline.ingest.config.Athletes;
import io.trainingpipeline.ingest.config.FitBeans;
import io.trainingpipeline.ingest.config.IngestConfig;
import io.trainingpipeline.ingest.fit.FitFolderImport;
import io.trainingpipeline.ingest.messaging.EventPublisher;
import io.trainingpipeline.ingest.metrics.IngestMetrics;
import io.trainingpipeline.schemas.EventSources;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * Imports the FIT folders of configured athletes ({@code athletes.<id>.fit_folder}) every {@code
 * ingest.fit-folder-scan}, and on demand ({@code POST /athletes/{id}/fit/folder}).
 */
@ApplicationScoped
public class FitFolderJob {
    private static final Logger LOG = Logger.getLogger(FitFolderJob.class);

    private final Athletes athletes;
    private final FitBeans readers;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final int decodeThreads;

    public FitFolderJob(
            Athletes athletes,
            FitBeans readers,
            EventPublisher publisher,
            IngestMetrics metrics,
            IngestConfig config) {
        this.athletes = athletes;
        this.readers = readers;
        this.publisher = publisher;
        this.metrics = metrics;
        this.decodeThreads =
                config.fitDecodeThreads() > 0
                        ? config.fitDecodeThreads()
                        : Runtime.getRuntime().availableProcessors();
    }

    @Scheduled(
            every = "${ingest.fit-folder-scan:60s}",
            delay = 10,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        for (String athlete : athletes.ids()) {
            athletes.get(athlete)
                    .flatMap(a -> a.fitFolder())
                    .ifPresent(folder -> importFolder(athlete, Path.of(folder)));
        }
    }

    /** Imports one folder now. */
    public synchronized FitFolderImport.Report importFolder(String athleteId, Path folder) {
        FitFolderImport.Report r =
                FitFolderImport.run(
                        athleteId,
                        folder,
                        readers.readerFor(athleteId),
                        events -> {
                            publisher.publish(events);
                            metrics.activities(athleteId, EventSources.FIT_FILE, events.size());
                        },
                        decodeThreads);
        for (FitFolderImport.Rejected bad : r.rejected()) {
            metrics.fitRejected(athleteId);
            LOG.warnf("FIT file rejected for athlete %s: %s", athleteId, bad.error());
        }
        if (!r.imported().isEmpty() || !r.rejected().isEmpty()) {
            LOG.infof(
                    "FIT folder %s (athlete %s): %d imported, %d skipped, %d rejected",
                    folder,
                    athleteId,
                    r.imported().size(),
                    r.skipped().size(),
                    r.rejected().size());
        }
        return r;
    }
}
