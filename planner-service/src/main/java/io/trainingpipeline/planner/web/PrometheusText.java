package io.trainingpipeline.planner.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads samples out of a Prometheus text exposition (just enough for the dashboard). */
final class PrometheusText {
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample: metric name, labels and value. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private PrometheusText() {}

    /** Samples whose metric name is one of {@code names}. */
    static List<Sample> samples(String text, List<String> names) {
        List<Sample> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches() || !names.contains(m.group(1))) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            try {
                out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
            } catch (NumberFormatException e) {
                // NaN/Inf spelled differently by some registries: not useful on the page
            }
        }
        return out;
    }
}
