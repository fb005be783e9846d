package io.trainingpipeline.support.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The configured athletes ({@code athletes.<id>.*} in {@code config/default.yaml}). The athlete id
 * is the Kafka key everywhere. Paths are relative to the working directory unless absolute.
 */
@ConfigMapping(prefix = "athletes", namingStrategy = ConfigMapping.NamingStrategy.SNAKE_CASE)
public interface AthletesConfig {

    /** Athletes by id. */
    @WithParentName
    Map<String, Athlete> byId();

    /** One athlete's profile and data sources. */
    interface Athlete {
        /** IANA timezone deciding calendar days and when the crons fire, e.g. Europe/Berlin. */
        @WithDefault("UTC")
        String timezone();

        /** male or female: chooses the Banister TRIMP constants (training-science section 2). */
        @WithDefault("male")
        String sex();

        /** Maximum heart rate; estimated from the last 365 days when absent (section 2). */
        OptionalInt hrMax();

        /** Resting heart rate; the 7-day median of Garmin's resting HR when absent. */
        OptionalInt hrRest();

        /** Lactate-threshold heart rate (HRSS: one hour at LTHR scores 100). */
        OptionalInt lthr();

        /** The athlete's goals file (see config/athlete.example.yaml). */
        Optional<String> goalsFile();

        /** python-garminconnect style token file for Garmin Connect; absent = no Garmin sync. */
        Optional<String> garminTokenFile();

        /** Folder watched for FIT files. */
        Optional<String> fitFolder();

        /** GarminDB {@code HealthData/DBs} folder, read-only. */
        Optional<String> garmindbPath();
    }
}
