package id.kotacerdas.masterplan.rest;

import com.fasterxml.jackson.annotation.JsonAlias;

import id.kotacerdas.masterplan.domain.BimtekMode;
import id.kotacerdas.masterplan.domain.BudgetSource;
import id.kotacerdas.masterplan.domain.Horizon;
import id.kotacerdas.masterplan.domain.MasterplanKind;
import id.kotacerdas.masterplan.domain.Pillar.SubDimension;
import id.kotacerdas.masterplan.domain.ReviewSection;
import id.kotacerdas.platform.time.Occurred;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API's request types (the document is also shown in responses), with the bounds the server enforces: every
 * text and every list is bounded, so a section too large is a {@code 400} naming it. Their own types, mapped
 * explicitly ({@link MasterplanMapper}) to the stored document and the service's commands: a change here changes
 * neither. Pillars are names, as regions write them ({@code "Smart People"}); they are stored as canonical codes.
 */
public final class MasterplanRequests {

    static final String REGION_CODE = "\\d{2}(\\.\\d{2})?";
    static final String PILLAR_DOC = "A pillar: GOVERNANCE, BRANDING, ECONOMY, LIVING, SOCIETY or ENVIRONMENT, or a name "
            + "that stands for one (`Smart Governance`, …, `Smart People` = SOCIETY, `Smart Mobility` = LIVING; case, "
            + "spaces and hyphens do not matter). Any other name is a 422 that lists the accepted names. Stored and shown "
            + "as the code.";

    static final String OCCURRED_DOC = "When the act happened, if it is recorded after the fact (DAY, MONTH or YEAR "
            + "precision); without it the act happened now. Not in the future, not before 2017 (a SELF_MADE plan's acts "
            + "may be older), not before the act it depends on (`400` naming `occurred`).";

    private MasterplanRequests() {
    }

    @Schema(name = "OpenMasterplan", description = "Open a region's masterplan work by hand (past years, an earlier self-made masterplan, a revision).")
    public record OpenMasterplan(
            @NotBlank @Size(max = 5) @Pattern(regexp = REGION_CODE, message = "must be a Kemendagri code: PP or PP.KK (digits)")
            @Schema(description = "Kemendagri code of the region.", examples = "19.71")
            String regionCode,
            @NotNull @Min(2000) @Max(2100)
            @Schema(description = "The programme year (for a self-made masterplan: the year it was made).", examples = "2021")
            Integer programmeYear,
            @NotNull
            @Schema(description = "GUIDED (under the programme), SELF_MADE (made before joining it) or REVISION (a later \"2.0\").", examples = "SELF_MADE")
            MasterplanKind kind,
            @NotBlank @Size(max = 300)
            @Schema(examples = "Masterplan Smart City Kota Pangkalpinang 2021")
            String title,
            @Schema(description = "When the masterplan work was opened, if before it is recorded (DAY, MONTH or YEAR "
                    + "precision); without it, now. Not in the future; not before 2017 unless the plan is SELF_MADE (a "
                    + "region's own earlier work may be older).", examples = "{\"date\": \"2021-03\", \"precision\": \"MONTH\"}")
            Occurred occurred) {
    }

    @Schema(name = "MasterplanSubmission", description = "Optional body of a submission: its date when it is recorded after the fact.")
    public record SubmissionData(
            @Schema(description = OCCURRED_DOC + " A submission is not before the opening nor before the revision "
                    + "request it answers.", examples = "{\"date\": \"2022-10-03\", \"precision\": \"DAY\"}")
            Occurred occurred) {
    }

    // ------------------------------------------------------------------ the document

