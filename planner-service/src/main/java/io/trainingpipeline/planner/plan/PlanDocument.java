package io.trainingpipeline.planner.plan;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * One week of the plan (public contract: {@code athleteId, weekStart, version, sessions} and the
 * session fields are kept; the other fields are additions).
 *
 * @param athleteId the athlete
 * @param weekStart Monday of the week
 * @param version increases with every change of this week
 * @param sessions sessions by date
 * @param phase base, build, peak or taper (null for hand-made documents)
 * @param deload whether this is a deload week (rule 5)
 * @param referenceMinutes volume of the last loading week, the reference of deload and taper cuts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonAutoDetect(isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public record PlanDocument(
        String athleteId,
        LocalDate weekStart,
        int version,
        List<Session> sessions,
        String phase,
        Boolean deload,
        Integer referenceMinutes) {

    public PlanDocument {
        sessions = sessions == null ? List.of() : List.copyOf(sessions);
    }

    /** Planned running minutes of the week, the race excluded (it is outside every volume rule). */
    public int totalMinutes() {
        return sessions.stream()
                .filter(s -> s.isRun() && !s.isRace())
                .mapToInt(Session::durationMinutes)
                .sum();
    }

    /** Same week with another version. */
    public PlanDocument withVersion(int v) {
        return new PlanDocument(athleteId, weekStart, v, sessions, phase, deload, referenceMinutes);
    }

    /** Same week with other sessions. */
    public PlanDocument withSessions(List<Session> s) {
        return new PlanDocument(athleteId, weekStart, version, s, phase, deload, referenceMinutes);
    }

    /** Whether this is a deload week. */
    public boolean isDeload() {
        return Boolean.TRUE.equals(deload);
    }

    /** Whether this week is in the taper. */
    public boolean isTaper() {
        return "taper".equals(phase);
    }

    /** Same content regardless of version (used to skip versions that change nothing). */
    public boolean sameContent(PlanDocument other) {
        return other != null && withVersion(0).equals(other.withVersion(0));
    }
}
