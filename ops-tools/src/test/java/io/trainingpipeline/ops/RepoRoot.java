package io.trainingpipeline.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root seen from a test (Maven passes it; else walk up to config/default.yaml). */
public final class RepoRoot {
    private RepoRoot() {}

    /** The directory holding {@code config/default.yaml}. */
    public static Path get() {
        String property = System.getProperty("repo.root");
        Path dir =
                property != null && !property.isBlank()
                        ? Path.of(property)
                        : Path.of("").toAbsolutePath();
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("config/default.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no config/default.yaml above " + dir);
    }
}
