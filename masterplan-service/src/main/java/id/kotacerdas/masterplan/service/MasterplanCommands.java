package id.kotacerdas.masterplan.service;

import id.kotacerdas.masterplan.domain.BimtekMode;
import id.kotacerdas.masterplan.domain.BimtekStage;
import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanKind;
import id.kotacerdas.masterplan.domain.RatificationInstrument;
import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.util.List;

/** What the use cases take, already validated field by field by the REST layer (which maps its own types to these). */
public final class MasterplanCommands {

    private MasterplanCommands() {
    }

    /** Open a masterplan by hand; {@code occurred} when it was opened before it is recorded. */
    public record Open(String regionCode, int programmeYear, MasterplanKind kind, String title, Occurred occurred) {
    }

    /**
     * Record the instrument that enacted the masterplan: its kind and its name as given ({@code Perwa}); {@code occurred}
     * when the day is not known but more than the year is (or to confirm the day).
     */
    public record Ratify(RatificationInstrument instrument, String instrumentName, String number, int year,
            LocalDate date, String title, List<Masterplan.Source> sources, Occurred occurred) {
    }

    /** Schedule (or reschedule) a bimtek stage. */
    public record Schedule(LocalDate startDate, LocalDate endDate, BimtekMode mode, String venue, List<String> guides,
            String purpose) {
    }

    /** Record that a stage was held. {@code attendance} {@code null} keeps what was recorded before. */
    public record Hold(BimtekStage.Attendance attendance, List<BimtekStage.Output> outputs, String notes,
            Occurred occurred) {
    }

    /** A reviewer's decision: comments, and the decision's date when it is recorded after the fact. */
    public record Decide(List<Masterplan.Comment> comments, Occurred occurred) {
    }
}
