package io.trainingpipeline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** ingest-service settings ({@code ingest.*}); crons and retry come from the seed settings. */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {
    /** Maximum heart rate for HR zones when neither the athlete profile nor the file gives one. */
    @WithDefault("190")
    int defaultMaxHr();

    /** Folder for the service's own state: {@code <data-dir>/ingest/<athlete>/state.json}. */
    @WithDefault("data")
    String dataDir();

    /** A catch-up never reaches further back than this many days (use a backfill for more). */
    @WithDefault("14")
    int catchupMaxDays();

    /** Days fetched and published together; a backfill resumes after the last finished chunk. */
    @WithDefault("7")
    int chunkDays();

    /** Whether the Garmin sync crons are scheduled (off = only the REST commands run syncs). */
    @WithDefault("true")
    boolean syncEnabled();

    /** How often the athletes' FIT folders are scanned ({@code off} disables the scan). */
    @WithDefault("60s")
    String fitFolderScan();

    /** Delay before the first FIT folder scan after start. */
    @WithDefault("PT10S")
    Duration fitFolderScanDelay();

    /**
     * Threads decoding FIT files during a folder import; 0 (default) = one per available processor.
     * Publishing stays on one thread, in file-name order.
     */
    @WithDefault("0")
    int fitDecodeThreads();
}
