package id.kotacerdas.masterplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MasterplanRecordTest {

    static final List<Masterplan.Source> SOURCES = List.of(new Masterplan.Source("Perwa", "https://jdih.example.go.id", null));

    static MasterplanRecord record(String name, String number, Occurred occurred) {
        return new MasterplanRecord("61.71", 2019, false, null, RatificationInstrument.resolve(name).orElseThrow(), name,
                number, occurred == null ? null : occurred.normalized(), SOURCES);
    }

    static Masterplan stored(MasterplanRecord r) {
        Masterplan m = new Masterplan();
        m.kind = r.kind();
        m.programmeYear = r.programmeYear();
        m.title = r.title();
        m.ratification = r.ratification("importer", OffsetDateTime.parse("2026-12-07T10:00:00Z"));
        return m;
    }

    @Test
    void theSameFactUnderAnotherNameOfTheInstrumentIsTheSameFact() {
        Masterplan m = stored(record("Perwa", "25", Occurred.inYear(2019)));
        assertThat(record("Perwali", "25", new Occurred("2019", null)).firstDifference(m)).isNull();
    }

    @Test
    void theFirstDifferingFieldIsNamed() {
        Masterplan m = stored(record("Perwa", "25", Occurred.inYear(2019)));
        assertThat(record("Perwa", "52", Occurred.inYear(2019)).firstDifference(m)).isEqualTo("ratification.number");
        assertThat(record("SK", "25", Occurred.inYear(2019)).firstDifference(m)).isEqualTo("ratification.instrument");
        assertThat(record("Perwa", "25", Occurred.inYear(2020)).firstDifference(m)).isEqualTo("ratification.occurred");
        assertThat(record("Perwa", "25", null).firstDifference(m)).isEqualTo("ratification.occurred");
    }

    @Test
    void aDayIsStoredAsTheInstrumentsDateAndAnUnknownDateAsNoYear() {
        var day = stored(record("Perwa", "25", Occurred.onDay(LocalDate.of(2019, 7, 2)))).ratification;
        assertThat(day.date()).isEqualTo(LocalDate.of(2019, 7, 2));
        assertThat(day.year()).isEqualTo(2019);
        var unknown = stored(record("Perwa", null, null)).ratification;
        assertThat(unknown.year()).isNull();
        assertThat(unknown.actDate()).isNull();
        assertThat(unknown.currentRevision()).isEqualTo(1);
    }
}
