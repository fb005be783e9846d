package io.trainingpipeline.testkit.garmin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;

/**
 * Runs Mini-Garmin on its own for local demos:
 *
 * <pre>
 * java -cp testkit.jar:... io.trainingpipeline.testkit.garmin.MiniGarminMain [port] [seed] [days] [timezone] [tokenFile]
 * </pre>
 *
 * Defaults: port 8090, seed 42, 120 days ending today, Europe/Berlin, and a python-garminconnect
 * style token file written to {@code data/mini-garmin/garmin_tokens.json} (mode 0600) to import.
 */
public final class MiniGarminMain {
    private MiniGarminMain() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 120;
        ZoneId zone = ZoneId.of(args.length > 3 ? args[3] : "Europe/Berlin");
        Path tokenFile = Path.of(args.length > 4 ? args[4] : "data/mini-garmin/garmin_tokens.json");
        MiniGarmin garmin =
                MiniGarmin.start(
                        MiniGarminData.generate(seed, LocalDate.now(zone), days, zone), port);
        Files.createDirectories(tokenFile.toAbsolutePath().getParent());
        Files.deleteIfExists(tokenFile);
        Files.createFile(
                tokenFile,
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tokenFile, garmin.auth().issue().toPythonJson());
        System.out.printf(
                "Mini-Garmin on %s: %d activities over %d days; tokens in %s%n"
                        + "set garmin.api-base-url, garmin.auth-base-url and garmin.sso-base-url"
                        + " to %s%n",
                garmin.baseUrl(),
                garmin.data().activities().size(),
                days,
                tokenFile,
                garmin.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(garmin::close));
        new CountDownLatch(1).await();
    }
}
