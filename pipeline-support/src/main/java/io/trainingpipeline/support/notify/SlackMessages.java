package io.trainingpipeline.support.notify;

import java.time.LocalDate;
import java.util.List;

/** The texts the athlete reads in Slack. Plain Java, one method per message. */
public final class SlackMessages {
    private SlackMessages() {}

    /**
     * "Next week's plan changed: ..., because ...".
     *
     * @param weekStart Monday of the changed week
     * @param changes one short line per change, e.g. "Tue intervals → easy 45 min"
     * @param because the reason (flags, guardrail outcome), one sentence
     */
    public static String planChanged(
            String athleteId, LocalDate weekStart, List<String> changes, String because) {
        String what = changes.isEmpty() ? "no sessions" : String.join("; ", changes);
        return "Next week's plan changed ("
                + athleteId
                + ", week of "
                + weekStart
                + "): "
                + what
                + ", because "
                + because;
    }

    /** "Garmin sign-in needed": the token refresh failed, a person has to sign in again. */
    public static String garminSignInNeeded(String athleteId) {
        return "Garmin sign-in needed for "
                + athleteId
                + ": syncing and pushing plans are paused until you sign in to Garmin again."
                + " Your current plan stays as it is.";
    }
}
