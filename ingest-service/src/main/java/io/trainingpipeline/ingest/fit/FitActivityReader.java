package io.trainingpipeline.ingest.fit;

import com.garmin.fit.ActivityMesg;
import com.garmin.fit.Decode;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.FitRuntimeException;
import com.garmin.fit.MesgBroadcaster;
import com.garmin.fit.RecordMesg;
import com.garmin.fit.SessionMesg;
import io.trainingpipeline.schemas.EventIds;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes a FIT file with Garmin's FIT SDK into sessions. Activity files become sessions with HR
 * histogram, time in zones and beat-to-beat rMSSD; monitoring, workout and settings files are
 * recognised and skipped with a reason; corrupt files raise {@link FitFileException} naming the
 * file. Stateless and thread-safe: files are independent and may be decoded in parallel.
 */
public final class FitActivityReader {
    /** Seconds since the UNIX epoch of the FIT epoch (1989-12-31T00:00:00Z). */
    private static final long FIT_EPOCH_OFFSET = 631065600L;

    /** A gap between records longer than this is a pause, not time at that heart rate. */
    private static final long MAX_RECORD_GAP_SECONDS = 10;

    private final int defaultMaxHr;
    private final boolean fromProfile;

    /**
     * @param defaultMaxHr maximum heart rate used for zones when the file shows none higher
     */
    public FitActivityReader(int defaultMaxHr) {
        this(defaultMaxHr, false);
    }

    private FitActivityReader(int maxHr, boolean fromProfile) {
        this.defaultMaxHr = maxHr;
        this.fromProfile = fromProfile;
    }

    /**
     * A reader whose zones use the athlete profile's {@code hr_max} exactly (training-science
     * section 2: profile values first), or, without one, {@code fallbackMaxHr} raised to the
     * highest heart rate in the file.
     */
    public static FitActivityReader forAthlete(Integer profileMaxHr, int fallbackMaxHr) {
        return profileMaxHr != null
                ? new FitActivityReader(profileMaxHr, true)
                : new FitActivityReader(fallbackMaxHr, false);
    }

