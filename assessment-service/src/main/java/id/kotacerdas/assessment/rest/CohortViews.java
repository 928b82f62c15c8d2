package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.CohortWarnings;
import id.kotacerdas.assessment.domain.ProgrammeStatistics;
import id.kotacerdas.assessment.domain.SourceList;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.service.CohortService;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the cohort and statistics endpoints answer. */
public final class CohortViews {

    private CohortViews() {
    }

    @Schema(description = "What the ministry declared of a cohort (repeats 0: none declared).")
    public record DeclaredView(@Schema(minimum = "0") int size, @Schema(minimum = "0") int repeats, String sourceUrl,
            String note,
            @Schema(description = "The sources recorded with the figures, else `sourceUrl` when it is a web address.")
            List<Source> sources) {

        static DeclaredView of(id.kotacerdas.assessment.domain.DeclaredCohort d) {
            return new DeclaredView(d.size, d.repeats, d.sourceUrl, d.note, sourcesOf(d.sourceUrl, d.sources));
        }
    }

    @Schema(name = "DeclaredFiguresRequest", description = "What the ministry declared of a cohort, from its sources.")
    public record DeclaredRequest(
            @NotNull @Schema(required = true, examples = "KAB_KOTA") Track track,
            @NotNull @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(1000)
            @Schema(required = true, description = "The declared cohort size.", examples = "50") Integer size,
            @NotNull @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(1000)
            @Schema(required = true, description = "How many of them the ministry declared repeats of earlier cohorts "
                    + "(0: none declared); not more than `size`.", examples = "0") Integer repeats,
            @Size(max = 1000) @Schema(description = "What the source says beside the figures.") String note,
            @Schema(required = true, maxItems = 20, description = ApiDocs.SOURCES + " The first url is kept as `sourceUrl`.")
            List<Source> sources) {
    }

    @Schema(name = "DeclaredFigures", description = "The declared figures of one cohort (programme year and track).")
    public record DeclaredFiguresView(@Schema(examples = "2022") int programmeYear, Track track,
            @Schema(examples = "50") int size, @Schema(examples = "0") int repeats, String sourceUrl, String note,
            @Schema(description = ApiDocs.ORIGIN + " Declared figures are always `RECORDED`.") Origin origin,
            List<Source> sources) {

        static DeclaredFiguresView of(id.kotacerdas.assessment.domain.DeclaredCohort d) {
            return new DeclaredFiguresView(d.programmeYear, d.track, d.size, d.repeats, d.sourceUrl, d.note,
                    Origin.RECORDED, sourcesOf(d.sourceUrl, d.sources));
        }
    }

    @Schema(description = "An identified member: imported from a source (`source` IMPORT, `sourceUrl`), selected by "
            + "a confirmed selection of this service (`source` SELECTION, `selectionId`), or selected in a recorded "
            + "past assessment (`source` RECORDED_ASSESSMENT, `selectionId` is then the recorded outcome's id).")
    public record MemberView(@Schema(example = "34.04") String regionCode, String regionName, String regionLevel,
            @Schema(enumeration = { "IMPORT", "SELECTION", "RECORDED_ASSESSMENT" }) String source, String sourceUrl, UUID selectionId,
            @Schema(enumeration = { "confirmed", "partial" }) String confidence, Integer repeatOfYear, String notes,
            @Schema(description = "When the region became a member: " + ApiDocs.OCCURRED_OUT) Occurred occurred,
            @Schema(description = ApiDocs.ORIGIN + " A member from the imported history or recorded from a source is "
                    + "`RECORDED`; a member of a confirmed selection of this service is `LIVE`.") Origin origin,
            @Schema(description = "The member's sources: those recorded with it, else its `sourceUrl` when that is a web "
                    + "address; empty for a member of a selection.") List<Source> sources,
            @Schema(description = "The member's revision (also its ETag), 1 when recorded; null for a member of a "
                    + "selection or of a recorded outcome (corrected through those).") Integer revision,
            @Schema(description = "Present once the member is withdrawn: it then leaves the lists, counts and "
                    + "statistics.") WithdrawnView withdrawn) {

        MemberView(String regionCode, String regionName, String regionLevel, String source, String sourceUrl,
                UUID selectionId, String confidence, Integer repeatOfYear, String notes, Occurred occurred, Origin origin,
                List<Source> sources) {
            this(regionCode, regionName, regionLevel, source, sourceUrl, selectionId, confidence, repeatOfYear, notes,
                    occurred, origin, sources, null, null);
        }

        static MemberView of(id.kotacerdas.assessment.domain.CohortMember m) {
            return new MemberView(m.regionCode, m.regionName, m.regionLevel, "IMPORT", m.sourceUrl, null, m.confidence,
                    m.repeatOfYear, m.notes, m.memberOccurred(), Origin.RECORDED, sourcesOf(m.sourceUrl, m.sources),
                    m.revision, WithdrawnView.of(m));
        }
    }

