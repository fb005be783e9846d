package io.trainingpipeline.testkit.kafka;

import io.trainingpipeline.testkit.process.ServiceProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A real KRaft Kafka broker as a separate process (the same classes as {@link KafkaBroker}, taken
 * from this JVM's classpath). Unlike the in-JVM broker it can be killed and restarted on the same
 * log directory, which the fault matrix needs ("broker restart mid-stream").
 */
public final class KafkaProcess implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaProcess(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats {@code dir} and starts a broker on free loopback ports. */
    public static KafkaProcess start(Path dir) {
        KafkaProcess kafka =
                new KafkaProcess(dir, ServiceProcess.freePort(), ServiceProcess.freePort());
        kafka.format();
        kafka.startProcess();
        return kafka;
    }

    /** {@code 127.0.0.1:port}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker abruptly (SIGKILL) and starts it again on the same data. */
    public void restart() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        startProcess();
    }

    private void format() {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.properties"), properties());
            Process p =
                    new ProcessBuilder(
                                    java(),
                                    "-cp",
                                    classpath(),
                                    "kafka.tools.StorageTool",
                                    "format",
                                    "-t",
                                    UUID.randomUUID().toString().replace("-", "").substring(0, 22),
                                    "-c",
                                    dir.resolve("server.properties").toString())
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve("format.log").toFile())
                            .start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(
                        "kafka storage format failed: "
                                + Files.readString(dir.resolve("format.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startProcess() {
        try {
            process =
                    new ProcessBuilder(
                                    java(),
                                    "-Xmx512m",
                                    "-cp",
                                    classpath(),
                                    "kafka.Kafka",
                                    dir.resolve("server.properties").toString())
                            .redirectErrorStream(true)
                            .redirectOutput(
                                    ProcessBuilder.Redirect.appendTo(
                                            dir.resolve("kafka.log").toFile()))
                            .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kafka exited; see " + dir.resolve("kafka.log"));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("kafka did not listen on " + port + " within 60 s");
    }

    private String properties() {
        return String.join(
                        "\n",
                        List.of(
                                "process.roles=broker,controller",
                                "node.id=1",
                                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                                "listeners=PLAINTEXT://127.0.0.1:"
                                        + port
                                        + ",CONTROLLER://127.0.0.1:"
                                        + controllerPort,
                                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                                "controller.listener.names=CONTROLLER",
                                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                                "log.dirs=" + dir.resolve("log").toAbsolutePath(),
                                "num.partitions=3",
                                "offsets.topic.replication.factor=1",
                                "offsets.topic.num.partitions=3",
                                "transaction.state.log.replication.factor=1",
                                "transaction.state.log.min.isr=1",
                                "group.initial.rebalance.delay.ms=0",
                                "log.retention.ms=-1",
                                "auto.create.topics.enable=true"))
                + "\n";
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classpath() {
        return System.getProperty("java.class.path");
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
