package io.trainingpipeline.garmin.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Garmin Connect's API ({@code garmin.api-base-url}), paths as python-garminconnect 0.3.x uses
 * them. Every method returns the raw {@link Response} so the gateway sees status, Retry-After and
 * the unparsed body (malformed JSON is a retryable fault, not a client crash). Only {@code
 * GarminGateway} calls it.
 */
@RegisterRestClient(configKey = "garmin-api")
@Path("/")
public interface GarminApiClient {
    String AUTH = "Authorization";

    @GET
    @Path("userprofile-service/socialProfile")
    Response profile(@HeaderParam(AUTH) String bearer);

    @GET
    @Path("activitylist-service/activities/search/activities")
    Response activities(
            @HeaderParam(AUTH) String bearer,
            @QueryParam("startDate") String startDate,
            @QueryParam("endDate") String endDate,
            @QueryParam("start") int start,
            @QueryParam("limit") int limit);

    @GET
    @Path("download-service/files/activity/{id}")
    Response activityFile(@HeaderParam(AUTH) String bearer, @PathParam("id") long activityId);

    @GET
    @Path("hrv-service/hrv/{date}")
    Response hrv(@HeaderParam(AUTH) String bearer, @PathParam("date") String date);

    @GET
    @Path("wellness-service/wellness/dailySleepData/{displayName}")
    Response sleep(
            @HeaderParam(AUTH) String bearer,
            @PathParam("displayName") String displayName,
            @QueryParam("date") String date,
            @QueryParam("nonSleepBufferMinutes") int nonSleepBufferMinutes);

    @GET
    @Path("userstats-service/wellness/daily/{displayName}")
    Response restingHr(
            @HeaderParam(AUTH) String bearer,
            @PathParam("displayName") String displayName,
            @QueryParam("fromDate") String fromDate,
            @QueryParam("untilDate") String untilDate,
            @QueryParam("metricId") int metricId);

    @GET
    @Path("metrics-service/metrics/trainingreadiness/{date}")
    Response trainingReadiness(@HeaderParam(AUTH) String bearer, @PathParam("date") String date);

    @GET
    @Path("workout-service/workouts")
    Response workouts(
            @HeaderParam(AUTH) String bearer,
            @QueryParam("start") int start,
            @QueryParam("limit") int limit);

    @GET
    @Path("workout-service/workout/{id}")
    Response workout(@HeaderParam(AUTH) String bearer, @PathParam("id") long workoutId);

    @POST
    @Path("workout-service/workout")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createWorkout(@HeaderParam(AUTH) String bearer, String workoutJson);

    @PUT
    @Path("workout-service/workout/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateWorkout(
            @HeaderParam(AUTH) String bearer, @PathParam("id") long workoutId, String workoutJson);

    @DELETE
    @Path("workout-service/workout/{id}")
    Response deleteWorkout(@HeaderParam(AUTH) String bearer, @PathParam("id") long workoutId);

    @POST
    @Path("workout-service/schedule/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response schedule(
            @HeaderParam(AUTH) String bearer, @PathParam("id") long workoutId, String dateJson);

    @DELETE
    @Path("workout-service/schedule/{id}")
    Response unschedule(@HeaderParam(AUTH) String bearer, @PathParam("id") long scheduleId);

    @GET
    @Path("calendar-service/year/{year}/month/{month0}")
    Response calendarMonth(
            @HeaderParam(AUTH) String bearer,
            @PathParam("year") int year,
            @PathParam("month0") int month0);
}
