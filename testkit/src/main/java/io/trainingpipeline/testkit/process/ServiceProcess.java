package io.trainingpipeline.testkit.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as a real
 * process on a free loopback port, with its output captured to a log file for assertions (e.g. that
 * no secret was logged). Used by end-to-end tests and the fault matrix.
 */
public final class ServiceProcess implements AutoCloseable {
    private final String module;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String module, int port, Process process, Path log) {
        this.module = module;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code module} from the repository root {@code repo} with extra environment; waits
     * until {@code /q/health/live} answers 200 or {@code startTimeout} passes.
     */
    public static ServiceProcess start(
            Path repo, String module, Map<String, String> env, Duration startTimeout) {
        return start(repo, module, env, startTimeout, freePort());
    }

    /** Starts {@code module} on a given port (a restart keeps its address for its peers). */
    public static ServiceProcess start(
            Path repo, String module, Map<String, String> env, Duration startTimeout, int port) {
        Path jar = repo.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " missing: package the service first");
        }
        try {
            Path logDir = repo.resolve("e2e-tests/target/service-logs");
            Files.createDirectories(logDir);
            Path log = logDir.resolve(module + "-" + port + "-" + System.nanoTime() + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx256m");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(repo.toFile());
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().putAll(env);
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            ServiceProcess service = new ServiceProcess(module, port, builder.start(), log);
            service.awaitHttp("/q/health/live", 200, startTimeout);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    /** The HTTP port. */
    public int port() {
        return port;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The captured stdout/stderr of the process. */
    public Path log() {
        return log;
    }

    /** The HTTP status of a GET, or -1 when the connection fails. */
    public int status(String path) {
        try {
            HttpURLConnection c =
                    (HttpURLConnection) URI.create(baseUrl() + path).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(20000);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Waits until GET {@code path} answers {@code expected}; fails with the log tail otherwise. */
    public void awaitHttp(String path, int expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited early:\n" + tail());
            }
            if (status(path) == expected) {
                return;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS); // poll interval, not synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException(
                module
                        + " did not answer "
                        + expected
                        + " on "
                        + path
                        + " in "
                        + timeout
                        + ":\n"
                        + tail());
    }

    /** The last lines of the log, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 10 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** Kills the process without a shutdown (a crash). */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A free TCP port on loopback. */
    public static int freePort() {
        try (ServerSocket socket =
                new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