    @Schema(name = "CohortMemberWithdrawal", description = "When, by whom, why and on what sources a member was withdrawn.")
    public record WithdrawnView(java.time.OffsetDateTime at, String by, String reason, List<Source> sources) {
        static WithdrawnView of(id.kotacerdas.assessment.domain.CohortMember m) {
            return m.withdrawnAt == null ? null
                    : new WithdrawnView(m.withdrawnAt, m.withdrawnBy, m.withdrawalReason, SourceList.items(m.withdrawalSources));
        }
    }

    @Schema(name = "CohortMemberCorrection", description = "A correction of a cohort member: why, on what sources, and "
            + "the fields to change (absent fields stay as they are).")
    public record CorrectionRequest(
            @Schema(examples = "The source names the region in 2022, not 2021", maxLength = 2000) String reason,
            @Schema(maxItems = 20) List<Source> sources, ChangesView changes) {
    }

    @Schema(name = "CohortMemberChanges", description = "The fields to change, with the same names and rules as when a "
            + "member is recorded; a blank `notes` clears them.")
    public record ChangesView(Track track,
            @Schema(enumeration = { "confirmed", "partial" }) String confidence,
            @Schema(maxLength = 2000) String notes, @Schema(maxItems = 20) List<Source> sources,
            Occurred occurred, @Schema(minimum = "2017", maximum = "2100") Integer repeatOfYear) {
        id.kotacerdas.assessment.domain.CohortMemberChanges toChanges() {
            return new id.kotacerdas.assessment.domain.CohortMemberChanges(track, confidence, notes, sources, occurred,
                    repeatOfYear);
        }
    }

    @Schema(name = "CohortMemberRevision", description = "An earlier value of a cohort member.")
    public record RevisionView(int revision, java.time.OffsetDateTime at, String by, String reason, List<Source> sources,
            Map<String, Object> value) {
        static RevisionView of(id.kotacerdas.assessment.domain.CohortMemberRevision r) {
            return new RevisionView(r.revision, r.changedAt, r.changedBy, r.reason, SourceList.items(r.sources), r.value);
        }
    }

    /** The recorded sources, else the single source when it is a web address. */
    static List<Source> sourcesOf(String sourceUrl, SourceList stored) {
        if (stored != null && !stored.items().isEmpty()) {
            return stored.items();
        }
        if (sourceUrl != null && Source.check("source", List.of(new Source(null, sourceUrl, null))).isEmpty()) {
            return List.of(new Source(null, sourceUrl, null));
        }
        return List.of();
    }

