package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordedFiguresTest {

    static RecordedFigures figures(String index, String output, Integer rank, String url) {
        return new RecordedFigures(new BigDecimal(index),
                Map.of("BASELINE", new BigDecimal("3.60"), "OUTPUT", new BigDecimal(output)), null, rank, 4, null, null,
                Occurred.inYear(2019), List.of(new Source("Hasil monev", url, null)), null);
    }

    @Test
    void figuresCompareByValueAndSourcesByUrlAndTitle() {
        RecordedFigures a = figures("3.10", "3.21", 22, "https://example.org/a");
        assertThat(a.firstDifference(figures("3.1", "3.210", 22, " https://example.org/a"))).isEmpty();
        assertThat(a.differences(figures("3.1", "3.21", 22, "https://example.org/a"))).isEmpty();
    }

    @Test
    void theFirstDifferingFieldIsNamedInTheFieldsOrderWithTheDimension() {
        RecordedFigures a = figures("3.10", "3.21", 22, "https://example.org/a");
        assertThat(a.firstDifference(figures("3.10", "3.22", 23, "https://example.org/a"))).contains("dimensions.OUTPUT");
        assertThat(a.firstDifference(figures("3.10", "3.21", 23, "https://example.org/b"))).contains("nationalRank");
        assertThat(a.firstDifference(figures("3.10", "3.21", 22, "https://example.org/b"))).contains("sources");
        assertThat(a.differences(figures("3.20", "3.22", 22, "https://example.org/a")))
                .containsExactly("index", "dimensions");
    }

    @Test
    void unknownFiguresDifferFromKnownOnes() {
        RecordedFigures a = figures("3.10", "3.21", null, "https://example.org/a");
        assertThat(a.firstDifference(figures("3.10", "3.21", 22, "https://example.org/a"))).contains("nationalRank");
        RecordedFigures indexOnly = new RecordedFigures(new BigDecimal("3.06"), null, null, null, null, null, null,
                null, List.of(), null);
        assertThat(indexOnly.firstDifference(a)).contains("index");
        assertThat(a.values(List.of("index", "nationalRank"))).containsEntry("index", new BigDecimal("3.10"))
                .containsEntry("nationalRank", null);
    }
}
