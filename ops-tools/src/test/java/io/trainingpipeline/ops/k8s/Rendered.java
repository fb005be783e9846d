package io.trainingpipeline.ops.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.yaml.snakeyaml.Yaml;

/**
 * The objects of one kustomize overlay: rendered with {@code kubectl kustomize} (what CI and a
 * cluster see). Where kubectl is missing the test using it is skipped by an assumption.
 */
final class Rendered {
    private Rendered() {}

    static boolean kubectlAvailable() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client").start();
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Every object of {@code kubectl kustomize dir}. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> kustomize(Path dir) {
        try {
            Path out = Files.createTempFile("kustomize", ".yaml");
            Process p =
                    new ProcessBuilder("kubectl", "kustomize", dir.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(out.toFile())
                            .start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(
                        "kubectl kustomize " + dir + " failed: " + Files.readString(out));
            }
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object doc : new Yaml().loadAll(Files.readString(out, StandardCharsets.UTF_8))) {
                if (doc != null) {
                    objects.add((Map<String, Object>) doc);
                }
            }
            Files.delete(out);
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Follows a path of map keys; null when any step is missing. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }
}
