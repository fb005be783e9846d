package io.trainingpipeline.garmin;

/**
 * The athlete's Garmin session cannot be used: no tokens, refresh refused, or still 401 after a
 * refresh. A human must import tokens or sign in again; the client does not retry (see {@code
 * garmin_human_needed}).
 */
public class GarminAuthException extends GarminException {
    private final String athleteId;

    public GarminAuthException(String athleteId, String message) {
        super("athlete " + athleteId + ": " + message);
        this.athleteId = athleteId;
    }

    /** The athlete whose session failed. */
    public String athleteId() {
        return athleteId;
    }
}
