package io.trainingpipeline.garmin.api;

/**
 * One HTTP answer from Garmin, body fully read.
 *
 * @param status HTTP status
 * @param body raw body bytes (empty when none)
 */
public record GarminReply(int status, byte[] body) {
    /** True for 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** True when the answer has no content (204, or an empty 200). */
    public boolean empty() {
        return status == 204 || body.length == 0;
    }
}
