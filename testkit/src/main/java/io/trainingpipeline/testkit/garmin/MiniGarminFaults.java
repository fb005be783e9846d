package io.trainingpipeline.testkit.garmin;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
    volatile int failAfterWrite;
    volatile boolean dropAfterWrite;
    final AtomicInteger writes = new AtomicInteger();
    private final Map<Kind, AtomicInteger> injected = new EnumMap<>(Kind.class);

    /** The kinds of injected faults, for {@link #injected(Kind)}. */
    public enum Kind {
        RATE_LIMIT,
        SERVER_ERROR,
        SLOW,
        MALFORMED,
        EXPIRED_TOKEN,
        /** A workout-service write carried out, then answered 503 or left without an answer. */
        AFTER_WRITE
    }

    public MiniGarminFaults() {
        for (Kind k : Kind.values()) {
            injected.put(k, new AtomicInteger());
        }
    }

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

    /**
     * The {@code nth} workout-service write (POST, PUT or DELETE of a workout or schedule) from now
     * is carried out, then answered 503: Garmin stored it, the client cannot know. Once.
     */
    public MiniGarminFaults serverErrorAfterWrite(int nth) {
        return afterWrite(nth, false);
    }

    /**
     * The {@code nth} workout-service write from now is carried out, then the connection is closed
     * without an answer (a network drop after the upload). Once.
     */
    public MiniGarminFaults dropAfterWrite(int nth) {
        return afterWrite(nth, true);
    }

    private MiniGarminFaults afterWrite(int nth, boolean drop) {
        writes.set(0);
        this.dropAfterWrite = drop;
        this.failAfterWrite = nth;
        return this;
    }

    /** How many faults of a kind were injected since the server started (never reset). */
    public int injected(Kind kind) {
        return injected.get(kind).get();
    }

    void count(Kind kind) {
        injected.get(kind).incrementAndGet();
    }

    /** Whether this write (counted here) is the one to fail; disarms the fault when it is. */
    boolean failThisWrite() {
        int nth = failAfterWrite;
        if (nth <= 0 || writes.incrementAndGet() != nth) {
            return false;
        }
        failAfterWrite = 0;
        count(Kind.AFTER_WRITE);
        return true;
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
        failAfterWrite = 0;
        return this;
    }
}
