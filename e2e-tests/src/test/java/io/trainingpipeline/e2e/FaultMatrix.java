package io.trainingpipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The fault matrix's table and the checks every row shares: no duplicate Garmin workouts on
 * Mini-Garmin's calendar, no secret in any service log. Rows print as a Markdown table at the end.
 */
final class FaultMatrix {
    private final Pipeline pipeline;
    private final List<String[]> rows = new ArrayList<>();

    FaultMatrix(Pipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Records a row, then asserts the shared checks. {@code lost}, {@code duplicated} and {@code
     * failOpen} are the row's own verdicts (asserted by the caller after this returns).
     */
    void row(String fault, String lost, String duplicated, String failOpen) {
        int dupWorkouts = duplicateWorkouts();
        String secrets = secretsVerdict();
        rows.add(
                new String[] {
                    fault, lost, duplicated, failOpen, String.valueOf(dupWorkouts), secrets
                });
        assertThat(dupWorkouts)
                .as(
                        fault
                                + ": duplicate Garmin workouts (athlete|date|name) "
                                + GarminCalendar.of(pipeline.garmin).duplicateKeys())
                .isZero();
        assertThat(secrets).as(fault + ": secrets in service logs").isEqualTo("none");
    }

    /**
     * Extra copies of a workout scheduled for the same athlete, date and name, once pushes in
     * flight have settled: a push schedules the new version before it removes the old one, so a
     * duplicate may exist for a moment; one that lasts 60 s is a defect.
     */
    int duplicateWorkouts() {
        try {
            await("no duplicate Garmin workouts")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> GarminCalendar.of(pipeline.garmin).duplicates() == 0);
        } catch (ConditionTimeoutException e) {
            // reported in the row and asserted by the caller
        }
        return GarminCalendar.of(pipeline.garmin).duplicates();
    }

    /** "none", or "LEAKED" when any secret handed out appears in any service's log. */
    String secretsVerdict() {
        String logs = pipeline.allLogs();
        return pipeline.secrets().stream().anyMatch(logs::contains) ? "LEAKED" : "none";
    }

    /** Prints the table (Markdown). */
    void print() {
        System.out.println();
        System.out.println(
                "| fault | lost | duplicated | fail-open | dup workouts | secrets in logs |");
        System.out.println("|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
    }
}
