package io.trainingpipeline.planner.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.trainingpipeline.planner.config.PlannerConfig;
import io.trainingpipeline.planner.plan.Fitness;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The athlete's current fitness from analytics-service: CTL and ATL of the newest day, and recent
 * weekly running minutes estimated from the last 28 days of load at the easy load per hour (the
 * metrics carry load, not minutes). When analytics cannot answer in time, or has no days, the
 * conservative default ({@code planner.default-fitness.*}) is used and the load gate is skipped.
 */
@ApplicationScoped
public class FitnessGateway {
    private static final Logger LOG = Logger.getLogger(FitnessGateway.class);
    private final AnalyticsClient client;
    private final PlannerConfig config;
    private final MeterRegistry registry;

    public FitnessGateway(
            @RestClient AnalyticsClient client, PlannerConfig config, MeterRegistry registry) {
        this.client = client;
        this.config = config;
        this.registry = registry;
    }

    @Timeout(3000)
    @Fallback(fallbackMethod = "fallbackFitness")
    public Fitness fitness(String athlete, LocalDate today) {
        JsonNode days =
                client.metrics(athlete, today.minusDays(28).toString(), today.toString())
                        .path("days");
        if (!days.isArray() || days.isEmpty()) {
            return fallbackFitness(athlete, today);
        }
        JsonNode last = days.get(days.size() - 1);
        double load = 0;
        for (JsonNode d : days) {
            load += d.path("load").asDouble(0);
        }
        double weeklyMinutes = load / 4 / config.guardrail().loadPerHourEasy() * 60;
        return new Fitness(
                last.path("ctl").asDouble(config.defaultFitness().ctl()),
                last.path("atl").asDouble(config.defaultFitness().ctl()),
                weeklyMinutes,
                "analytics");
    }

    Fitness fallbackFitness(String athlete, LocalDate today) {
        registry.counter("planner_fitness_default_total").increment();
        LOG.warnf(
                "analytics-service gave no metrics for %s; using the default fitness (CTL %.0f, %.0f min/week)",
                athlete, config.defaultFitness().ctl(), config.defaultFitness().weeklyMinutes());
        return new Fitness(
                config.defaultFitness().ctl(),
                config.defaultFitness().ctl(),
                config.defaultFitness().weeklyMinutes(),
                "default");
    }
}
