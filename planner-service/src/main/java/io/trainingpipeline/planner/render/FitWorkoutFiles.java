package io.trainingpipeline.planner.render;

import com.garmin.fit.DateTime;
import com.garmin.fit.File;
import com.garmin.fit.FileEncoder;
import com.garmin.fit.FileIdMesg;
import com.garmin.fit.Fit;
import com.garmin.fit.Intensity;
import com.garmin.fit.Manufacturer;
import com.garmin.fit.Sport;
import com.garmin.fit.WktStepDuration;
import com.garmin.fit.WktStepTarget;
import com.garmin.fit.WorkoutMesg;
import com.garmin.fit.WorkoutStepMesg;
import io.trainingpipeline.planner.plan.PlanDocument;
import io.trainingpipeline.planner.plan.Session;
import io.trainingpipeline.planner.plan.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Writes each running session of a week as a FIT workout file ({@code <session id>.fit}) with the
 * Garmin FIT SDK's {@link FileEncoder}, for watches that are not synced through Garmin Connect. A
 * repeat group becomes its steps followed by a {@code REPEAT_UNTIL_STEPS_CMPLT} step; heart-rate
 * zone targets become {@code HEART_RATE} zone targets.
 */
public final class FitWorkoutFiles {
    private FitWorkoutFiles() {}

    /** Writes the files into {@code dir} (created) and returns their paths. */
    public static List<Path> write(PlanDocument plan, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (Session s : plan.sessions()) {
            if (!s.isRun()) {
                continue;
            }
            Path file = dir.resolve(s.id() + ".fit");
            List<WorkoutStepMesg> steps = new ArrayList<>();
            flatten(s.steps(), steps);
            FileEncoder encoder = new FileEncoder(file.toFile(), Fit.ProtocolVersion.V2_0);
            FileIdMesg id = new FileIdMesg();
            id.setType(File.WORKOUT);
            id.setManufacturer(Manufacturer.DEVELOPMENT);
            id.setProduct(0);
            id.setSerialNumber((long) Math.abs(s.id().hashCode()));
            id.setTimeCreated(
                    new DateTime(Date.from(s.date().atStartOfDay().toInstant(ZoneOffset.UTC))));
            encoder.write(id);
            WorkoutMesg workout = new WorkoutMesg();
            workout.setWktName(s.name());
            workout.setSport(Sport.RUNNING);
            workout.setNumValidSteps(steps.size());
            encoder.write(workout);
            for (WorkoutStepMesg step : steps) {
                encoder.write(step);
            }
            encoder.close();
            files.add(file);
        }
        return files;
    }

    private static void flatten(List<Step> steps, List<WorkoutStepMesg> out) {
        for (Step st : steps) {
            if (st.isRepeat()) {
                int first = out.size();
                flatten(st.steps(), out);
                WorkoutStepMesg rep = new WorkoutStepMesg();
                rep.setMessageIndex(out.size());
                rep.setDurationType(WktStepDuration.REPEAT_UNTIL_STEPS_CMPLT);
                rep.setDurationStep((long) first);
                rep.setRepeatSteps((long) st.repeat());
                out.add(rep);
                continue;
            }
            WorkoutStepMesg m = new WorkoutStepMesg();
            m.setMessageIndex(out.size());
            m.setWktStepName(st.type());
            m.setDurationType(WktStepDuration.TIME);
            m.setDurationTime(st.durationMinutes() * 60f);
            m.setIntensity(
                    switch (st.type()) {
                        case "warmup" -> Intensity.WARMUP;
                        case "cooldown" -> Intensity.COOLDOWN;
                        case "recovery" -> Intensity.RECOVERY;
                        default -> Intensity.ACTIVE;
                    });
            if (st.target() != null && st.target().startsWith("hr_zone_")) {
                m.setTargetType(WktStepTarget.HEART_RATE);
                m.setTargetHrZone(Long.parseLong(st.target().substring("hr_zone_".length())));
            } else {
                m.setTargetType(WktStepTarget.OPEN);
            }
            out.add(m);
        }
    }
}
