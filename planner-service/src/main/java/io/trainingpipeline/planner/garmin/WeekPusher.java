package io.trainingpipeline.planner.garmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trainingpipeline.garmin.GarminGateway;
import io.trainingpipeline.garmin.GarminRequestException;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.PlanJson;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.schemas.EventIds;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Pushes one week to Garmin Connect as a transaction. Every workout this product creates carries a
 * provenance marker in its description: {@code [training-pipeline <athlete>/<week>] v<version>
 * #<content hash> session=<id>}. Steps: read the week's calendar and find our earlier workouts (by
 * the marker; anything without it was made by hand and is never touched); if they already hold this
 * content, stop (zero writes); otherwise upload the new workouts, read each back (the marker must
 * survive), schedule them, and only then unschedule and delete our earlier ones. Any failure before
 * the switch deletes what was uploaded, including a workout Garmin stored while the answer was lost
 * (found by this push's marker); a failure while removing the earlier ones also puts back those no
 * longer on the calendar. Either way the calendar is as before, and the failure is reported. A 404
 * when removing one of our own items counts as removed (the earlier answer was lost).
 */
@ApplicationScoped
public class WeekPusher {
    private static final Logger LOG = Logger.getLogger(WeekPusher.class);

    /** Workouts read per page, and pages at most, when looking for strays of a failed push. */
    private static final int PAGE = 100;

    private static final int SWEEP_PAGES = 20;
    private final GarminGateway garmin;

    public WeekPusher(GarminGateway garmin) {
        this.garmin = garmin;
    }

    /** One of our workouts on the calendar. */
    record Ours(long workoutId, long scheduleId, LocalDate date, JsonNode workout) {}

    /** Thrown when a push failed; {@link #rolledBack} says whether the calendar was restored. */
    static final class PushFailed extends RuntimeException {
        final boolean rolledBack;
        final int writes;

        PushFailed(String message, Throwable cause, boolean rolledBack, int writes) {
            super(message, cause);
            this.rolledBack = rolledBack;
            this.writes = writes;
        }
    }

    static String tag(PlanDocument plan) {
        return "[training-pipeline " + plan.athleteId() + "/" + plan.weekStart() + "]";
    }

    static String contentHash(PlanDocument plan) {
        try {
            byte[] json = PlanJson.mapper().writeValueAsBytes(runs(plan));
            return EventIds.sha256Hex(json).substring(0, 16);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Session> runs(PlanDocument plan) {
        return plan.sessions().stream().filter(Session::isRun).toList();
    }

    /** Our workouts scheduled in the week. */
    List<Ours> ours(PlanDocument plan) {
        String tag = tag(plan);
        LocalDate from = plan.weekStart();
        LocalDate to = from.plusDays(6);
        Set<String> months = new HashSet<>();
        List<Ours> out = new ArrayList<>();
        for (LocalDate d : List.of(from, to)) {
            if (!months.add(d.getYear() + "-" + d.getMonthValue())) {
                continue;
            }
            JsonNode month =
                    garmin.calendarMonth(plan.athleteId(), d.getYear(), d.getMonthValue() - 1);
            for (JsonNode item : month.path("calendarItems")) {
                LocalDate date = LocalDate.parse(item.path("date").asText());
                if (!"workout".equals(item.path("itemType").asText())
                        || date.isBefore(from)
                        || date.isAfter(to)) {
                    continue;
                }
                JsonNode w = garmin.workout(plan.athleteId(), item.path("workoutId").asLong());
                if (w.path("description").asText("").contains(tag)) {
                    out.add(
                            new Ours(
                                    item.path("workoutId").asLong(),
                                    item.path("id").asLong(),
                                    date,
                                    w));
                }
            }
        }
        return out;
    }

    /** Whether our workouts on the calendar are exactly this content. */
    static boolean unchanged(PlanDocument plan, List<Ours> ours) {
        String hash = "#" + contentHash(plan) + " ";
        Set<String> want = new HashSet<>();
        runs(plan).forEach(s -> want.add(s.id() + "@" + s.date()));
        Set<String> have = new HashSet<>();
        for (Ours o : ours) {
            String d = o.workout().path("description").asText("");
            if (!d.contains(hash)) {
                return false;
            }
            have.add(d.substring(d.lastIndexOf("session=") + 8) + "@" + o.date());
        }
        return ours.size() == want.size() && have.equals(want);
    }

    /**
     * Runs the transaction.
     *
     * @return ids of the workouts now on the calendar and the number of write calls
     * @throws PushFailed after rolling back
     */
    Pushed push(PlanDocument plan, List<Ours> previous) {
        String athlete = plan.athleteId();
        String marker = tag(plan) + " v" + plan.version() + " #" + contentHash(plan) + " session=";
        List<Session> runs = runs(plan);
        List<Long> created = new ArrayList<>();
        List<Long> scheduled = new ArrayList<>();
        int[] writes = {0};
        try {
            for (Session s : runs) {
                JsonNode c =
                        garmin.createWorkout(
                                athlete, WorkoutJson.of(s, s.name() + "\n" + marker + s.id()));
                writes[0]++;
                created.add(c.path("workoutId").asLong());
            }
            for (int i = 0; i < created.size(); i++) {
                JsonNode back = garmin.workout(athlete, created.get(i));
                if (!back.path("description").asText("").endsWith(marker + runs.get(i).id())) {
                    throw new IllegalStateException(
                            "workout "
                                    + created.get(i)
                                    + " read back without its provenance marker");
                }
            }
            for (int i = 0; i < created.size(); i++) {
                JsonNode sc = garmin.scheduleWorkout(athlete, created.get(i), runs.get(i).date());
                writes[0]++;
                scheduled.add(sc.path("workoutScheduleId").asLong());
            }
        } catch (RuntimeException e) {
            boolean clean =
                    undo(athlete, scheduled, created, writes)
                            && sweep(athlete, marker, created, previous, writes);
            throw new PushFailed("upload failed: " + e.getMessage(), e, clean, writes[0]);
        }
        List<Ours> touched = new ArrayList<>();
        try {
            for (Ours o : previous) {
                touched.add(o);
                ifPresent(() -> garmin.unscheduleWorkout(athlete, o.scheduleId()));
                writes[0]++;
                ifPresent(() -> garmin.deleteWorkout(athlete, o.workoutId()));
                writes[0]++;
            }
        } catch (RuntimeException e) {
            boolean clean =
                    undo(athlete, scheduled, created, writes)
                            && sweep(athlete, marker, created, previous, writes)
                            && restore(plan, touched, writes);
            throw new PushFailed(
                    "removing the previous version failed: " + e.getMessage(), e, clean, writes[0]);
        }
        return new Pushed(created, writes[0]);
    }

    /**
     * Runs an unschedule or delete of one of our own items; a 404 means it is already gone, which
     * is what we wanted. It happens when Garmin carried out the call but the answer was lost (5xx,
     * dropped connection) and the retry then finds nothing.
     */
    private static void ifPresent(Runnable removal) {
        try {
            removal.run();
        } catch (GarminRequestException e) {
            if (e.status() != 404) {
                throw e;
            }
            LOG.infof("already removed (%s): the earlier answer was lost", e.getMessage());
        }
    }

    /**
     * After a failed upload, deletes workouts carrying this push's marker that the rollback did not
     * know of: a create Garmin stored while its answer was lost (creates are not retried, they are
     * not idempotent). Workouts of the previous version on the calendar are left alone.
     */
    private boolean sweep(
            String athlete, String marker, List<Long> created, List<Ours> previous, int[] writes) {
        Set<Long> keep = new HashSet<>(created);
        previous.forEach(o -> keep.add(o.workoutId()));
        try {
            for (int start = 0; start < SWEEP_PAGES * PAGE; start += PAGE) {
                List<JsonNode> page = garmin.workouts(athlete, start, PAGE);
                for (JsonNode w : page) {
                    long id = w.path("workoutId").asLong();
                    if (!keep.contains(id) && w.path("description").asText("").contains(marker)) {
                        ifPresent(() -> garmin.deleteWorkout(athlete, id));
                        writes[0]++;
                        LOG.infof("rollback: deleted stray workout %d of this push", id);
                    }
                }
                if (page.size() < PAGE) {
                    return true;
                }
            }
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("rollback: looking for stray workouts failed: %s", e.getMessage());
            return false;
        }
    }

    /** Result of a successful transaction. */
    record Pushed(List<Long> workoutIds, int writes) {}

    private boolean undo(String athlete, List<Long> scheduled, List<Long> created, int[] writes) {
        boolean clean = true;
        for (long id : scheduled) {
            try {
                garmin.unscheduleWorkout(athlete, id);
                writes[0]++;
            } catch (RuntimeException e) {
                clean = false;
                LOG.errorf("rollback: unscheduling %d failed: %s", id, e.getMessage());
            }
        }
        for (long id : created) {
            try {
                garmin.deleteWorkout(athlete, id);
                writes[0]++;
            } catch (RuntimeException e) {
                clean = false;
                LOG.errorf("rollback: deleting workout %d failed: %s", id, e.getMessage());
            }
        }
        return clean;
    }

    /**
     * Puts back every previous session the failed switch took off the calendar. The calendar is
     * read again rather than trusting what the switch believes it removed: a call whose answer was
     * lost may have been carried out. A workout that still exists is scheduled again; a deleted one
     * is re-created from the copy read before the switch.
     */
    private boolean restore(PlanDocument plan, List<Ours> touched, int[] writes) {
        String athlete = plan.athleteId();
        boolean clean = true;
        Set<Long> onCalendar = new HashSet<>();
        try {
            ours(plan).forEach(o -> onCalendar.add(o.workoutId()));
        } catch (RuntimeException e) {
            LOG.errorf("rollback: reading the calendar failed: %s", e.getMessage());
            return false;
        }
        for (Ours o : touched) {
            if (onCalendar.contains(o.workoutId())) {
                continue;
            }
            try {
                long id = o.workoutId();
                try {
                    garmin.workout(athlete, id);
                } catch (GarminRequestException gone) {
                    ObjectNode copy = o.workout().deepCopy();
                    copy.remove("workoutId");
                    id = garmin.createWorkout(athlete, copy).path("workoutId").asLong();
                    writes[0]++;
                }
                garmin.scheduleWorkout(athlete, id, o.date());
                writes[0]++;
            } catch (RuntimeException e) {
                clean = false;
                LOG.errorf(
                        "rollback: restoring workout %d failed: %s", o.workoutId(), e.getMessage());
            }
        }
        return clean;
    }
}
