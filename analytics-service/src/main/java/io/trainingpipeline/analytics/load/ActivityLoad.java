package io.trainingpipeline.analytics.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Load of one activity without a power meter (training-science section 2): Banister TRIMP and HRSS
 * = 100 × TRIMP(activity) / TRIMP(60 min at LTHR), from the best heart-rate input available.
 */
public final class ActivityLoad {
    /**
     * The heart-rate inputs of one activity.
     *
     * @param hrSecondsByBpm seconds at each bpm from per-second records, or empty
     * @param hrZoneSeconds seconds in zones 1..5, or empty
     * @param avgHr average heart rate, or null
     * @param durationSeconds duration
     * @param precomputedLoad the source's own load, or null
     */
    public record Input(
            Map<Integer, Double> hrSecondsByBpm,
            List<Double> hrZoneSeconds,
            Integer avgHr,
            double durationSeconds,
            Double precomputedLoad) {}

    /**
     * The load of one activity.
     *
     * @param trimp Banister TRIMP
     * @param hrss heart-rate stress score
     * @param method the input used
     */
    public record Result(double trimp, double hrss, LoadMethod method) {}

    private final LoadSettings settings;

    public ActivityLoad(LoadSettings settings) {
        this.settings = settings;
    }

    /** Computes TRIMP and HRSS from the best input first: records, zones, average HR. */
    public Result compute(Input input, HrProfile profile) {
        double trimp;
        LoadMethod method;
        if (!input.hrSecondsByBpm().isEmpty()) {
            // iterate in bpm order so the floating-point sum is the same on every run
            trimp = 0;
            for (Map.Entry<Integer, Double> e : new TreeMap<>(input.hrSecondsByBpm()).entrySet()) {
                trimp += trimp(e.getValue() / 60.0, e.getKey(), profile);
            }
            method = LoadMethod.RECORDS;
        } else if (input.hrZoneSeconds().size() == settings.zoneMidpointsOfHrMax().size()
                && input.hrZoneSeconds().stream().anyMatch(s -> s != null && s > 0)) {
            trimp = 0;
            for (int z = 0; z < input.hrZoneSeconds().size(); z++) {
                Double seconds = input.hrZoneSeconds().get(z);
                double midpoint = settings.zoneMidpointsOfHrMax().get(z) * profile.hrMax();
                trimp += trimp(seconds == null ? 0 : seconds / 60.0, midpoint, profile);
            }
            method = LoadMethod.ZONES;
        } else if (input.avgHr() != null && input.avgHr() > 0) {
            trimp = trimp(input.durationSeconds() / 60.0, input.avgHr(), profile);
            method = LoadMethod.AVG_HR;
        } else if (input.precomputedLoad() != null) {
            return new Result(0, input.precomputedLoad(), LoadMethod.PRECOMPUTED);
        } else {
            return new Result(0, 0, LoadMethod.NONE);
        }
        return new Result(trimp, 100.0 * trimp / referenceTrimp(profile), method);
    }

    /** Banister TRIMP of {@code minutes} at {@code hr}: {@code t × HRr × a × e^(b × HRr)}. */
    public double trimp(double minutes, double hr, HrProfile profile) {
        double hrr = profile.reserveFraction(hr);
        double a = profile.female() ? settings.femaleA() : settings.maleA();
        double b = profile.female() ? settings.femaleB() : settings.maleB();
        return minutes * hrr * a * Math.exp(b * hrr);
    }

    /** TRIMP of the reference stretch (60 min at LTHR): HRSS 100. */
    public double referenceTrimp(HrProfile profile) {
        return trimp(settings.hrssReferenceMinutes(), profile.lthr(), profile);
    }
}
