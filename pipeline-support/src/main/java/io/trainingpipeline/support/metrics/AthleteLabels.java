package io.trainingpipeline.support.metrics;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code metrics.athlete-labels} (default true): athlete ids as metric labels are fine for a
 * handful of athletes. Set {@code METRICS_ATHLETE_LABELS=false} to drop the {@code athlete} tag
 * from every meter of the service (series are then summed over athletes; a per-athlete gauge such
 * as {@code hrv_last_timestamp} keeps the first athlete's value). Alerts aggregate {@code by
 * (athlete)} and keep working without the label.
 */
@Singleton
public class AthleteLabels {
    /** The tag name every service uses for athlete ids. */
    public static final String TAG = "athlete";

    @Produces
    @Singleton
    MeterFilter athleteLabels(
            @ConfigProperty(name = "metrics.athlete-labels", defaultValue = "true")
                    boolean enabled) {
        // A filter with only default methods changes nothing (NEUTRAL for every meter).
        return enabled ? new MeterFilter() {} : MeterFilter.ignoreTags(TAG);
    }
}
