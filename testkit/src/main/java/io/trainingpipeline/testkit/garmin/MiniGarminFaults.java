package io.trainingpipeline.testkit.garmin;

/**
 * Fault injection for Mini-Garmin, set by tests (or command-line flags of the standalone server).
 * "Every n-th" counts API requests (not sign-in or token requests) from the moment the fault was
 * set, so a retry after an injected fault normally succeeds. 0 disables a fault.
 */
public final class MiniGarminFaults {
    volatile int rateLimitEvery;
    volatile int retryAfterSeconds = 1;
    volatile int serverErrorEvery;
    volatile int slowEvery;
    volatile long slowMillis;
    volatile int malformedEvery;
    volatile int expireTokenEvery;
    volatile boolean duplicatePages;
    volatile boolean refreshFails;

    /** Every n-th API request answers 429 with {@code Retry-After: seconds}. */
    public MiniGarminFaults rateLimitEvery(int n, int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
        this.rateLimitEvery = n;
        return this;
    }

    /** Every n-th API request answers 503. */
    public MiniGarminFaults serverErrorEvery(int n) {
        this.serverErrorEvery = n;
        return this;
    }

    /** Every n-th API request waits {@code millis} before answering (past a client timeout). */
    public MiniGarminFaults slowEvery(int n, long millis) {
        this.slowMillis = millis;
        this.slowEvery = n;
        return this;
    }

    /** Every n-th API request answers 200 with truncated, malformed JSON. */
    public MiniGarminFaults malformedEvery(int n) {
        this.malformedEvery = n;
        return this;
    }

    /** Every n-th API request finds all issued access tokens expired and answers 401. */
    public MiniGarminFaults expireTokenEvery(int n) {
        this.expireTokenEvery = n;
        return this;
    }

    /** Each activity page after the first repeats the last activity of the previous page. */
    public MiniGarminFaults duplicatePages(boolean on) {
        this.duplicatePages = on;
        return this;
    }

    /** The token endpoint refuses every refresh (400 invalid_grant): a human must sign in. */
    public MiniGarminFaults refreshFails(boolean on) {
        this.refreshFails = on;
        return this;
    }

    /** Turns every fault off. */
    public MiniGarminFaults clear() {
        rateLimitEvery = 0;
        serverErrorEvery = 0;
        slowEvery = 0;
        malformedEvery = 0;
        expireTokenEvery = 0;
        duplicatePages = false;
        refreshFails = false;
        return this;
    }
}
