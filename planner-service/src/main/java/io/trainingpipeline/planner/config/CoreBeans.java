package io.trainingpipeline.planner.config;

import io.trainingpipeline.planner.guardrail.GuardrailSettings;
import io.trainingpipeline.planner.guardrail.Guardrails;
import io.trainingpipeline.planner.plan.PlanGenerator;
import io.trainingpipeline.planner.plan.PlanSettings;
import io.trainingpipeline.support.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Builds the plain-Java cores from configuration. */
@ApplicationScoped
public class CoreBeans {
    @Produces
    @Singleton
    PlanSettings planSettings(PlannerConfig c, PipelineConfig seed) {
        PlannerConfig.Plan p = c.plan();
        return new PlanSettings(
                p.deloadEvery(),
                p.deloadCut(),
                p.taperCut(),
                Math.min(p.weeklyGrowth(), seed.rampPercentageMax()),
                c.guardrail().easyShareMin(),
                c.guardrail().longRunShareMax(),
                p.minSessionMinutes(),
                p.taperDays5k10k(),
                p.taperDaysHalf(),
                p.taperDaysMarathon(),
                p.maxSessionsPerWeek());
    }

    @Produces
    @Singleton
    GuardrailSettings guardrailSettings(PlannerConfig c, PipelineConfig seed) {
        PlannerConfig.Guardrail g = c.guardrail();
        return new GuardrailSettings(
                seed.llmVolumeChangeMax(),
                g.lastWeekRiseMax(),
                g.easyShareMin(),
                g.longRunShareMax(),
                g.deloadMinCut(),
                g.taperMinCut(),
                g.loadPerHourEasy(),
                g.loadPerHourModerate(),
                g.loadPerHourHard(),
                g.ctlDays(),
                g.atlDays(),
                seed.rampCtlPointsMax(),
                seed.tsbMinFraction());
    }

    @Produces
    @Singleton
    PlanGenerator generator(PlanSettings settings) {
        return new PlanGenerator(settings);
    }

    @Produces
    @Singleton
    Guardrails guardrails(GuardrailSettings settings) {
        return new Guardrails(settings);
    }
}
