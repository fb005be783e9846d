package io.trainingpipeline.garmin;

/**
 * Garmin refused a request (4xx other than 401 and 429): not retried, the request itself is wrong
 * (unknown workout id, invalid workout JSON).
 */
public class GarminRequestException extends GarminException {
    private final int status;

    public GarminRequestException(String endpoint, int status) {
        super(endpoint + " answered HTTP " + status);
        this.status = status;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }
}
