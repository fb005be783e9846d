package io.trainingpipeline.ingest.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SyncPlanTest {
    final LocalDate today = LocalDate.of(2026, 11, 24);

    @Test
    void dailyCoversYesterdayAndToday() {
        SyncPlan p = SyncPlan.daily(today);
        assertThat(p.from()).isEqualTo(today.minusDays(1));
        assertThat(p.to()).isEqualTo(today);
    }

    @Test
    void afterADailySyncTheCatchUpFetchesOnlyToday() {
        SyncState after = SyncState.EMPTY.afterSync(today.minusDays(1), today, today);
        assertThat(after.activitiesThrough()).isEqualTo(today);
        assertThat(after.wellnessThrough()).isEqualTo(today.minusDays(1));

        SyncPlan p = SyncPlan.catchup(after, today, 14);
        assertThat(p.activitiesFrom()).isEqualTo(today);
        assertThat(p.wellnessFrom()).isEqualTo(today);
    }

    @Test
    void aLongGapIsBoundedAndAFreshAthleteStartsAtTheFloor() {
        SyncState old = new SyncState(today.minusDays(40), today.minusDays(41), null);
        assertThat(SyncPlan.catchup(old, today, 14).from()).isEqualTo(today.minusDays(13));
        assertThat(SyncPlan.catchup(SyncState.EMPTY, today, 14).from())
                .isEqualTo(today.minusDays(13));
    }

    @Test
    void wellnessMarksNeverJumpOverAGap() {
        SyncState s = new SyncState(null, today.minusDays(10), null);
        assertThat(s.afterSync(today.minusDays(3), today, today).wellnessThrough())
                .isEqualTo(today.minusDays(10));
        assertThat(s.afterSync(today.minusDays(9), today, today).wellnessThrough())
                .isEqualTo(today.minusDays(1));
    }

    @Test
    void chunksCoverTheRangeInOrder() {
        var chunks = SyncPlan.chunks(today.minusDays(9), today, 7);
        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(0)[0]).isEqualTo(today.minusDays(9));
        assertThat(chunks.get(0)[1]).isEqualTo(today.minusDays(3));
        assertThat(chunks.get(1)[1]).isEqualTo(today);
    }
}
