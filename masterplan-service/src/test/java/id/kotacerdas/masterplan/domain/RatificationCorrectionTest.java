package id.kotacerdas.masterplan.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatificationCorrectionTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T03:00:00Z"), ZoneOffset.UTC);
    static final OffsetDateTime AT = OffsetDateTime.parse("2026-12-01T03:00:00Z");

    static Masterplan.Ratification live() {
        return new Masterplan.Ratification(RatificationInstrument.PERBUP, "45", 2022, LocalDate.of(2022, 12, 20), null,
                "officer", AT, List.of(), "Perbup", null, null, null);
    }

    static String field(Runnable r) {
        try {
            r.run();
        } catch (ProblemException e) {
            return e.violations().get(0).field();
        }
        throw new AssertionError("no problem");
    }

    @Test
    void aCorrectionNamesWhatChangedAndItsEarlierValue() {
        var applied = RatificationCorrection.apply(live(), Map.of("number", "54",
                "occurred", new Occurred("2022-12", null).normalized()), false, MasterplanKind.GUIDED, CLOCK);
        assertThat(applied.changed()).containsExactly("number", "occurred");
        assertThat(applied.previous()).containsEntry("number", "45")
                .containsEntry("occurred", Occurred.onDay(LocalDate.of(2022, 12, 20)));
        assertThat(applied.now().number()).isEqualTo("54");
        assertThat(applied.now().date()).isNull();
        assertThat(applied.now().actDate()).isEqualTo(new Occurred("2022-12", null).normalized());
        assertThat(applied.now().currentRevision()).isEqualTo(2);
    }

    @Test
    void anEmptyOrNoOpOrUnknownChangeIsRefused() {
        assertThat(field(() -> RatificationCorrection.apply(live(), Map.of(), false, MasterplanKind.GUIDED, CLOCK)))
                .isEqualTo("changes");
        assertThat(field(() -> RatificationCorrection.apply(live(), Map.of("number", "45"), false, MasterplanKind.GUIDED,
                CLOCK))).isEqualTo("changes");
        assertThat(field(() -> RatificationCorrection.apply(live(), Map.of("vision", "x"), false, MasterplanKind.GUIDED,
                CLOCK))).isEqualTo("changes.vision");
        assertThat(field(() -> RatificationCorrection.apply(live(), Map.of("instrument", "Perkades"), false,
                MasterplanKind.GUIDED, CLOCK))).isEqualTo("changes.instrument");
    }

    @Test
    void onlyARecordedRatificationMayLoseItsInstrumentOrDate() {
        Map<String, Object> unknown = new HashMap<>();
        unknown.put("occurred", null);
        assertThat(field(() -> RatificationCorrection.apply(live(), unknown, false, MasterplanKind.GUIDED, CLOCK)))
                .isEqualTo("changes.occurred");
        var applied = RatificationCorrection.apply(live(), unknown, true, MasterplanKind.GUIDED, CLOCK);
        assertThat(applied.now().actDate()).isNull();
        assertThat(applied.now().year()).isNull();
    }

    @Test
    void theDateFollowsTheRulesOfTheWrites() {
        assertThat(field(() -> RatificationCorrection.apply(live(), Map.of("occurred", Occurred.inYear(2015)), false,
                MasterplanKind.GUIDED, CLOCK))).isEqualTo("changes.occurred");
        assertThat(RatificationCorrection.apply(live(), Map.of("occurred", Occurred.inYear(2015)), true,
                MasterplanKind.SELF_MADE, CLOCK).now().year()).isEqualTo(2015);
        assertThat(field(() -> RatificationCorrection.apply(live(), Map.of("occurred", Occurred.inYear(2999)), false,
                MasterplanKind.GUIDED, CLOCK))).isEqualTo("changes.occurred");
    }

    @Test
    void aWithdrawalKeepsTheValueAndRaisesTheRevision() {
        var w = RatificationCorrection.withdraw(live(), AT, "ministry", "wrong plan", List.of());
        assertThat(w.number()).isEqualTo("45");
        assertThat(w.currentRevision()).isEqualTo(2);
        assertThat(w.withdrawn().reason()).isEqualTo("wrong plan");
    }
}
