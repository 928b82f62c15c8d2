package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordedAssessmentChangesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-10T00:00:00Z"), ZoneOffset.UTC);

    static RecordedAssessment outcome() {
        RecordedAssessment a = new RecordedAssessment();
        a.programmeYear = 2091;
        a.track = Track.KAB_KOTA;
        a.regionCode = "18.72";
        a.regionName = "Kota Metro";
        a.outcome = RecordedAssessment.Outcome.SELECTED;
        a.score = new BigDecimal("65.00");
        a.scoreKnown = true;
        a.setInvited(new Occurred("2022-02", null).normalized());
        a.setOccurred(new Occurred("2022-04", null).normalized());
        a.sources = new SourceList(java.util.List.of());
        return a;
    }

    static RecordedAssessmentChanges changes(Set<String> given, RecordedAssessment.Outcome outcome, BigDecimal score,
            Boolean scoreKnown, Integer rank, Boolean rankKnown, Occurred invited, Occurred occurred) {
        return new RecordedAssessmentChanges(given, outcome, score, scoreKnown, rank, rankKnown, invited, null, occurred,
                null);
    }

    @Test
    void aScoreSaidUnknownIsClearedAndTheOutcomeMoves() {
        RecordedAssessment a = outcome();
        var c = changes(Set.of("outcome", "scoreKnown"), RecordedAssessment.Outcome.NOT_SELECTED, null, false, null, null,
                null, null);
        assertThat(c.check(a)).isEmpty();
        var r = c.result(a, CLOCK);
        assertThat(RecordedAssessmentChanges.previous(a, r)).containsKeys("outcome", "score", "scoreKnown")
                .doesNotContainKeys("rank", "invited", "occurred");
        RecordedAssessmentChanges.apply(a, r);
        assertThat(a.selected()).isFalse();
        assertThat(a.score).isNull();
        assertThat(a.scoreKnown).isFalse();
        assertThat(a.invited()).isNotNull();
    }

    @Test
    void contradictionsAndTheEmptyChangeAreNamed() {
        RecordedAssessment a = outcome();
        assertThat(changes(Set.of(), null, null, null, null, null, null, null).check(a)).extracting(Violation::field)
                .containsExactly("changes");
        assertThat(changes(Set.of("score", "scoreKnown"), null, BigDecimal.TEN, false, null, null, null, null).check(a))
                .extracting(Violation::field).contains("changes.score");
        assertThat(changes(Set.of("rankKnown"), null, null, null, null, true, null, null).check(a))
                .extracting(Violation::field).contains("changes.rank");
        assertThat(changes(Set.of("occurred"), null, null, null, null, null, null, null).check(a))
                .extracting(Violation::field).contains("changes.occurred");
        // the same values again change nothing
        var same = changes(Set.of("outcome", "score"), RecordedAssessment.Outcome.SELECTED, new BigDecimal("65"), null,
                null, null, null, null);
        assertThat(same.check(a)).isEmpty();
        assertThat(RecordedAssessmentChanges.previous(a, same.result(a, CLOCK))).isEmpty();
    }

    @Test
    void theDatesStayInOrderAndAnInvitationMayBecomeUnknown() {
        RecordedAssessment a = outcome();
        assertThatThrownBy(() -> changes(Set.of("occurred"), null, null, null, null, null, null,
                new Occurred("2022-01", null)).result(a, CLOCK)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("invitation");
        var cleared = changes(Set.of("invited"), null, null, null, null, null, null, null);
        var r = cleared.result(a, CLOCK);
        assertThat(r.invited()).isNull();
        assertThat(RecordedAssessmentChanges.previous(a, r)).containsOnlyKeys("invited");
    }
}
