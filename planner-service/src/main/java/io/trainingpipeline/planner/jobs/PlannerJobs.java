package io.trainingpipeline.planner.jobs;

import io.quarkus.scheduler.Scheduled;
import io.trainingpipeline.planner.service.AdaptationService;
import io.trainingpipeline.planner.service.GoalsRegistry;
import io.trainingpipeline.planner.service.PlanService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/** Deadlines of pending adaptations, and the goals-file poll (changes without a restart). */
@ApplicationScoped
public class PlannerJobs {
    private static final Logger LOG = Logger.getLogger(PlannerJobs.class);
    private final AdaptationService adaptation;
    private final GoalsRegistry goals;
    private final PlanService plans;

    public PlannerJobs(AdaptationService adaptation, GoalsRegistry goals, PlanService plans) {
        this.adaptation = adaptation;
        this.goals = goals;
        this.plans = plans;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deadlines() {
        try {
            adaptation.expire(Instant.now());
        } catch (RuntimeException e) {
            LOG.errorf(e, "expiring adaptations failed");
        }
    }

    @Scheduled(
            every = "${planner.goals-poll:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void goalsPoll() {
        for (String athlete : goals.athletes()) {
            try {
                if (goals.refresh(athlete)) {
                    plans.goalsChanged(athlete);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "goals poll failed for %s", athlete);
            }
        }
    }
}
