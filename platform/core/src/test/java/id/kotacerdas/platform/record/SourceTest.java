package id.kotacerdas.platform.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import id.kotacerdas.platform.web.Violation;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceTest {

    @Test
    void aRecordedFactNeedsAtLeastOneSource() {
        assertEquals(List.of("sources"), fields(Source.check("sources", null)));
        assertEquals(List.of("sources"), fields(Source.check("sources", List.of())));
    }

    @Test
    void eachSourceNeedsAWebAddress() {
        List<Source> sources = List.of(
                new Source("ok", "https://beenews.id/kota-tegal", LocalDate.of(2022, 4, 21)),
                new Source("no url", null, null),
                new Source(null, "ftp://example.org/x", null),
                new Source(null, "not a url", null),
                new Source("x".repeat(501), "http://example.org", null));
        assertEquals(List.of("sources[1].url", "sources[2].url", "sources[3].url", "sources[4].title"),
                fields(Source.check("sources", sources)));
    }

    @Test
    void aListWithinBoundsPasses() {
        assertTrue(Source.check("s", Collections.nCopies(20, new Source(null, "http://a.example", null))).isEmpty());
        assertEquals(List.of("s"), fields(Source.check("s", Collections.nCopies(21, new Source(null, "http://a.example", null)))));
    }

    @Test
    void aWithdrawalNeedsAReasonAndForARecordedFactItsSources() {
        assertEquals(List.of("reason", "sources"), fields(new Withdrawal(" ", null).check(true)));
        assertTrue(new Withdrawal("stuck since 2023", null).check(false).isEmpty());
        assertEquals(List.of("sources[0].url"),
                fields(new Withdrawal("typo", List.of(new Source("t", "", null))).check(false)));
    }

    private static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }
}
