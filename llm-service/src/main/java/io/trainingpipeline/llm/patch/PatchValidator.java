package io.trainingpipeline.llm.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.InvalidJsonPatchException;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import io.trainingpipeline.schemas.events.OperationRationale;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first line of defence before a proposal is published (the planner checks again): the patch
 * must be RFC 6902 (zjsonpatch), touch only the sessions of the target week, stay within {@code
 * maxOperations}, carry a rationale for every operation, and apply cleanly to the base plan so that
 * the result is still a plan document of that week.
 *
 * <p>Allowed paths: {@code /sessions/<i>} (replace or remove a whole session), {@code /sessions/-}
 * (add a session), {@code /sessions/<i>/<field>[/...]} for the fields {@code name, sport,
 * intensity, durationMinutes, date, steps}. Never {@code athleteId}, {@code weekStart}, {@code
 * version}, a session's {@code id}, or any top-level field; {@code move} and {@code copy} are
 * refused because their {@code from} pointer could read outside the sessions.
 */
public final class PatchValidator {
    /** The intensities of the plan document contract. */
    public static final Set<String> INTENSITIES = Set.of("rest", "easy", "moderate", "hard");

    /** Upper bound of a session's duration: anything longer is not a plausible single session. */
    public static final int MAX_SESSION_MINUTES = 600;

    private static final Set<String> OPS = Set.of("add", "remove", "replace", "test");
    private static final Set<String> FIELDS =
            Set.of("name", "sport", "intensity", "durationMinutes", "date", "steps");
    private static final Pattern PATH = Pattern.compile("^/sessions/(\\d+|-)(?:/([^/]+)(/.*)?)?$");

    private final int maxOperations;

    /**
     * @param maxOperations most operations one patch may have
     */
    public PatchValidator(int maxOperations) {
        this.maxOperations = maxOperations;
    }

    /**
     * Checks {@code draft} against {@code basePlan} for the week starting {@code weekStart}.
     *
     * @return the plan the patch would produce
     * @throws InvalidProposalException naming the operation and the reason
     */
    public JsonNode validate(PatchDraft draft, JsonNode basePlan, LocalDate weekStart) {
        JsonNode patch = draft.patch();
        if (patch == null || !patch.isArray()) {
            throw new InvalidProposalException("patch is not a JSON array");
        }
        if (patch.size() > maxOperations) {
            throw new InvalidProposalException(
                    "patch has "
                            + patch.size()
                            + " operations, more than the "
                            + maxOperations
                            + " allowed");
        }
        try {
            JsonPatch.validate(patch);
        } catch (InvalidJsonPatchException e) {
            throw new InvalidProposalException("not an RFC 6902 patch: " + e.getMessage(), e);
        }
        for (int i = 0; i < patch.size(); i++) {
            checkOperation(i, patch.get(i));
        }
        checkRationale(draft.rationale(), patch.size());
        JsonNode result;
        try {
            result =
                    JsonPatch.apply(
                            patch,
                            basePlan,
                            EnumSet.of(CompatibilityFlags.FORBID_REMOVE_MISSING_OBJECT));
        } catch (JsonPatchApplicationException | IllegalArgumentException e) {
            throw new InvalidProposalException(
                    "patch does not apply to plan version "
                            + basePlan.path("version").asText("?")
                            + ": "
                            + e.getMessage(),
                    e);
        }
        checkResult(basePlan, result, weekStart);
        return result;
    }

    private static void checkOperation(int index, JsonNode op) {
        String name = op.path("op").asText();
        String path = op.path("path").asText();
        String where = "operation " + index + " (" + name + " " + path + ")";
        if (!OPS.contains(name)) {
            throw new InvalidProposalException(where + ": op '" + name + "' is not allowed");
        }
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new InvalidProposalException(
                    where + ": path is outside the sessions of the target week");
        }
        boolean append = m.group(1).equals("-");
        String field = m.group(2);
        if (append && (field != null || !name.equals("add"))) {
            throw new InvalidProposalException(where + ": '/sessions/-' only takes 'add'");
        }
        if (field != null && !FIELDS.contains(field)) {
            throw new InvalidProposalException(
                    where + ": field '" + field + "' of a session may not be changed");
        }
    }

    private static void checkRationale(List<OperationRationale> rationale, int operations) {
        Set<Integer> covered = new HashSet<>();
        for (OperationRationale r : rationale) {
            if (r.op() < 0 || r.op() >= operations) {
                throw new InvalidProposalException(
                        "rationale names operation " + r.op() + " but the patch has " + operations);
            }
            if (r.flag() == null
                    || r.flag().isBlank()
                    || r.reason() == null
                    || r.reason().isBlank()) {
                throw new InvalidProposalException(
                        "rationale of operation " + r.op() + " lacks a flag or a reason");
            }
            covered.add(r.op());
        }
        for (int i = 0; i < operations; i++) {
            if (!covered.contains(i)) {
                throw new InvalidProposalException("operation " + i + " has no rationale");
            }
        }
    }

    private static void checkResult(JsonNode base, JsonNode result, LocalDate weekStart) {
        if (!result.isObject() || !result.path("sessions").isArray()) {
            throw new InvalidProposalException("patched plan has no sessions array");
        }
        ObjectNode baseRest = ((ObjectNode) base).deepCopy();
        ObjectNode resultRest = ((ObjectNode) result).deepCopy();
        baseRest.remove("sessions");
        resultRest.remove("sessions");
        if (!baseRest.equals(resultRest)) {
            throw new InvalidProposalException("patch changes fields outside the sessions");
        }
        LocalDate weekEnd = weekStart.plusDays(6);
        Set<String> ids = new HashSet<>();
        Iterator<JsonNode> sessions = result.get("sessions").elements();
        for (int i = 0; sessions.hasNext(); i++) {
            checkSession(i, sessions.next(), weekStart, weekEnd, ids);
        }
    }

    private static void checkSession(
            int i, JsonNode s, LocalDate weekStart, LocalDate weekEnd, Set<String> ids) {
        String where = "patched session " + i;
        if (!s.isObject()) {
            throw new InvalidProposalException(where + " is not an object");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(s.path("date").asText());
        } catch (DateTimeParseException e) {
            throw new InvalidProposalException(where + ": date is missing or not YYYY-MM-DD");
        }
        if (date.isBefore(weekStart) || date.isAfter(weekEnd)) {
            throw new InvalidProposalException(
                    where
                            + ": date "
                            + date
                            + " is outside the week "
                            + weekStart
                            + ".."
                            + weekEnd);
        }
        if (!INTENSITIES.contains(s.path("intensity").asText())) {
            throw new InvalidProposalException(
                    where + ": intensity must be one of rest, easy, moderate, hard");
        }
        JsonNode minutes = s.path("durationMinutes");
        if (!minutes.isNumber()
                || minutes.asDouble() < 0
                || minutes.asDouble() > MAX_SESSION_MINUTES) {
            throw new InvalidProposalException(
                    where + ": durationMinutes must be a number in 0.." + MAX_SESSION_MINUTES);
        }
        if (s.has("steps") && !s.get("steps").isArray()) {
            throw new InvalidProposalException(where + ": steps must be an array");
        }
        String id = s.path("id").asText("");
        if (!id.isEmpty() && !ids.add(id)) {
            throw new InvalidProposalException(where + ": duplicate session id " + id);
        }
    }
}
