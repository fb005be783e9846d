package io.trainingpipeline.ingest.config;

import io.trainingpipeline.ingest.fit.FitActivityReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Wires the plain-Java FIT reader into CDI. */
@ApplicationScoped
public class FitBeans {
    @Produces
    @ApplicationScoped
    FitActivityReader fitActivityReader(IngestConfig config) {
        return new FitActivityReader(config.defaultMaxHr());
    }
}
