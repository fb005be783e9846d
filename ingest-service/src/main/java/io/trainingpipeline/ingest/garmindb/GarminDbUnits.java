package io.trainingpipeline.ingest.garmindb;

import java.util.Locale;

/** GarminDB's units to ours: TIME text to seconds, distance (km or miles) to metres. */
public final class GarminDbUnits {
    private static final double METRES_PER_MILE = 1609.344;

    private GarminDbUnits() {}

    /**
     * Seconds of a GarminDB TIME text ({@code HH:MM:SS} or {@code HH:MM:SS.ffffff}); null for null
     * or blank.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Double seconds(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        String[] parts = time.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a TIME value: '" + time + "'");
        }
        try {
            return Integer.parseInt(parts[0]) * 3600.0
                    + Integer.parseInt(parts[1]) * 60.0
                    + Double.parseDouble(parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a TIME value: '" + time + "'");
        }
    }

    /**
     * Metres of a GarminDB distance: kilometres for {@code metric}, miles for {@code statute}.
     *
     * @throws IllegalArgumentException for another measurement system
     */
    public static Double metres(Double distance, String measurementSystem) {
        if (distance == null) {
            return null;
        }
        return switch (measurementSystem == null
                ? ""
                : measurementSystem.toLowerCase(Locale.ROOT)) {
            case "metric" -> distance * 1000.0;
            case "statute" -> distance * METRES_PER_MILE;
            default ->
                    throw new IllegalArgumentException(
                            "unknown measurement_system '" + measurementSystem + "'");
        };
    }
}