    @Schema(name = "MasterplanDocument", description = "The masterplan's content. Every section is optional while the region writes it; a submission needs the horizon, a vision and a mission, programmes in all six pillars, the quick wins the programme asks for and a roadmap year for every year of the horizon.")
    public record DocumentData(
            @Valid
            @Schema(description = "The years the masterplan covers (5 to 10 years as a rule, at most 11).")
            PeriodData period,
            @Valid
            @Schema(description = "Analisis strategis (Buku 1): readiness of struktur, infrastruktur, suprastruktur; SWOT; gap analysis.")
            StrategicAnalysisData strategicAnalysis,
            @Size(max = 2000)
            @Schema(description = "The smart city vision.", examples = "Sumbawa Barat Cerdas, Sejahtera dan Berkelanjutan 2032")
            String vision,
            @Size(max = 20)
            @Schema(description = "The missions.")
            List<@NotBlank @Size(max = 1000) String> missions,
            @Size(max = 50)
            @Schema(description = "The objectives (sasaran).")
            List<@NotBlank @Size(max = 1000) String> objectives,
            @Size(max = 200)
            @Schema(description = "Programmes per pillar over a horizon.")
            List<@NotNull @Valid ProgrammeData> programmes,
            @Size(max = 50)
            @Schema(description = "Quick wins: per pillar, 6–12 months, sharpening an existing service, with the impact measured.")
            List<@NotNull @Valid QuickWinData> quickWins,
            @Size(max = 500)
            @Schema(description = "The action plan (rencana aksi).")
            List<@NotNull @Valid ActionData> actionPlan,
            @Size(max = 11)
            @Schema(description = "The roadmap (peta jalan), one entry per year of the horizon.")
            List<@NotNull @Valid RoadmapYearData> roadmap) {
    }

    @Schema(name = "MasterplanPeriod", description = "First and last year of the masterplan (inclusive).")
    public record PeriodData(
            @NotNull @Min(2000) @Max(2100) @Schema(examples = "2023") Integer startYear,
            @NotNull @Min(2000) @Max(2100) @Schema(description = "Not before startYear, at most 10 years later.", examples = "2032") Integer endYear) {
    }

    @Schema(name = "StrategicAnalysis", description = "Analisis strategis: readiness, SWOT and gaps.")
    public record StrategicAnalysisData(
            @Valid ReadinessData readiness,
            @Valid SwotData swot,
            @Size(max = 60) List<@NotNull @Valid GapData> gapAnalysis) {
    }

    @Schema(name = "Readiness", description = "Readiness of the region's struktur (institutions, people), infrastruktur (ICT and other infrastructure) and suprastruktur (policy, regulation, leadership).")
    public record ReadinessData(
            @Size(max = 5000) String struktur,
            @Size(max = 5000) String infrastruktur,
            @Size(max = 5000) String suprastruktur) {
    }

    @Schema(name = "Swot", description = "Strengths, weaknesses, opportunities, threats.")
    public record SwotData(
            @Size(max = 30) List<@NotBlank @Size(max = 500) String> strengths,
            @Size(max = 30) List<@NotBlank @Size(max = 500) String> weaknesses,
            @Size(max = 30) List<@NotBlank @Size(max = 500) String> opportunities,
            @Size(max = 30) List<@NotBlank @Size(max = 500) String> threats) {
    }

    @Schema(name = "Gap", description = "Where a pillar stands and where it should be.")
    public record GapData(
            @NotBlank @Size(max = 50) @Schema(description = PILLAR_DOC, examples = "GOVERNANCE") String pillar,
            @Size(max = 2000) String currentState,
            @Size(max = 2000) String targetState,
            @Size(max = 2000) String gap) {
    }

