package io.trainingpipeline.ingest.sync;

import java.util.Locale;

/** Garmin {@code activityType.typeKey} to the event's normalised sport and sub-sport. */
public final class Sports {
    private Sports() {}

    /** running, cycling, swimming, walking, hiking, strength or other. */
    public static String sport(String typeKey) {
        String k = typeKey == null ? "" : typeKey.toLowerCase(Locale.ROOT);
        if (k.contains("running") || k.equals("run")) {
            return "running";
        }
        if (k.contains("cycling") || k.contains("biking") || k.contains("ride")) {
            return "cycling";
        }
        if (k.contains("swim")) {
            return "swimming";
        }
        if (k.contains("walking")) {
            return "walking";
        }
        if (k.contains("hiking")) {
            return "hiking";
        }
        if (k.contains("strength")) {
            return "strength";
        }
        return "other";
    }

    /** The type key itself when it is more specific than the sport (trail_running), else null. */
    public static String subSport(String typeKey) {
        if (typeKey == null) {
            return null;
        }
        String sport = sport(typeKey);
        return typeKey.equalsIgnoreCase(sport) || sport.equals("other") && typeKey.isBlank()
                ? null
                : typeKey.toLowerCase(Locale.ROOT);
    }
}
