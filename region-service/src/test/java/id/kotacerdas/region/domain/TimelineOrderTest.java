package id.kotacerdas.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimelineOrderTest {

    static TimelineEntry entry(String day, TimelineKind kind, String at, String eventTime, String eventId) {
        TimelineEntry e = new TimelineEntry();
        e.occurredOn = LocalDate.parse(day);
        e.kind = kind;
        e.kindOrder = kind.order();
        e.occurredAt = at == null ? null : OffsetDateTime.parse(at);
        e.sourceTime = eventTime == null ? null : OffsetDateTime.parse(eventTime);
        e.sourceEventId = eventId;
        e.factKey = "event:" + eventId;
        return e;
    }

    @Test
    void entriesAreOrderedByTheFactsDayThenProgrammeOrderThenInstantThenEvent() {
        TimelineEntry selected = entry("2022-06-01", TimelineKind.SELECTED, "2022-06-01T01:00:00Z", "2026-01-01T00:00:00Z", "e1");
        TimelineEntry scoredLater = entry("2022-06-01", TimelineKind.SCORED, "2022-06-01T09:00:00Z", "2026-01-02T00:00:00Z", "e2");
        TimelineEntry signed = entry("2022-04-21", TimelineKind.MOU_SIGNED, null, "2027-01-01T00:00:00Z", "e3");
        TimelineEntry stage2 = entry("2022-07-12", TimelineKind.BIMTEK_STAGE_2_HELD, null, "2026-01-01T00:00:00Z", "e4");
        TimelineEntry stage1SameDay = entry("2022-07-12", TimelineKind.BIMTEK_STAGE_1_HELD, null, "2026-02-01T00:00:00Z", "e5");
        TimelineEntry evalA = entry("2023-12-05", TimelineKind.EVALUATED, "2023-12-05T03:00:00Z", "2026-01-01T00:00:00Z", "e7");
        TimelineEntry evalB = entry("2023-12-05", TimelineKind.EVALUATED, "2023-12-05T03:00:00Z", "2026-01-01T00:00:00Z", "e6");
        List<TimelineEntry> expected = List.of(signed, scoredLater, selected, stage1SameDay, stage2, evalB, evalA);
        List<TimelineEntry> shuffled = new ArrayList<>(expected);
        Random random = new Random(7);
        for (int i = 0; i < 30; i++) {
            Collections.shuffle(shuffled, random);
            shuffled.sort(TimelineEntry.ORDER);
            assertThat(shuffled).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void theLaterStatementOfAFactSupersedesTheEarlierOneWhateverTheirArrival() {
        TimelineEntry first = entry("2022-06-01", TimelineKind.SCORED, "2022-06-01T01:00:00Z", "2022-06-01T01:00:01Z", "a");
        TimelineEntry revised = entry("2022-06-02", TimelineKind.SCORED, "2022-06-02T01:00:00Z", "2022-06-02T01:00:01Z", "b");
        assertThat(revised.supersedes(first)).isTrue();
        assertThat(first.supersedes(revised)).isFalse();
        assertThat(first.supersedes(first)).as("the same statement again changes nothing").isFalse();
    }

    @Test
    void kindOrderFollowsTheProgramme() {
        assertThat(TimelineKind.SCORED.order()).isLessThan(TimelineKind.SELECTED.order());
        assertThat(TimelineKind.MOU_SIGNED.order()).isLessThan(TimelineKind.MASTERPLAN_OPENED.order());
        assertThat(TimelineKind.BIMTEK_STAGE_4_HELD.order()).isLessThan(TimelineKind.LOCAL_COMMITMENT_SIGNED.order());
        assertThat(TimelineKind.LOCAL_COMMITMENT_SIGNED.order()).isLessThan(TimelineKind.BIMTEK_COMPLETED.order());
        assertThat(TimelineKind.DEWAN_SMART_CITY_FORMED.order()).as("the value V5's backfill writes").isEqualTo(100);
        for (int stage = 1; stage <= 4; stage++) {
            assertThat(TimelineKind.bimtekStageHeld(stage).isBimtekStage()).isTrue();
        }
    }
}