    @Schema(name = "Programme", description = "A programme of one pillar over a horizon.")
    public record ProgrammeData(
            @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "must be letters, digits, '.', '_' or '-'")
            @Schema(description = "The region's own code, to refer to it from the action plan and the roadmap.", examples = "GOV-01")
            String code,
            @NotBlank @Size(max = 300) @Schema(examples = "Mal Pelayanan Publik digital") String title,
            @Size(max = 3000) String description,
            @NotBlank @Size(max = 50) @Schema(description = PILLAR_DOC, examples = "GOVERNANCE") String pillar,
            @Schema(description = "One of the pillar's three sub-dimensions (optional).", examples = "PUBLIC_SERVICE")
            SubDimension subDimension,
            @NotNull @Schema(description = "SHORT (1 year), MEDIUM (5 years) or LONG (10 years).", examples = "MEDIUM")
            Horizon horizon,
            @NotBlank @Size(max = 200) @Schema(description = "The OPD (regional office) responsible.", examples = "Dinas Komunikasi dan Informatika")
            String responsibleOpd,
            @Size(max = 5) @Schema(description = "APBD, APBN, FOREIGN_GRANT, KPBU (public-private partnership), CSR_PRIVATE.")
            List<@NotNull BudgetSource> budgetSources,
            @Size(max = 20) List<@NotNull @Valid IndicatorData> indicators,
            @Size(max = 300)
            @Schema(description = "The RPJMD programme or goal it serves; without one it is an alignment finding.", examples = "RPJMD 2021–2026 Misi 2, Program Peningkatan Pelayanan Publik")
            String rpjmdReference) {
    }

    @Schema(name = "Indicator", description = "How a programme's result is measured.")
    public record IndicatorData(
            @NotBlank @Size(max = 300) @Schema(examples = "Layanan perizinan daring") String name,
            @Size(max = 100) @Schema(examples = "12") String baseline,
            @Size(max = 100) @Schema(examples = "60") String target,
            @Size(max = 50) @Schema(examples = "layanan") String unit) {
    }

    @Schema(name = "QuickWin", description = "A short programme that sharpens an existing service within 6–12 months and shows its impact.")
    public record QuickWinData(
            @NotBlank @Size(max = 300) @Schema(examples = "Antrean daring Puskesmas") String title,
            @NotBlank @Size(max = 50) @Schema(description = PILLAR_DOC, examples = "LIVING") String pillar,
            @NotBlank @Size(max = 300) @Schema(description = "The existing service it improves.", examples = "Pendaftaran pasien Puskesmas") String existingService,
            @Size(max = 2000) String improvement,
            @NotNull @Min(6) @Max(12) @Schema(description = "How long until it takes effect, 6 to 12 months.", examples = "6") Integer durationMonths,
            @NotBlank @Size(max = 200) @Schema(examples = "Dinas Kesehatan") String responsibleOpd,
            @NotNull @Valid ImpactData impact) {
    }

    @Schema(name = "Impact", description = "How a quick win's impact is measured.")
    public record ImpactData(
            @NotBlank @Size(max = 300) @Schema(examples = "Waktu tunggu rata-rata (menit)") String indicator,
            @Size(max = 100) @Schema(examples = "90") String baseline,
            @NotBlank @Size(max = 100) @Schema(examples = "30") String target,
            @Size(max = 100) @Schema(description = "The value measured, once known.", examples = "35") String measured) {
    }

    @Schema(name = "Action", description = "A step of the action plan.")
    public record ActionData(
            @Size(max = 30) @Schema(description = "The programme it belongs to (its code).", examples = "GOV-01") String programmeCode,
            @NotBlank @Size(max = 1000) @Schema(examples = "Menyusun SOP layanan daring") String action,
            @Min(2000) @Max(2100) @Schema(examples = "2023") Integer year,
            @Size(max = 200) String responsibleOpd) {
    }

    @Schema(name = "RoadmapYear", description = "One year of the roadmap.")
    public record RoadmapYearData(
            @NotNull @Min(2000) @Max(2100) @Schema(examples = "2023") Integer year,
            @Size(max = 30) List<@NotBlank @Size(max = 500) String> milestones,
            @Size(max = 200) List<@NotBlank @Size(max = 30) String> programmeCodes) {
    }

    // ------------------------------------------------------------------ review and ratification

    @Schema(name = "ReviewComment", description = "A reviewer's comment on one section.")
    public record CommentData(
            @NotNull @Schema(examples = "QUICK_WINS") ReviewSection section,
            @NotBlank @Size(max = 4000) @Schema(examples = "Quick win 2 menambah infrastruktur baru; pilih layanan yang sudah ada.") String comment) {
    }

    @Schema(name = "RevisionRequest", description = "Send the submitted version back, with comments per section.")
    public record RevisionRequestData(
            @NotEmpty @Size(max = 50) List<@NotNull @Valid CommentData> comments,
            @Schema(description = OCCURRED_DOC + " Not before the submission of the version it sends back.",
                    examples = "{\"date\": \"2022-10-20\", \"precision\": \"DAY\"}")
            Occurred occurred) {
    }

    @Schema(name = "Approval", description = "Approve the version under review, optionally with comments.")
    public record ApprovalData(
            @Size(max = 50) List<@NotNull @Valid CommentData> comments,
            @Schema(description = OCCURRED_DOC + " Not before the submission of the version it approves.",
                    examples = "{\"date\": \"2022-11-28\", \"precision\": \"DAY\"}")
            Occurred occurred) {
    }

    @Schema(name = "Ratification", description = """
            The instrument that enacted the masterplan: e.g. Perwa No. 25/2019 (Pontianak), Pergub DIY 46/2019. \
            Where the record of it gives the kind and year but not the number or the date (a report saying "ratified \
            by a Perbup"), leave those out and name the record in `sources`: they are kept as not known, never \
            filled in.""")
    public record RatificationData(
            @NotBlank @Size(max = 100)
            @Schema(description = "The instrument's kind, by its code or any name used for it in practice (case, spaces, "
                    + "dots and hyphens do not matter): PERWALI (kota; also Perwal, Perwa, Peraturan Wali Kota), PERBUP "
                    + "(kabupaten; Peraturan Bupati), PERGUB (province; Peraturan Gubernur), PERDA (Peraturan Daerah) or "
                    + "SK (Keputusan, Surat Keputusan of the regional head). Reads return the kind as `instrument` and the "
                    + "name as given as `instrumentName`; an unknown name is a `400` listing the accepted ones.",
                    examples = "Perwa")
            String instrument,
            @Size(min = 1, max = 100) @Pattern(regexp = "\\S.*") @Schema(description = "The instrument's number; absent when not known (then `sources` is required).", examples = "45") String number,
            @NotNull @Min(2000) @Max(2100) @Schema(examples = "2022") Integer year,
            @JsonAlias("date") @Schema(description = "Date of enactment (YYYY-MM-DD), in the instrument's year, not in the future; absent when not known (then `sources` is required). `date` is accepted too (deprecated).", examples = "2022-12-20") LocalDate ratifiedOn,
            @Size(max = 500) @Schema(examples = "Peraturan Bupati Sumbawa Barat tentang Masterplan Smart City 2023–2032") String title,
            @Size(max = 10) @Schema(description = "Where the ratification is recorded (a report, a JDIH page); required when the number or the date is not known.")
            List<@NotNull @Valid SourceData> sources,
            @Schema(description = "The ratification's date when its day (`ratifiedOn`) is not known but more than its year is "
                    + "(`2019-07`, MONTH), in the instrument's year; agrees with `ratifiedOn` when both are given. The "
                    + "ratification's date is `ratifiedOn` (DAY) when given, else this, else the year (YEAR). Not in the "
                    + "future, not before 2017 unless the plan is SELF_MADE, not before the approval (`400`).",
                    examples = "{\"date\": \"2022-12\", \"precision\": \"MONTH\"}")
            Occurred occurred) {
    }

    @Schema(name = "RatificationSource", description = "A record a ratification is found in (the live path; `POST /api/v1/recorded-masterplans` takes the platform `Source`).")
    public record SourceData(
            @NotBlank @Size(max = 300) @Schema(examples = "Sumbawa Barat report 2022") String title,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+") @Schema(examples = "https://jdih.sumbawabaratkab.go.id/") String url,
            @Schema(examples = "2022-10-03") LocalDate publishedOn) {
    }

    // ------------------------------------------------------------------ bimtek

    @Schema(name = "BimtekStageSchedule", description = "Schedule a bimtek stage.")
    public record ScheduleStageData(
            @NotNull @Min(1) @Max(4) @Schema(description = "Stage 1 to 4.", examples = "1") Integer stage,
            @NotNull @JsonAlias("startDate") @Schema(description = "First day (`startDate` is accepted too, deprecated).", examples = "2022-06-14") LocalDate startsOn,
            @NotNull @JsonAlias("endDate") @Schema(description = "Last day: not before startsOn, a stage spans at most 7 days (`endDate` is accepted too, deprecated).", examples = "2022-06-15") LocalDate endsOn,
            @NotNull @Schema(examples = "OFFLINE") BimtekMode mode,
            @Size(max = 300) @Schema(examples = "Aula Kantor Bupati Sumbawa Barat, Taliwang") String venue,
            @NotEmpty @Size(max = 10) @Schema(description = "The ministry's guides (pembimbing).", examples = "[\"Fitrah Rahmat Kausar\"]")
            List<@NotBlank @Size(max = 150) String> guides,
            @Size(max = 1000) @Schema(description = "What the stage covers; the programme's standard purpose of the stage when absent.")
            String purpose) {
    }

    @Schema(name = "BimtekStageReschedule", description = "New dates, mode, venue or guides of a stage (also to schedule a cancelled stage again).")
    public record RescheduleStageData(
            @NotNull @JsonAlias("startDate") @Schema(description = "First day (`startDate` is accepted too, deprecated).", examples = "2022-06-21") LocalDate startsOn,
            @NotNull @JsonAlias("endDate") @Schema(description = "Last day (`endDate` is accepted too, deprecated).", examples = "2022-06-22") LocalDate endsOn,
            @NotNull @Schema(examples = "HYBRID") BimtekMode mode,
            @Size(max = 300) String venue,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 150) String> guides,
            @Size(max = 1000) String purpose) {
    }

    @Schema(name = "BimtekAttendance", description = "Who attended: the region's OPDs, Dewan Smart City and Tim Pelaksana members, others.")
    public record AttendanceData(
            @Size(max = 200) List<@NotBlank @Size(max = 200) String> opds,
            @Size(max = 100) List<@NotNull @Valid PersonData> dewanMembers,
            @Size(max = 200) List<@NotNull @Valid PersonData> timPelaksanaMembers,
            @Size(max = 200) List<@NotNull @Valid PersonData> others) {
    }

    @Schema(name = "BimtekPerson", description = "A person who attended.")
    public record PersonData(
            @NotBlank @Size(max = 150) @Schema(examples = "H. W. Musyafirin") String name,
            @Size(max = 100) @Schema(examples = "Ketua Dewan Smart City") String role) {
    }

    @Schema(name = "BimtekOutput", description = "A document delivered at a stage.")
    public record OutputData(
            @NotBlank @Size(max = 300) @Schema(examples = "Buku 1: Analisis Strategis") String title,
            @Size(max = 2000) String description) {
    }

    @Schema(name = "BimtekHeld", description = "What a stage delivered, and (if not recorded before) who attended.")
    public record HoldStageData(
            @Valid AttendanceData attendance,
            @Size(max = 30) List<@NotNull @Valid OutputData> outputs,
            @Size(max = 2000) String notes,
            @Schema(description = "When the stage was held, if the source dates it otherwise than by its days (e.g. only "
                    + "its month); it lies within the stage's days. Without it the stage was held on its days "
                    + "(`startsOn`–`endsOn`), which are the act's dates in any case.",
                    examples = "{\"date\": \"2022-06-14\", \"precision\": \"DAY\"}")
            Occurred occurred) {
    }

    @Schema(name = "BimtekCancellation", description = "Why a planned stage does not take place.")
    public record CancelStageData(
            @NotBlank @Size(max = 1000) @Schema(examples = "Bupati berhalangan; dijadwalkan ulang") String reason) {
    }
}
