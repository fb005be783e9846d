package io.trainingpipeline.ingest.config;

import io.trainingpipeline.ingest.fit.FitActivityReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the plain-Java FIT reader into CDI, per athlete (zones from the profile's hr_max). */
@ApplicationScoped
public class FitBeans {
    private final IngestConfig config;
    private final Athletes athletes;

    public FitBeans(IngestConfig config, Athletes athletes) {
        this.config = config;
        this.athletes = athletes;
    }

    @Produces
    @ApplicationScoped
    FitActivityReader fitActivityReader() {
        return new FitActivityReader(config.defaultMaxHr());
    }

    /** The reader for one athlete: HR zones from the profile's hr_max when configured. */
    public FitActivityReader readerFor(String athleteId) {
        return FitActivityReader.forAthlete(athletes.hrMax(athleteId), config.defaultMaxHr());
    }
}
