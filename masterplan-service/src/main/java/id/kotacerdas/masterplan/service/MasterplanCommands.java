package id.kotacerdas.masterplan.service;

import id.kotacerdas.masterplan.domain.BimtekMode;
import id.kotacerdas.masterplan.domain.BimtekStage;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanKind;
import id.kotacerdas.masterplan.domain.RatificationInstrument;
import java.time.LocalDate;
import java.util.List;

/** What the use cases take, already validated field by field by the REST layer (which maps its own types to these). */
public final class MasterplanCommands {

    private MasterplanCommands() {
    }

    /** Open a masterplan by hand. */
    public record Open(String regionCode, int programmeYear, MasterplanKind kind, String title) {
    }

    /** Record the instrument that enacted the masterplan. */
    public record Ratify(RatificationInstrument instrument, String number, int year, LocalDate date, String title,
            List<Masterplan.Source> sources) {
    }

    /** Schedule (or reschedule) a bimtek stage. */
    public record Schedule(LocalDate startDate, LocalDate endDate, BimtekMode mode, String venue, List<String> guides,
            String purpose) {
    }

    /** Record that a stage was held. {@code attendance} {@code null} keeps what was recorded before. */
    public record Hold(BimtekStage.Attendance attendance, List<BimtekStage.Output> outputs, String notes) {
    }
}
