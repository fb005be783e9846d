package io.trainingpipeline.planner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** planner-service settings ({@code planner.*}); the seed thresholds come from PipelineConfig. */
@ConfigMapping(prefix = "planner")
public interface PlannerConfig {
    /** Base URL of analytics-service ({@code GET /athletes/{id}/metrics?from=&to=}). */
    @WithDefault("http://127.0.0.1:8082")
    String analyticsUrl();

    /**
     * How long a flags event waits for the LLM's proposal before the plan goes forward untouched.
     */
    @WithDefault("PT2M")
    Duration proposalTimeout();

    /** Folder of plan versions, decision history and push state ({@code <dir>/<athlete>/...}). */
    @WithDefault("data/planner")
    String dataDir();

    /** Folder of the garmin_planner YAML and FIT files ({@code <dir>/<athlete>/<week>.yaml}). */
    @WithDefault("plans")
    String plansDir();

    /**
     * Folder of goals files named {@code <athlete>.yaml}, used for athletes without {@code
     * athletes.<id>.goals_file}; default {@code <config dir>/athletes}.
     */
    Optional<String> goalsDir();

    /** Plan generation (training-science section 6 rules 4-6). */
    Plan plan();

    /** Guardrail constants beyond the seed settings. */
    Guardrail guardrail();

    /** Fitness assumed when analytics-service cannot be reached (a conservative start). */
    DefaultFitness defaultFitness();

    /** Pushing to Garmin Connect. */
    Push push();

    /** Plan generation constants. */
    interface Plan {
        /** Every n-th week is a deload week (3 or 4). */
        @WithDefault("4")
        int deloadEvery();

        /** Deload volume cut versus the last loading week (0.30-0.50). */
        @WithDefault("0.35")
        double deloadCut();

        /** Taper volume cut versus the last loading week (0.40-0.60). */
        @WithDefault("0.5")
        double taperCut();

        /** Growth per loading week; never above ramp_percentage_max. */
        @WithDefault("0.08")
        double weeklyGrowth();

        /** Shortest planned session, minutes. */
        @WithDefault("20")
        int minSessionMinutes();

        /** Most sessions per week. */
        @WithDefault("6")
        int maxSessionsPerWeek();

        /** Taper days for races up to 10 km. */
        @WithDefault("7")
        int taperDays5k10k();

        /** Taper days up to the half marathon. */
        @WithDefault("14")
        int taperDaysHalf();

        /** Taper days for the marathon and longer. */
        @WithDefault("21")
        int taperDaysMarathon();
    }

    /** Guardrail constants. */
    interface Guardrail {
        /** Rule 1: rise allowed over last week's actual volume. */
        @WithDefault("0.10")
        double lastWeekRiseMax();

        /** Rule 4: share of running time below the first threshold. */
        @WithDefault("0.80")
        double easyShareMin();

        /** Rule 4: long run share of weekly running time. */
        @WithDefault("0.30")
        double longRunShareMax();

        /** Rule 5: a deload week stays at least this far below its reference. */
        @WithDefault("0.30")
        double deloadMinCut();

        /** Rule 6: a taper week stays at least this far below its reference. */
        @WithDefault("0.40")
        double taperMinCut();

        /** Planned load (HRSS) of an easy hour. */
        @WithDefault("55")
        double loadPerHourEasy();

        /** Planned load of a moderate hour. */
        @WithDefault("75")
        double loadPerHourModerate();

        /** Planned load of a hard hour. */
        @WithDefault("95")
        double loadPerHourHard();

        /** CTL time constant, days (section 3). */
        @WithDefault("42")
        double ctlDays();

        /** ATL time constant, days. */
        @WithDefault("7")
        double atlDays();
    }

    /** The fallback fitness. */
    interface DefaultFitness {
        /** CTL (and ATL) assumed. */
        @WithDefault("30")
        double ctl();

        /** Weekly running minutes assumed. */
        @WithDefault("180")
        double weeklyMinutes();
    }

    /** Push settings. */
    interface Push {
        /** Push a week to Garmin after each decision (not in approval mode). */
        @WithDefault("true")
        boolean afterDecision();

        /** Dry-run mode: compute and log what would be written, never write to Garmin. */
        @WithDefault("false")
        boolean dryRun();
    }
}
