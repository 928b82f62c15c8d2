package id.kotacerdas.region.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.region.domain.FactRevisions.Decision;
import id.kotacerdas.region.domain.FactRevisions.Mark;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactRevisionsTest {

    static TimelineEntry entry(int revision) {
        TimelineEntry e = new TimelineEntry();
        e.revision = revision;
        return e;
    }

    @Test
    void aNewFactIsInserted() {
        assertThat(FactRevisions.decide(null, 1, false, false)).isEqualTo(Decision.INSERT);
        assertThat(FactRevisions.decide(null, 3, true, false)).as("a correction before its fact stands as the fact")
                .isEqualTo(Decision.INSERT);
    }

    @Test
    void aCorrectionReplacesTheSameOrALowerRevisionAndALowerOneIsIgnored() {
        assertThat(FactRevisions.decide(entry(1), 2, true, false)).isEqualTo(Decision.REPLACE);
        assertThat(FactRevisions.decide(entry(2), 2, true, false)).isEqualTo(Decision.REPLACE);
        assertThat(FactRevisions.decide(entry(3), 2, true, true)).isEqualTo(Decision.KEEP);
    }

    @Test
    void aLateCreationEventLeavesACorrectedEntryAndTwoStatementsOfRevisionOneKeepTheLater() {
        assertThat(FactRevisions.decide(entry(2), 1, false, true)).isEqualTo(Decision.KEEP);
        assertThat(FactRevisions.decide(entry(1), 1, false, true)).isEqualTo(Decision.REPLACE);
        assertThat(FactRevisions.decide(entry(1), 1, false, false)).isEqualTo(Decision.KEEP);
    }

    @Test
    void theFirstMarkStaysAndTheEntryStopsCounting() {
        TimelineEntry e = entry(1);
        assertThat(e.counts()).isTrue();
        assertThat(FactRevisions.mark(e, Mark.WITHDRAWN, Map.of("reason", "first"))).isTrue();
        assertThat(FactRevisions.mark(e, Mark.WITHDRAWN, Map.of("reason", "again"))).isFalse();
        assertThat(e.withdrawn).containsEntry("reason", "first");
        assertThat(e.counts()).isFalse();
        assertThat(FactRevisions.mark(e, Mark.CANCELLED, Map.of("reason", "cycle"))).isTrue();
        assertThat(FactRevisions.mark(e, Mark.CANCELLED, Map.of("reason", "cycle again"))).isFalse();
        assertThat(e.cancelled).containsEntry("reason", "cycle");

        TimelineEntry cancelled = entry(1);
        FactRevisions.mark(cancelled, Mark.CANCELLED, Map.of("reason", "cycle"));
        assertThat(cancelled.counts()).isFalse();
    }
}
