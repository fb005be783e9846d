package io.trainingpipeline.testkit.garmin;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts one Mini-Garmin per JVM (120 days ending today, UTC, seed 42) and points {@code
 * garmin.api-base-url}, {@code garmin.auth-base-url} and {@code garmin.sso-base-url} at it. Every
 * init argument is passed on as configuration too (e.g. {@code retry.base=0.02}, {@code
 * garmin.timeout=PT2S}), with the priority of test resource properties. Tests share the instance:
 * clear {@link MiniGarmin#faults()} after a fault test.
 */
public class MiniGarminTestResource implements QuarkusTestResourceLifecycleManager {
    /** Days of generated data. */
    public static final int DAYS = 120;

    /** Time zone of the generated data. */
    public static final ZoneId ZONE = ZoneOffset.UTC;

    private static MiniGarmin garmin;
    private final Map<String, String> extra = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        extra.putAll(initArgs);
    }

    @Override
    public synchronized Map<String, String> start() {
        MiniGarmin g = instance();
        Map<String, String> config = new HashMap<>(extra);
        config.put("garmin.api-base-url", g.baseUrl());
        config.put("garmin.auth-base-url", g.baseUrl());
        config.put("garmin.sso-base-url", g.baseUrl());
        return config;
    }

    /** The shared emulator (started on first use). */
    public static synchronized MiniGarmin instance() {
        if (garmin == null) {
            garmin = MiniGarmin.start(42, LocalDate.now(ZONE), DAYS, ZONE);
            Runtime.getRuntime().addShutdownHook(new Thread(garmin::close));
        }
        return garmin;
    }

    @Override
    public void stop() {
        // shared by the test classes of the JVM; closed by the shutdown hook
    }
}
