package io.trainingpipeline.planner.service;

import io.trainingpipeline.planner.analytics.FitnessGateway;
import io.trainingpipeline.planner.goal.Goals;
import io.trainingpipeline.planner.plan.Fitness;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanGenerator;
import io.trainingpipeline.planner.store.HistoryEntry;
import io.trainingpipeline.planner.store.PlanStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The plan of each athlete: generated from the goals and the current fitness on first use,
 * regenerated when the goals change. A regenerated week becomes a new version only when its content
 * differs; weeks already pushed to Garmin stay as pushed unless regeneration is forced (on
 * request), and weeks before the current one are never touched.
 */
@ApplicationScoped
public class PlanService {
    private static final Logger LOG = Logger.getLogger(PlanService.class);

    private final GoalsRegistry goals;
    private final PlanStore store;
    private final PlanGenerator generator;
    private final FitnessGateway fitness;

    public PlanService(
            GoalsRegistry goals, PlanStore store, PlanGenerator generator, FitnessGateway fitness) {
        this.goals = goals;
        this.store = store;
        this.generator = generator;
        this.fitness = fitness;
    }

    /** The athlete's local date. */
    public LocalDate today(String athlete) {
        return goals.goals(athlete)
                .map(g -> LocalDate.now(g.timezone()))
                .orElse(LocalDate.now(java.time.ZoneOffset.UTC));
    }

    /** Monday of the athlete's current week. */
    public LocalDate currentWeek(String athlete) {
        return today(athlete).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The newest version of a week, generating the plan first if the athlete has none. */
    public synchronized Optional<PlanDocument> week(String athlete, LocalDate week) {
        if (store.weeks(athlete).isEmpty() && goals.goals(athlete).isPresent()) {
            regenerate(athlete, false, "generated");
        }
        return store.current(athlete, week);
    }

    /**
     * Generates the plan from today with the goals in force and stores the weeks that changed.
     *
     * @param force also replace weeks already pushed
     * @return number of weeks that got a new version
     */
    public synchronized int regenerate(String athlete, boolean force, String cause) {
        Optional<Goals> g = goals.goals(athlete);
        if (g.isEmpty()) {
            return 0;
        }
        LocalDate today = LocalDate.now(g.get().timezone());
        Fitness f = fitness.fitness(athlete, today);
        List<PlanDocument> plan = generator.generate(g.get(), f, today);
        int changed = 0;
        for (PlanDocument week : plan) {
            Optional<PlanDocument> current = store.current(athlete, week.weekStart());
            if (current.isPresent()) {
                if (current.get().sameContent(week)) {
                    continue;
                }
                if (!force && store.pushes(athlete).containsKey(week.weekStart())) {
                    continue;
                }
            }
            int base = current.map(PlanDocument::version).orElse(0);
            PlanDocument next = week.withVersion(base + 1);
            store.save(
                    next,
                    new HistoryEntry(
                            week.weekStart(),
                            next.version(),
                            Instant.now(),
                            cause,
                            null,
                            List.of(),
                            null,
                            null,
                            base));
            changed++;
        }
        LOG.infof(
                "plan of %s %s: %d of %d weeks new (fitness from %s)",
                athlete, cause, changed, plan.size(), f.source());
        return changed;
    }

    /** Called by the goals poll: a changed goals file regenerates the plan. */
    public void goalsChanged(String athlete) {
        regenerate(athlete, false, store.weeks(athlete).isEmpty() ? "generated" : "goals-changed");
    }
}
