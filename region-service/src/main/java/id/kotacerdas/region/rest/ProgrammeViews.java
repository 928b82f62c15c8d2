package id.kotacerdas.region.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import id.kotacerdas.region.domain.ProgrammeProjection;
import id.kotacerdas.region.domain.ProgrammeStage;
import id.kotacerdas.region.domain.TimelineEntry;
import id.kotacerdas.region.domain.TimelineKind;
import id.kotacerdas.region.service.ProgrammeService;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API's views of the programme timeline, the stage and the dossier, and their mapping from the domain. */
final class ProgrammeViews {

    private ProgrammeViews() {
    }

    @Schema(name = "ProgrammeStatus", description = """
            Where the region stands in the Gerakan Menuju Kota Cerdas programme, derived from the set of facts on its \
            timeline (not from the last event that arrived). `stage` is about `stageProgrammeYear`, the latest \
            programme year the region took part in (or, for a region only assessed so far, its latest assessment's \
            programme year).""")
    record Status(
            @Schema(description = """
                    NOT_IN_PROGRAMME, INVITED, ASSESSED (self-assessment submitted or scored), NOT_SELECTED, SELECTED, \
                    MOU_SIGNED, BIMTEK (a stage of the four held), BIMTEK_COMPLETED, MASTERPLAN_SUBMITTED (also while a \
                    revision is requested), MASTERPLAN_APPROVED, MASTERPLAN_RATIFIED, EVALUATED (a monev result of the \
                    programme year or later), MOU_ENDED (the year's MoU expired or was terminated before ratification).""",
                    examples = "MOU_SIGNED")
            ProgrammeStage stage,
            @Schema(description = "The programme year the stage is about; absent when none is known.", examples = "2023")
            Integer stageProgrammeYear,
            @Schema(description = "Every programme year the region took part in (selected, cohort member, MoU, guided masterplan work), ascending.",
                    examples = "[2023]", maxItems = 100)
            List<Integer> programmeYears) {

        static Status of(ProgrammeService.Status s) {
            return new Status(s.stage(), s.stageYear(), s.programmeYears());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TimelineSource", description = "Where a timeline entry comes from: a consumed event, or region-service's own profile.")
    record Source(
            @Schema(description = "EVENT (a consumed CloudEvent) or PROFILE (the region's own profile).", examples = "EVENT")
            TimelineEntry.SourceKind kind,
            @Schema(description = "Kafka topic of the event.", examples = "kotacerdas.agreement.v1") String topic,
            @Schema(description = "CloudEvent type.", examples = "id.kotacerdas.agreement.MouSigned.v1") String eventType,
            @Schema(description = "CloudEvent id.", examples = "0b6f7c1e-2f7d-4f51-9a43-7d0c55d2a9e1") String eventId,
            @Schema(description = "The event's `ce_time` (when the producer recorded it).", examples = "2023-02-28T04:10:00Z")
            OffsetDateTime eventTime,
            @Schema(description = "Kafka partition.", examples = "1") Integer partition,
            @Schema(description = "Kafka offset.", examples = "42") Long offset,
            @Schema(description = "PROFILE entries: the profile version that says it.", examples = "3") Long profileVersion) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "TimelineEntry", description = "One fact of the region's programme, dated by when it happened (as its event's payload says), not when the event arrived.")
    record Entry(
            @Schema(description = "The day the fact happened (Asia/Jakarta): the act's own date when its write gave one (`occurred`), else the payload's date or instant. For a MONTH entry, the 1st of the month; for a YEAR entry, 1 January of the year.", examples = "2023-02-28")
            LocalDate occurredOn,
            @Schema(description = "The instant, when the payload gives one (INSTANT entries).", examples = "2022-06-03T03:00:00Z")
            OffsetDateTime occurredAt,
            @Schema(description = "INSTANT, DAY, MONTH or YEAR (a historical cohort known only by its year; an act recorded after the fact at the precision its source gives). An act recorded after the fact keeps the instant it was recorded in `facts.recordedAt`.", examples = "DAY")
            TimelineEntry.DatePrecision datePrecision,
            @Schema(description = "What happened.", examples = "MOU_SIGNED")
            TimelineKind kind,
            @Schema(description = "The programme year the fact belongs to, where it names one.", examples = "2023")
            Integer programmeYear,
            @Schema(description = "A short human summary.", examples = "MoU for programme year 2023 signed on 2023-02-28 (VIRTUAL); for the region: unknown")
            String summary,
            @Schema(description = "The salient facts (ids, numbers, dates, mode, signatories — `\"unknown\"` where the record says so, ranks …), as the event gave them.",
                    examples = "{\"mouId\":\"5f0e3c1a-8a4b-4c59-9d4e-2d1f6f0b2a11\",\"signedOn\":\"2023-02-28\",\"mode\":\"VIRTUAL\",\"secondPartySignatory\":\"unknown\"}")
            Map<String, Object> facts,
            Source source,
            @Schema(description = "LIVE (happened in the live workflow) or RECORDED (recorded after the fact from its sources); LIVE for events from before the field existed.",
                    examples = "RECORDED", enumeration = { "LIVE", "RECORDED" })
            String origin,
            @Schema(description = "A recorded fact's sources as its event gives them (platform `Source`: title, url, publishedOn).",
                    maxItems = 20, examples = "[{\"title\":\"Siaran Pers Kominfo\",\"url\":\"https://www.kominfo.go.id/berita\",\"publishedOn\":\"2022-06-03\"}]")
            List<Object> sources,
            @Schema(description = "The fact's revision the entry shows: 1 as created, raised by each correction.", examples = "2")
            Integer revision,
            @Schema(description = "The last correction applied (the entry shows the fact as corrected): `{revision, reason, sources, at, previous}`, `previous` holding the changed fields' earlier values.",
                    examples = "{\"revision\":2,\"reason\":\"The letter's date was mistyped\",\"sources\":[],\"at\":\"2026-12-07T10:00:00Z\",\"previous\":{\"date\":\"2022-06-30\"}}")
            Map<String, Object> corrected,
            @Schema(description = "Present once the fact was withdrawn: `{revision, reason, sources, at}`. Withdrawn entries are left out of the stage, the dossier and the timeline unless `includeWithdrawn=true`.",
                    examples = "{\"revision\":2,\"reason\":\"Recorded for the wrong region\",\"sources\":[],\"at\":\"2026-12-07T10:00:00Z\"}")
            Map<String, Object> withdrawn,
            @Schema(description = "Present once the assessment cycle, invitation or evaluation cycle the fact belongs to was cancelled: `{reason, at, …}`; counted out as a withdrawn entry.",
                    examples = "{\"reason\":\"Cycle opened twice\",\"at\":\"2026-12-07T10:00:00Z\",\"cycleId\":\"3a1f2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b\"}")
            Map<String, Object> cancelled) {

        static Entry of(TimelineEntry e) {
            return new Entry(e.occurredOn, e.occurredAt, e.datePrecision, e.kind, e.programmeYear, e.summary, e.facts,
                    new Source(e.sourceKind, e.sourceTopic, e.sourceType, e.sourceEventId, e.sourceTime, e.sourcePartition,
                            e.sourceOffset, e.profileVersion),
                    e.origin == null ? "LIVE" : e.origin, e.sourceList(), e.revision, e.corrected, e.withdrawn, e.cancelled);
        }
    }

    @Schema(name = "RegionTimeline", description = "A page of a region's programme timeline, oldest fact first, and its current stage.")
    record TimelinePage(
            @Schema(examples = "18.72") String regionCode,
            @Schema(examples = "Kota Metro") String regionName,
            Status programme,
            @Schema(maxItems = 100) List<Entry> items,
            @Schema(description = "Zero-based page number.", examples = "0") int page,
            @Schema(description = "Page size asked for.", examples = "20") int size,
            @Schema(description = "Number of entries on the timeline.", examples = "9") long total,
            @Schema(description = "Number of pages of this size.", examples = "1") long totalPages) {
    }

    @Schema(name = "DossierMou", description = "An MoU (Nota Kesepakatan) of the region as agreement-service's events tell it: the latest state, and the merged fields of its events.")
    record Mou(
            @Schema(examples = "5f0e3c1a-8a4b-4c59-9d4e-2d1f6f0b2a11") UUID mouId,
            @Schema(examples = "2023") Integer programmeYear,
            @Schema(description = "DRAFT, SCHEDULED, SIGNED, EXPIRED, TERMINATED or WITHDRAWN.", examples = "SIGNED") String state,
            @Schema(description = "The MoU's fields as its events gave them (a later event's value replaces an earlier one): title, numbers, signedOn, mode, venue, ceremony, parties, signatories, witnesses, scope, validity, revision, sources …",
                    examples = "{\"signedOn\":\"2023-02-28\",\"mode\":\"VIRTUAL\",\"venue\":{\"name\":\"Kantor Dinas Kominfo Kota Metro\",\"known\":true}}")
            Map<String, Object> details,
            @Schema(description = "`ce_time` of the latest event applied.", examples = "2023-02-28T04:10:00Z") OffsetDateTime updatedAt) {

        static Mou of(ProgrammeProjection.Mou m) {
            return new Mou(m.mouId, m.programmeYear, m.state, m.details, m.lastEventTime);
        }
    }

    @Schema(name = "DossierMasterplan", description = "A masterplan (Rencana Induk Smart City) of the region as masterplan-service's events tell it.")
    record Masterplan(
            @Schema(examples = "8c2d4e6f-1a3b-4c5d-9e7f-0a1b2c3d4e5f") UUID masterplanId,
            @Schema(examples = "2022") Integer programmeYear,
            @Schema(description = "OPENED, SUBMITTED, REVISION_REQUESTED, APPROVED or RATIFIED.", examples = "RATIFIED") String state,
            @Schema(description = "kind, title, origin, mouId, bimtekStages (per stage: dates, mode, venue, guides), bimtekCompletedOn, latestVersion, period, programmes, quickWins, approvedVersion, ratification (instrument PERWALI/PERBUP/PERGUB/PERDA/SK, number, year, date, title) …",
                    examples = "{\"kind\":\"GUIDED\",\"bimtekCompletedOn\":\"2022-09-22\",\"ratification\":{\"instrument\":\"PERBUP\",\"number\":\"25\",\"year\":2022,\"date\":\"2022-12-01\"}}")
            Map<String, Object> details,
            @Schema(description = "`ce_time` of the latest event applied.", examples = "2022-12-01T03:00:00Z") OffsetDateTime updatedAt) {

        static Masterplan of(ProgrammeProjection.Masterplan m) {
            return new Masterplan(m.masterplanId, m.programmeYear, m.state, m.details, m.lastEventTime);
        }
    }

    @Schema(name = "DossierEvaluation", description = "A published evaluation (monev) result of the region.")
    record Evaluation(
            @Schema(examples = "3a1f2b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b") UUID evaluationId,
            @Schema(description = "The evaluation year.", examples = "2023") int year,
            @Schema(description = "The published result: source (COMPUTED or RECORDED), index (0–5), dimensions, pillars, delta, nationalRank, provincialRank, letterNumber, letterIssuedOn, publishedAt.",
                    examples = "{\"source\":\"RECORDED\",\"index\":3.31,\"nationalRank\":22,\"provincialRank\":4,\"letterNumber\":\"B-1003/DJAI/AI.01.04/12/2022\"}")
            Map<String, Object> details) {

        static Evaluation of(ProgrammeProjection.Evaluation e) {
            return new Evaluation(e.evaluationId, e.evaluationYear, renamed(e.details));
        }

        /**
         * The details as kept (from the evaluation's event, whose field is {@code letterDate}) with the letter's day
         * named by the house rule (issue 25): {@code letterIssuedOn}, in the same place.
         */
        static Map<String, Object> renamed(Map<String, Object> kept) {
            if (kept == null || !kept.containsKey("letterDate")) {
                return kept;
            }
            Map<String, Object> details = new java.util.LinkedHashMap<>();
            kept.forEach((k, v) -> details.put("letterDate".equals(k) ? "letterIssuedOn" : k, v));
            return details;
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "RegionDossier", description = """
            Everything the suite knows of one region in one read: the registry entry, its profile, where it stands in \
            the programme, its whole timeline, and its MoUs, masterplans and evaluations — composed by region-service \
            from its own data and what it keeps from the other services' events (no call to another service).""")
    record Dossier(
            RegionView region,
            @Schema(description = "The region's own profile; null when it has none yet.", nullable = true)
            RegionProfileView profile,
            Status programme,
            @Schema(description = "The whole timeline, oldest fact first.", maxItems = 10000) List<Entry> timeline,
            @Schema(maxItems = 1000) List<Mou> mous,
            @Schema(maxItems = 1000) List<Masterplan> masterplans,
            @Schema(maxItems = 1000) List<Evaluation> evaluations) {
    }
}
