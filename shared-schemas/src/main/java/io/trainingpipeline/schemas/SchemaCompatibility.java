package io.trainingpipeline.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The compatibility rule of the event contract: <b>within a schema version, changes are additive
 * only</b>. A new optional property may appear anywhere; nothing committed may disappear or change
 * its type, format or allowed values, and no property may become required. A breaking change needs
 * a new version of the event type (and so a new schema file), usually on a new topic.
 */
public final class SchemaCompatibility {
    private SchemaCompatibility() {}

    /**
     * Lists every way {@code current} breaks {@code committed}; empty when compatible.
     *
     * @param committed the schema as published before
     * @param current the schema derived from the code now
     */
    public static List<String> violations(JsonNode committed, JsonNode current) {
        List<String> out = new ArrayList<>();
        compare("$", committed, current, out);
        return out;
    }

    private static void compare(String at, JsonNode committed, JsonNode current, List<String> out) {
        if (current == null || current.isMissingNode()) {
            out.add(at + " was removed");
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = committed.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode was = field.getValue();
            JsonNode now = current.get(key);
            switch (key) {
                case "properties" -> {
                    Iterator<Map.Entry<String, JsonNode>> props = was.fields();
                    while (props.hasNext()) {
                        Map.Entry<String, JsonNode> p = props.next();
                        compare(
                                at + "." + p.getKey(),
                                p.getValue(),
                                now == null ? null : now.get(p.getKey()),
                                out);
                    }
                }
                case "required" -> {
                    Set<String> before = new HashSet<>();
                    was.forEach(n -> before.add(n.asText()));
                    if (now != null) {
                        now.forEach(
                                n -> {
                                    if (!before.contains(n.asText())) {
                                        out.add(at + "." + n.asText() + " became required");
                                    }
                                });
                    }
                }
                case "items", "additionalProperties" ->
                        compare(at + "[" + key + "]", was, now, out);
                case "anyOf" -> {
                    if (now == null || now.size() != was.size()) {
                        out.add(at + " changed nullability or alternatives");
                    } else {
                        for (int i = 0; i < was.size(); i++) {
                            compare(at + "|" + i, was.get(i), now.get(i), out);
                        }
                    }
                }
                case "description", "title", "$id", "$schema" -> {
                    // documentation: free to change
                }
                default -> {
                    if (!was.equals(now)) {
                        out.add(at + " changed '" + key + "' from " + was + " to " + now);
                    }
                }
            }
        }
    }
}
