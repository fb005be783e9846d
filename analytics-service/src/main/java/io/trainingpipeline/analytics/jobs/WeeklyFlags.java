package io.trainingpipeline.analytics.jobs;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.trainingpipeline.analytics.config.Profiles;
import io.trainingpipeline.analytics.messaging.FlagPublisher;
import io.trainingpipeline.analytics.store.AnalyticsStore;
import io.trainingpipeline.analytics.store.AthleteMetrics;
import io.trainingpipeline.schemas.EventEnvelope;
import io.trainingpipeline.schemas.EventIds;
import io.trainingpipeline.schemas.EventJson;
import io.trainingpipeline.schemas.EventSources;
import io.trainingpipeline.schemas.EventType;
import io.trainingpipeline.schemas.events.Flag;
import io.trainingpipeline.schemas.events.FlagsRaised;
import io.trainingpipeline.support.config.PipelineConfig;
import io.trainingpipeline.support.metrics.FlowMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The weekly flag evaluation (training-science section 5): for every configured athlete, at {@code
 * adapt_weekly_cron} in the athlete's time zone, evaluates the flags on the athlete's "today" and
 * publishes them for the coming week (the next Monday) on {@code analytics.flag.v1}, also with an
 * empty list. The event id is derived from athlete, week and flag content, so an evaluation
 * repeated on the same data (or after a replay) yields the same id and consumers drop the
 * duplicate.
 */
@ApplicationScoped
public class WeeklyFlags {
    private static final Logger LOG = Logger.getLogger(WeeklyFlags.class);
    static final String FLOW = "adapt_weekly";

    /** Sorted map keys: flag values are unordered maps, the content hash must not be. */
    private static final com.fasterxml.jackson.databind.ObjectMapper CANONICAL =
            EventJson.newMapper()
                    .configure(
                            com.fasterxml.jackson.databind.SerializationFeature
                                    .ORDER_MAP_ENTRIES_BY_KEYS,
                            true);

    private final AthleteMetrics metrics;
    private final FlagPublisher publisher;
    private final AnalyticsStore store;
    private final Profiles profiles;
    private final FlowMetrics flows;
    private final PipelineConfig config;

    public WeeklyFlags(
            AthleteMetrics metrics,
            FlagPublisher publisher,
            AnalyticsStore store,
            Profiles profiles,
            FlowMetrics flows,
            PipelineConfig config) {
        this.metrics = metrics;
        this.publisher = publisher;
        this.store = store;
        this.profiles = profiles;
        this.flows = flows;
        this.config = config;
    }

    /** One cron job per athlete, in the athlete's zone (a single @Scheduled has one zone). */
    void schedule(@Observes StartupEvent start, Scheduler scheduler) {
        for (String athlete : profiles.configured()) {
            scheduler
                    .newJob("adapt-weekly-" + athlete)
                    .setCron(config.adaptWeeklyCron())
                    .setTimeZone(profiles.zone(athlete).getId())
                    .setTask(execution -> runScheduled(athlete))
                    .schedule();
        }
    }

    private void runScheduled(String athlete) {
        try {
            evaluate(athlete, LocalDate.now(profiles.zone(athlete)));
        } catch (RuntimeException | SQLException e) {
            LOG.errorf(e, "weekly flag evaluation of athlete %s failed", athlete);
        }
    }

    /** Today in the athlete's zone. */
    public LocalDate today(String athlete) {
        return LocalDate.now(profiles.zone(athlete));
    }

    /** Evaluates all configured athletes (the admin call without an athlete). */
    public List<EventEnvelope<FlagsRaised>> evaluateAll(LocalDate today) throws SQLException {
        List<EventEnvelope<FlagsRaised>> out = new ArrayList<>();
        for (String athlete : profiles.configured().stream().sorted().toList()) {
            out.add(
                    evaluate(
                            athlete,
                            today != null ? today : LocalDate.now(profiles.zone(athlete))));
        }
        return out;
    }

    /** Evaluates one athlete on {@code today} and publishes the flags for the coming week. */
    public EventEnvelope<FlagsRaised> evaluate(String athlete, LocalDate today)
            throws SQLException {
        try {
            EventEnvelope<FlagsRaised> event = event(athlete, today);
            publisher.publish(event);
            store.saveEvaluation(
                    athlete,
                    event.payload().weekStart(),
                    today,
                    event.eventId(),
                    canonical(event.payload().flags()));
            flows.success(FLOW);
            LOG.infof(
                    "athlete %s week %s: %d flag(s) published as %s",
                    athlete,
                    event.payload().weekStart(),
                    event.payload().flags().size(),
                    event.eventId());
            return event;
        } catch (SQLException | RuntimeException e) {
            flows.failure(FLOW);
            throw e;
        }
    }

    private static String canonical(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise flags", e);
        }
    }

    /** The event for {@code today}'s evaluation (pure given the stored data). */
    public EventEnvelope<FlagsRaised> event(String athlete, LocalDate today) throws SQLException {
        LocalDate weekStart = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<Flag> flags = new ArrayList<>(metrics.day(athlete, today).flags());
        flags.sort(Comparator.comparing(Flag::name));
        FlagsRaised payload = new FlagsRaised(weekStart, today, flags);
        String content = EventIds.sha256Hex(canonical(payload).getBytes(StandardCharsets.UTF_8));
        return EventEnvelope.wrap(
                EventIds.of(EventType.FLAGS_RAISED, athlete, weekStart, content),
                today.atStartOfDay(profiles.zone(athlete)).toInstant(),
                athlete,
                EventSources.ANALYTICS,
                null,
                payload);
    }
}
