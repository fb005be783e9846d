package io.trainingpipeline.ingest.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.garmin.fit.Decode;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.SessionMesg;
import io.trainingpipeline.testkit.fixtures.FitFixtures;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FitActivityReaderTest {
    private final FitActivityReader reader = new FitActivityReader(190);

    static List<Path> validFiles() {
        return FitFixtures.valid();
    }

    static List<Path> invalidFiles() {
        return FitFixtures.invalid();
    }

    @ParameterizedTest
    @MethodSource("validFiles")
    void everyActivityMatchesItsSessionMessages(Path file) throws Exception {
        byte[] bytes = FitFixtures.bytes(file);
        FitContent content = reader.read(file.getFileName().toString(), bytes);
        if (!content.isActivity()) {
            assertThat(content.skipReason()).contains("not an activity");
            assertThat(file.getFileName().toString()).matches("(?i)(Workout|Monitoring).*\\.fit");
            return;
        }
        List<SessionMesg> expected = sessionsOf(bytes);
        assertThat(content.sessions()).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            SessionMesg want = expected.get(i);
            FitSession got = content.sessions().get(i);
            assertThat(got.startUtc().getEpochSecond())
                    .isEqualTo(want.getStartTime().getTimestamp() + 631065600L);
            assertThat(got.elapsedSeconds()).isCloseTo(want.getTotalElapsedTime(), within(0.001));
            if (want.getTotalDistance() != null) {
                assertThat(got.distanceMeters()).isCloseTo(want.getTotalDistance(), within(0.01));
            }
            if (want.getAvgHeartRate() != null) {
                assertThat(got.avgHr()).isEqualTo(want.getAvgHeartRate().intValue());
            }
            assertThat(got.sport()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("invalidFiles")
    void invalidFilesFailNamingTheFile(Path file) {
        String name = file.getFileName().toString();
        assertThatThrownBy(() -> reader.read(name, FitFixtures.bytes(file)))
                .isInstanceOf(FitFileException.class)
                .hasMessageStartingWith(name + ": ");
    }

    @Test
    void aRunWithRecordsGetsAHeartRateHistogramAndZones() throws Exception {
        Path file = FitFixtures.file("2013-02-06-12-11-14.fit");
        FitSession run = reader.read("run.fit", FitFixtures.bytes(file)).sessions().get(0);

        assertThat(run.sport()).isEqualTo("running");
        double histogramSeconds = run.hrSecondsByBpm().values().stream().mapToDouble(d -> d).sum();
        assertThat(histogramSeconds).isGreaterThan(0.8 * run.timerSeconds());
        assertThat(run.hrZoneSeconds()).hasSize(5);
        assertThat(run.hrZoneSeconds().stream().mapToDouble(d -> d).sum())
                .isCloseTo(histogramSeconds, within(0.001));
    }

    @Test
    void beatToBeatIntervalsGiveRmssd() throws Exception {
        Path file = FitFixtures.file("garmin-fenix-5-run.fit");
        FitSession run = reader.read("f5.fit", FitFixtures.bytes(file)).sessions().get(0);

        assertThat(run.rmssdMs()).isNotNull().isBetween(1.0, 300.0);
    }

    @Test
    void aMultisportFileGivesSeveralSessions() throws Exception {
        Path file = FitFixtures.file("activity-large-fenxi2-multisport.fit");
        FitContent content = reader.read("multi.fit", FitFixtures.bytes(file));

        assertThat(content.sessions()).hasSizeGreaterThan(1);
        assertThat(content.sessions().stream().map(FitSession::index).distinct())
                .hasSameSizeAs(content.sessions());
    }

    @Test
    void emptyAndNonFitBytesAreRejected() {
        assertThatThrownBy(() -> reader.read("empty.fit", new byte[0]))
                .hasMessage("empty.fit: empty file");
        assertThatThrownBy(() -> reader.read("text.fit", "hello world, not fit".getBytes()))
                .hasMessageStartingWith("text.fit: ");
    }

    @Test
    void rmssdNeedsEnoughBeats() {
        assertThat(FitActivityReader.rmssd(List.of(0.8, 0.82))).isNull();
        List<Double> rr = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rr.add(i % 2 == 0 ? 0.800 : 0.850);
        }
        assertThat(FitActivityReader.rmssd(rr)).isCloseTo(50.0, within(1e-6));
    }

    private static List<SessionMesg> sessionsOf(byte[] bytes) {
        List<SessionMesg> sessions = new ArrayList<>();
        Decode decode = new Decode();
        MesgBroadcaster b = new MesgBroadcaster(decode);
        b.addListener((com.garmin.fit.SessionMesgListener) sessions::add);
        decode.read(new ByteArrayInputStream(bytes), b, b);
        return sessions;
    }
}
