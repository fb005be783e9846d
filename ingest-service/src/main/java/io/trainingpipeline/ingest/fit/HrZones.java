package io.trainingpipeline.ingest.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Five heart-rate zones as fractions of maximum heart rate (50-60-70-80-90 %, Garmin's default "%
 * max HR" zones), used to turn per-second records into time in zones.
 */
public final class HrZones {
    private static final double[] LOWER_BOUNDS = {0.0, 0.6, 0.7, 0.8, 0.9};

    private HrZones() {}

    /** Seconds in zones 1..5 from a seconds-per-bpm histogram and a maximum heart rate. */
    public static List<Double> secondsInZones(Map<Integer, Double> secondsByBpm, int maxHr) {
        double[] zones = new double[5];
        secondsByBpm.forEach(
                (bpm, seconds) -> {
                    double fraction = bpm / (double) maxHr;
                    int zone = 0;
                    for (int z = 4; z >= 0; z--) {
                        if (fraction >= LOWER_BOUNDS[z]) {
                            zone = z;
                            break;
                        }
                    }
                    zones[zone] += seconds;
                });
        List<Double> out = new ArrayList<>(5);
        for (double z : zones) {
            out.add(z);
        }
        return out;
    }
}
