package id.kotacerdas.assessment.config;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.assessment.domain.Track;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CohortCsvTest {

    @Test
    void quotedFieldsKeepTheirCommasQuotesAndLineBreaks() throws Exception {
        var rows = CohortCsv.read(new StringReader("a,b,c\r\n1,\"x, \"\"y\"\"\nz\",\n2,,last"));
        assertThat(rows).containsExactly(Map.of("a", "1", "b", "x, \"y\"\nz", "c", ""), Map.of("a", "2", "b", "", "c", "last"));
    }

    @Test
    void theShippedHistoryHasEveryRowOfTheFilesWithItsSource() throws Exception {
        var members = CohortImporter.members(CohortImporter.rows(CohortImporter.MEMBERS));
        assertThat(members).hasSize(139);
        assertThat(members).filteredOn(m -> m.year() == 2017).hasSize(25);
        assertThat(members).filteredOn(m -> m.year() == 2021).hasSize(11);
        assertThat(members).allSatisfy(m -> assertThat(m.sourceUrl()).isNotBlank());
        assertThat(members).filteredOn(m -> m.track() == Track.PROVINCE).extracting(m -> m.regionCode())
                .containsExactlyInAnyOrder("32", "34");
        var declared = CohortImporter.declared(CohortImporter.rows(CohortImporter.DECLARED));
        assertThat(declared).filteredOn(d -> d.year() == 2021).singleElement()
                .satisfies(d -> assertThat(d.size() + "/" + d.repeats()).isEqualTo("48/7"));
        assertThat(declared).allSatisfy(d -> assertThat(d.sourceUrl()).startsWith("http"));
    }
}