    /** Decodes {@code bytes}; {@code fileName} only names the file in errors and keys. */
    public FitContent read(String fileName, byte[] bytes) throws FitFileException {
        if (bytes.length == 0) {
            throw new FitFileException(fileName, "empty file", null);
        }
        // isFileFit only reads the header (a fresh Decode: each check consumes its state). There is
        // no separate checkFileIntegrity pass: it reads the whole file once more (as costly as
        // the decode itself), and Decode.read verifies the same file CRC and length, throwing
        // "File CRC failed" / "Unexpected end of input stream", which becomes a FitFileException.
        if (!new Decode().isFileFit(new ByteArrayInputStream(bytes))) {
            throw new FitFileException(fileName, "not a FIT file (bad header)", null);
        }
        Collected collected = new Collected();
        Decode decode = new Decode();
        MesgBroadcaster broadcaster = new MesgBroadcaster(decode);
        broadcaster.addListener((com.garmin.fit.FileIdMesgListener) collected.fileIds::add);
        broadcaster.addListener((com.garmin.fit.SessionMesgListener) collected.sessions::add);
        broadcaster.addListener((com.garmin.fit.RecordMesgListener) collected.records::add);
        broadcaster.addListener((com.garmin.fit.ActivityMesgListener) collected.activities::add);
        broadcaster.addListener(
                (com.garmin.fit.DeveloperDataIdMesgListener)
                        m -> {
                            if (m.getNumApplicationId() == 0) {
                                collected.problems.add(
                                        "developer data id "
                                                + m.getDeveloperDataIndex()
                                                + " has no application id");
                            }
                        });
        broadcaster.addListener(
                (com.garmin.fit.HrvMesgListener)
                        m -> {
                            for (int i = 0; i < m.getNumTime(); i++) {
                                Float rr = m.getTime(i);
                                if (rr != null && rr > 0.25f && rr < 2.5f) {
                                    collected.rrSeconds.add(rr.doubleValue());
                                }
                            }
                        });
        try {
            decode.read(new ByteArrayInputStream(bytes), broadcaster, broadcaster);
        } catch (FitRuntimeException e) {
            throw new FitFileException(fileName, "cannot be decoded: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a malformed file can trip the SDK itself (index or null errors): still this file's
            // fault, so it is rejected by name like any other and the batch goes on
            throw new FitFileException(fileName, "cannot be decoded: " + e, e);
        }
        if (!collected.problems.isEmpty()) {
            // Developer fields cannot be attributed without their application id: the file is
            // malformed, and guessing would attach foreign fields to this athlete's data.
            throw new FitFileException(fileName, "malformed: " + collected.problems.get(0), null);
        }
        String sha = EventIds.sha256Hex(bytes);
        String type = fileType(collected.fileIds);
        if (!"activity".equals(type)) {
            return new FitContent(type, List.of(), "not an activity file (type " + type + ")", sha);
        }
        if (collected.sessions.isEmpty()) {
            return new FitContent(type, List.of(), "activity file without a session message", sha);
        }
        return new FitContent(type, sessions(collected), null, sha);
    }

    private List<FitSession> sessions(Collected c) {
        long localOffset = localOffsetSeconds(c.activities);
        List<FitSession> out = new ArrayList<>();
        for (int i = 0; i < c.sessions.size(); i++) {
            SessionMesg s = c.sessions.get(i);
            long start = s.getStartTime() != null ? unix(s.getStartTime().getTimestamp()) : 0;
            double elapsed = s.getTotalElapsedTime() == null ? 0 : s.getTotalElapsedTime();
            Map<Integer, Double> histogram =
                    histogram(c.records, start, start + (long) Math.ceil(elapsed));
            Integer maxHr = s.getMaxHeartRate() == null ? null : s.getMaxHeartRate().intValue();
            int zoneMax =
                    fromProfile ? defaultMaxHr : Math.max(defaultMaxHr, maxHr == null ? 0 : maxHr);
            out.add(
                    new FitSession(
                            i,
                            sport(s),
                            s.getSubSport() == null
                                    ? null
                                    : s.getSubSport().name().toLowerCase(Locale.ROOT),
                            Instant.ofEpochSecond(start),
                            LocalDateTime.ofEpochSecond(start + localOffset, 0, ZoneOffset.UTC),
                            elapsed,
                            s.getTotalTimerTime() == null
                                    ? null
                                    : s.getTotalTimerTime().doubleValue(),
                            s.getTotalDistance() == null
                                    ? null
                                    : s.getTotalDistance().doubleValue(),
                            s.getAvgHeartRate() == null ? null : s.getAvgHeartRate().intValue(),
                            maxHr,
                            histogram,
                            histogram.isEmpty()
                                    ? List.of()
                                    : HrZones.secondsInZones(histogram, zoneMax),
                            c.sessions.size() == 1 ? rmssd(c.rrSeconds) : null));
        }
        return out;
    }

    /** Seconds at each bpm: each record's HR holds until the next record, gaps capped. */
    private static Map<Integer, Double> histogram(Records records, long from, long to) {
        Map<Integer, Double> bpm = new TreeMap<>();
        int previous = -1;
        for (int i = 0; i < records.size; i++) {
            long t = records.times[i];
            if (t < from || t > to) {
                continue;
            }
            if (previous >= 0 && records.heartRates[previous] > 0) {
                long dt = t - records.times[previous];
                if (dt > 0 && dt <= MAX_RECORD_GAP_SECONDS) {
                    bpm.merge(records.heartRates[previous], (double) dt, Double::sum);
                }
            }
            previous = i;
        }
        return bpm;
    }

    /** Root mean square of successive RR differences, in ms; null with too few beats. */
    static Double rmssd(List<Double> rrSeconds) {
        if (rrSeconds.size() < 30) {
            return null;
        }
        double sum = 0;
        int n = 0;
        for (int i = 1; i < rrSeconds.size(); i++) {
            double diffMs = (rrSeconds.get(i) - rrSeconds.get(i - 1)) * 1000.0;
            if (Math.abs(diffMs) < 300) { // ectopic beats and artefacts would dominate the mean
                sum += diffMs * diffMs;
                n++;
            }
        }
        return n == 0 ? null : Math.sqrt(sum / n);
    }

    private static long localOffsetSeconds(List<ActivityMesg> activities) {
        for (ActivityMesg a : activities) {
            if (a.getLocalTimestamp() != null && a.getTimestamp() != null) {
                return a.getLocalTimestamp() - a.getTimestamp().getTimestamp();
            }
        }
        return 0;
    }

    private static String fileType(List<FileIdMesg> fileIds) {
        for (FileIdMesg id : fileIds) {
            if (id.getType() != null) {
                return id.getType().name().toLowerCase(Locale.ROOT);
            }
        }
        return "unknown";
    }

    private static String sport(SessionMesg s) {
        if (s.getSport() == null) {
            return "other";
        }
        return switch (s.getSport()) {
            case RUNNING -> "running";
            case CYCLING -> "cycling";
            case SWIMMING -> "swimming";
            case WALKING -> "walking";
            case HIKING -> "hiking";
            case TRAINING -> "strength";
            case TRANSITION -> "transition";
            default -> s.getSport().name().toLowerCase(Locale.ROOT);
        };
    }

    private static long unix(long fitSeconds) {
        return fitSeconds + FIT_EPOCH_OFFSET;
    }

    /** Messages gathered during one decode. */
    private static final class Collected {
        final List<FileIdMesg> fileIds = new ArrayList<>();
        final List<SessionMesg> sessions = new ArrayList<>();
        final Records records = new Records();
        final List<ActivityMesg> activities = new ArrayList<>();
        final List<Double> rrSeconds = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
    }

    /**
     * Unix time and heart rate (0 when absent) of the records that have a timestamp. Only these two
     * fields are kept: holding every RecordMesg of a long file until the sessions arrive (they come
     * last) cost more memory and GC than the rest of the mapping.
     */
    private static final class Records {
        long[] times = new long[1024];
        int[] heartRates = new int[1024];
        int size;

        void add(RecordMesg r) {
            if (r.getTimestamp() == null) {
                return;
            }
            if (size == times.length) {
                times = java.util.Arrays.copyOf(times, size * 2);
                heartRates = java.util.Arrays.copyOf(heartRates, size * 2);
            }
            Short hr = r.getHeartRate();
            times[size] = unix(r.getTimestamp().getTimestamp());
            heartRates[size] = hr == null ? 0 : hr;
            size++;
        }
    }
}
