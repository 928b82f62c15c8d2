package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.web.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CohortMemberChangesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T00:00:00Z"), ZoneOffset.UTC);

    static CohortMember member() {
        CohortMember m = new CohortMember();
        m.programmeYear = 2022;
        m.track = Track.KAB_KOTA;
        m.regionCode = "52.07";
        m.confidence = "confirmed";
        m.sourceUrl = "https://a.example/x";
        return m;
    }

    static List<String> fields(List<Violation> v) {
        return v.stream().map(Violation::field).toList();
    }

    @Test
    void anEmptyOrNoOpChangeIsRefusedNamingChanges() {
        assertThat(fields(new CohortMemberChanges(null, null, null, null, null, null).check(member(), CLOCK)))
                .containsExactly("changes");
        assertThat(fields(new CohortMemberChanges(Track.KAB_KOTA, "confirmed", null, null, null, null)
                .check(member(), CLOCK))).containsExactly("changes");
    }

    @Test
    void changesFollowTheRulesOfARecord() {
        assertThat(fields(new CohortMemberChanges(null, "maybe", null, List.of(new Source(null, "not a url", null)), null,
                2023).check(member(), CLOCK)))
                .contains("changes.confidence", "changes.sources[0].url", "changes.repeatOfYear");
    }

    @Test
    void theChangedFieldsEarlierValuesAreKeptAndTheChangeApplied() {
        CohortMember m = member();
        var changes = new CohortMemberChanges(null, "partial", "candidate only", null, null, 2019);
        assertThat(changes.check(m, CLOCK)).isEmpty();
        assertThat(changes.previous(m)).containsOnlyKeys("confidence", "notes", "repeatOfYear")
                .containsEntry("confidence", "confirmed");
        changes.apply(m);
        assertThat(m.confidence).isEqualTo("partial");
        assertThat(m.notes).isEqualTo("candidate only");
        assertThat(m.repeatOfYear).isEqualTo(2019);
        assertThat(changes.previous(m)).isEmpty();
    }
}