    @Schema(name = "CohortMemberRequest", description = "A member of a year's cohort, as a source names it.")
    public record MemberRequest(
            @NotNull @Size(max = 5) @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE)
            @Schema(examples = "52.07") String regionCode,
            @com.fasterxml.jackson.annotation.JsonAlias("source")
            @Size(max = 500) @Schema(description = "The source that names the region as a member: a URL, or the title "
                    + "of the report (the older single form; give it or `sources`, or both); the member answers it as "
                    + "`sourceUrl`. Formerly `source`, still accepted.",
                    examples = "Sumbawa Barat report 2022 (regional news report on the MoU signing)") String sourceUrl,
            @Size(max = 9) @Pattern(regexp = "confirmed|partial") @Schema(description = "`partial` when the source is ambiguous (say why in `notes`); default `confirmed`.",
                    examples = "confirmed") String confidence,
            @Size(max = 2000) String notes,
            @Schema(description = ApiDocs.OCCURRED_IN + " Here: when the region became a member (e.g. its MoU "
                    + "signing or the announcement); `CohortRecorded` carries it.") Occurred occurred,
            @Schema(maxItems = 20, description = ApiDocs.SOURCES + " Required unless the single `sourceUrl` is given; without it "
                    + "the first url is kept as `sourceUrl`.") List<Source> sources) {
    }

    @Schema(name = "CohortWarning", description = """
            What a cohort's figures do not settle, said instead of hidden (the figures are kept as they are): \
            `MORE_MEMBERS_THAN_DECLARED` (more members identified from sources than the ministry declared), \
            `MORE_REPEATS_THAN_DECLARED` (more identified members were members of an earlier year of the track than the \
            declared repeats, so the declared distinct participants may be overcounted), `UNCERTAIN_MEMBERS` (members \
            whose source leaves the membership in doubt: confidence `partial`; cohort read only). Sources that \
            contradict each other about one member are not modelled (a member has one source).""")
    public record WarningView(
            @Schema(enumeration = { CohortWarnings.MORE_MEMBERS_THAN_DECLARED, CohortWarnings.MORE_REPEATS_THAN_DECLARED,
                    CohortWarnings.UNCERTAIN_MEMBERS }, examples = "MORE_REPEATS_THAN_DECLARED") String code,
            @Schema(examples = "2 identified members of the 2019 KAB_KOTA cohort were members of an earlier year of the "
                    + "track; the ministry declared 0 repeats, so its distinct participants may be overcounted by 2.") String message,
            @Schema(description = "The declared figure compared (size or repeats); absent for UNCERTAIN_MEMBERS.", examples = "0") Integer declared,
            @Schema(description = "The identified figure compared; absent for UNCERTAIN_MEMBERS.", examples = "2") Integer identified,
            @Schema(description = "The members concerned (UNCERTAIN_MEMBERS); empty otherwise.", examples = "[\"63.03\"]") List<String> regionCodes) {

        static List<WarningView> of(List<CohortWarnings.Warning> warnings) {
            return warnings.stream().map(w -> new WarningView(w.code(), w.message(), w.declared(), w.identified(),
                    w.regionCodes())).toList();
        }
    }

    @Schema(description = "A cohort: programme year, track, declared figures (null where none), identified members. "
            + "`complete` is false while fewer members are identified than declared: unknown members stay unknown. "
            + "`warnings` says what the figures do not settle (empty when nothing).")
    public record ProgrammeCohortView(@Schema(minimum = "2000", maximum = "2100") int programmeYear, Track track,
            DeclaredView declared, int identifiedMembers, boolean complete, List<MemberView> members,
            @Schema(description = "More members or repeats identified than declared; members on an uncertain source. "
                    + "Repeats: members of an earlier year of the track.") List<WarningView> warnings) {

        static ProgrammeCohortView of(CohortService.Cohort c) {
            return of(c, Set.of());
        }

        /** The cohort, its repeats judged against {@code earlier}: the members of the track's earlier years. */
        static ProgrammeCohortView of(CohortService.Cohort c, Set<String> earlier) {
            List<MemberView> members = new ArrayList<>();
            c.imported().forEach(m -> members.add(MemberView.of(m)));
            c.selected().forEach(r -> members.add(new MemberView((String) r[2], (String) r[3],
                    null, "SELECTION", null, (UUID) r[4], "confirmed", null, null, null, Origin.LIVE, List.of())));
            c.recorded().forEach(r -> members.add(new MemberView(r.regionCode, r.regionName, r.regionLevel,
                    "RECORDED_ASSESSMENT", r.sources.items().get(0).url(), r.id, "confirmed", null, null, r.occurred(),
                    Origin.RECORDED, r.sources.items())));
            var d = c.declared();
            Set<String> codes = new TreeSet<>();
            members.forEach(m -> codes.add(m.regionCode()));
            int repeats = (int) codes.stream().filter(earlier::contains).count();
            List<String> uncertain = c.imported().stream().filter(m -> "partial".equals(m.confidence))
                    .map(m -> m.regionCode).distinct().sorted().toList();
            return new ProgrammeCohortView(c.year(), c.track(),
                    d == null ? null : DeclaredView.of(d), c.identified(),
                    d == null || c.identified() >= d.size, members,
                    WarningView.of(CohortWarnings.of(c.year(), c.track(), d == null ? null : d.size,
                            d == null ? null : d.repeats, c.identified(), repeats, uncertain)));
        }

        /** Every cohort, oldest first, each judged against the members of its track's earlier years. */
        static List<ProgrammeCohortView> all(List<CohortService.Cohort> cohorts) {
            Map<Track, Set<String>> seen = new EnumMap<>(Track.class);
            List<ProgrammeCohortView> out = new ArrayList<>();
            cohorts.stream().sorted(Comparator.comparingInt(CohortService.Cohort::year)).forEach(c -> {
                Set<String> earlier = seen.computeIfAbsent(c.track(), t -> new HashSet<>());
                ProgrammeCohortView view = of(c, Set.copyOf(earlier));
                view.members().forEach(m -> earlier.add(m.regionCode()));
                out.add(view);
            });
            return out;
        }
    }

    @Schema(name = "CohortPage", description = "One page of cohorts, by default oldest programme year first (KAB_KOTA before PROVINCE).")
    public record CohortPage(List<ProgrammeCohortView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static CohortPage of(List<ProgrammeCohortView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new CohortPage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(name = "CohortMemberRevisionPage", description = "One page of a cohort member's earlier values, oldest first.")
    public record RevisionPage(List<RevisionView> items, int page, int size, long total, long totalPages) {
        /** This page of the whole list {@code all}. */
        static RevisionPage of(List<RevisionView> all, id.kotacerdas.platform.web.PageParams paging) {
            return new RevisionPage(paging.slice(all), paging.page, paging.size, all.size(), paging.totalPages(all.size()));
        }
    }

    @Schema(description = "Size, repeats, new participants and cumulative distinct participants (within the track).")
    public record FiguresView(int size, int repeats, int newParticipants, int cumulativeDistinct) {
        static FiguresView of(ProgrammeStatistics.Figures f) {
            return f == null ? null : new FiguresView(f.size(), f.repeats(), f.newParticipants(), f.cumulativeDistinct());
        }
    }

    @Schema(name = "DeclaredBySource", description = "The figures the ministry's source states for the cohort, with that source.")
    public record StatedView(@Schema(description = "Declared cohort size.", examples = "48") int size,
            @Schema(description = "Declared repeats (0: none declared).", examples = "7") int repeats,
            @Schema(description = "Where the ministry declared them.", examples = "https://bekasi.tribunnews.com/2022/04/21/...") String source) {
    }

    @Schema(name = "DerivedFromDeclared", description = "Figures derived here from the declared ones by arithmetic, not stated by a source as such.")
    public record DerivedView(@Schema(description = "Declared size − declared repeats.", examples = "41") int newParticipants,
            @Schema(description = "Σ (declared size − declared repeats) of the track up to this year.", examples = "141") int cumulativeDistinct,
            @Schema(description = "How they are derived.") String rule) {
    }

    @Schema(description = """
            One programme year of a track: as declared by the ministry (null where nothing was declared), as computed \
            from the identified members, and the gap (declared − computed). `declared` keeps its earlier meaning and \
            mixes figures a source states (size, repeats) with figures derived from them (newParticipants, \
            cumulativeDistinct); `declaredBySource` and `derivedFromDeclared` separate them.""")
    public record YearView(int programmeYear, Track track,
            @Schema(description = "As before: size and repeats as declared, newParticipants and cumulativeDistinct "
                    + "derived from them (see `declaredBySource`, `derivedFromDeclared`).") FiguresView declared,
            @Schema(description = "Computed from the identified members.") FiguresView computed, FiguresView gap,
            boolean complete, String declaredSource,
            @Schema(description = "Only what the ministry's source states, with the source; absent where nothing was declared.")
            StatedView declaredBySource,
            @Schema(description = "What is derived from the declared figures; absent where nothing was declared.")
            DerivedView derivedFromDeclared,
            @Schema(description = "More members or repeats identified than declared (empty when none).") List<WarningView> warnings) {

        static final String DERIVED_RULE = "newParticipants = declared size − declared repeats; cumulativeDistinct = "
                + "Σ (declared size − declared repeats) over the track's declared years up to this one";

        static YearView of(ProgrammeStatistics.Year y) {
            var d = y.declared();
            var c = y.computed();
            return new YearView(y.year(), y.track(), FiguresView.of(d), FiguresView.of(c), FiguresView.of(y.gap()),
                    y.complete(), y.declaredSource(),
                    d == null ? null : new StatedView(d.size(), d.repeats(), y.declaredSource()),
                    d == null ? null : new DerivedView(d.newParticipants(), d.cumulativeDistinct(), DERIVED_RULE),
                    WarningView.of(CohortWarnings.of(y.year(), y.track(), d == null ? null : d.size(),
                            d == null ? null : d.repeats(), c.size(), c.repeats(), List.of())));
        }
    }

    @Schema(description = "Share of the province's autonomous kabupaten/kota (region registry) identified as members of "
            + "any cohort, in percent (2 decimals, half up).")
    public record CoverageView(String provinceCode, String provinceName, int kabKota, int joined,
            @Schema(minimum = "0", maximum = "100") BigDecimal sharePercent) {
    }

    public record StatisticsView(List<YearView> years, List<CoverageView> coverage,
            @Schema(description = "Autonomous kabupaten/kota in the registry.") int kabKota, String note) {

        static StatisticsView of(CohortService.Statistics s) {
            return new StatisticsView(s.result().years().stream().map(YearView::of).toList(),
                    s.result().coverage().stream().map(c -> new CoverageView(c.provinceCode(), c.provinceName(),
                            c.kabKota(), c.joined(), c.sharePercent())).toList(),
                    s.kabKota(),
                    "Declared by source (`declaredBySource`): size and repeats as the ministry's source states them. "
                            + "Derived from declared (`derivedFromDeclared`): distinct participants = Σ declared sizes − "
                            + "Σ declared repeats. (`declared` holds both, as before.) Computed: from the "
                            + "identified members (imported with sources, or selected here), a repeat being a member "
                            + "of an earlier year of the track. Coverage is computed (the ministry declares no "
                            + "per-province figures).");
        }
    }
}
