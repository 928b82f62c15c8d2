package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.CohortMember;
import id.kotacerdas.assessment.domain.CohortMemberChanges;
import id.kotacerdas.assessment.domain.CohortMemberRevision;
import id.kotacerdas.assessment.domain.StateConflictException;
import id.kotacerdas.platform.record.Withdrawal;
import id.kotacerdas.assessment.domain.DeclaredCohort;
import id.kotacerdas.assessment.domain.ProgrammeStatistics;
import id.kotacerdas.assessment.domain.RecordedAssessment;
import id.kotacerdas.assessment.domain.RuleViolationException;
import id.kotacerdas.assessment.domain.SourceList;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.repository.CohortRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.registry.RegionLevel;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.registry.RegisteredRegion;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The programme's history: recording historical cohorts (members with their sources, and the declared figures) and
 * the statistics of the programme, declared beside computed. Recording is idempotent: a member (year, code) or a
 * declared figure (year, track) already there is left alone; each cohort that gained something is audited and
 * published as {@code CohortRecorded}. Unknown members stay unknown: only what a source names is recorded.
 */
@ApplicationScoped
public class CohortService {

    public static final String AUDIT_RESOURCE = "Cohort";

    @Inject
    CohortRepository cohorts;

    @Inject
    RegionRegistry registry;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** A member as imported. */
    public record MemberRecord(int year, Track track, String regionCode, String regionName, String regionLevel,
            Integer repeatOfYear, String sourceUrl, String confidence, String notes, List<Source> sources) {

        public MemberRecord(int year, Track track, String regionCode, String regionName, String regionLevel,
                Integer repeatOfYear, String sourceUrl, String confidence, String notes) {
            this(year, track, regionCode, regionName, regionLevel, repeatOfYear, sourceUrl, confidence, notes, null);
        }
    }

    /** A declared figure as imported. */
    public record DeclaredRecord(int year, Track track, int size, int repeats, String sourceUrl, String note,
            List<Source> sources) {

        public DeclaredRecord(int year, Track track, int size, int repeats, String sourceUrl, String note) {
            this(year, track, size, repeats, sourceUrl, note, null);
        }
    }

    /** A cohort: what was declared of it and its identified members (imported or selected). */
    public record Cohort(int year, Track track, DeclaredCohort declared, List<CohortMember> imported,
            List<Object[]> selected, List<RecordedAssessment> recorded) {

        public Cohort(int year, Track track, DeclaredCohort declared, List<CohortMember> imported,
                List<Object[]> selected) {
            this(year, track, declared, imported, selected, List.of());
        }

        public int identified() {
            Set<String> codes = new HashSet<>();
            imported.forEach(m -> codes.add(m.regionCode));
            selected.forEach(r -> codes.add((String) r[2]));
            recorded.forEach(r -> codes.add(r.regionCode));
            return codes.size();
        }
    }

    public record Statistics(ProgrammeStatistics.Result result, int kabKota) {
    }

    /** Records what is missing; returns the cohorts (year/track) that gained members or declared figures. */
    @WithTransaction
    public Uni<List<String>> record(Caller caller, List<MemberRecord> members, List<DeclaredRecord> declared) {
        return recordDated(caller, members, declared, null);
    }

    /** As {@link #record}; the members added became members on {@code occurred} (null: when recorded). */
    private Uni<List<String>> recordDated(Caller caller, List<MemberRecord> members, List<DeclaredRecord> declared,
            Occurred occurred) {
        return cohorts.members().chain(existingMembers -> cohorts.declared().chain(existingDeclared -> {
            var now = Revisions.now(clock);
            Set<String> haveMembers = existingMembers.stream().map(m -> m.programmeYear + "/" + m.regionCode)
                    .collect(Collectors.toSet());
            Map<String, DeclaredCohort> haveDeclared = new LinkedHashMap<>();
            existingDeclared.forEach(d -> haveDeclared.put(key(d.programmeYear, d.track), d));
            Map<String, List<CohortMember>> added = new TreeMap<>();
            Map<String, DeclaredCohort> addedDeclared = new TreeMap<>();
            for (MemberRecord r : members) {
                if (haveMembers.add(r.year() + "/" + r.regionCode())) {
                    CohortMember member = member(r, now);
                    member.setMemberOccurred(occurred);
                    added.computeIfAbsent(key(r.year(), r.track()), k -> new ArrayList<>()).add(member);
                }
            }
            for (DeclaredRecord r : declared) {
                String key = key(r.year(), r.track());
                if (!haveDeclared.containsKey(key)) {
                    DeclaredCohort d = declared(r, now);
                    haveDeclared.put(key, d);
                    addedDeclared.put(key, d);
                }
            }
            Set<String> changed = new java.util.TreeSet<>(added.keySet());
            changed.addAll(addedDeclared.keySet());
            List<Object> entities = new ArrayList<>();
            added.values().forEach(entities::addAll);
            entities.addAll(addedDeclared.values());
            if (entities.isEmpty()) {
                return Uni.createFrom().item(List.<String>of());
            }
            Map<String, Integer> identified = new TreeMap<>();
            existingMembers.forEach(m -> identified.merge(key(m.programmeYear, m.track), 1, Integer::sum));
            added.forEach((k, list) -> identified.merge(k, list.size(), Integer::sum));
            return cohorts.persistAll(entities)
                    .chain(() -> Multi.createFrom().iterable(changed).onItem().transformToUniAndConcatenate(key -> {
                        List<CohortMember> newMembers = added.getOrDefault(key, List.of());
                        DeclaredCohort d = haveDeclared.get(key);
                        int known = identified.getOrDefault(key, 0);
                        String[] parts = key.split("/");
                        var event = new AssessmentEvents.CohortRecorded(Integer.parseInt(parts[0]), parts[1],
                                d == null ? null : new AssessmentEvents.DeclaredData(d.size, d.repeats, d.sourceUrl,
                                        d.sources == null ? null : d.sources.items()),
                                known, d == null || known >= d.size,
                                newMembers.stream().map(m -> new AssessmentEvents.CohortMemberData(m.regionCode,
                                        m.regionName, m.regionLevel, m.repeatOfYear, m.sourceUrl, m.confidence, m.id,
                                        m.sources == null ? null : m.sources.items())).toList(),
                                new AssessmentEvents.Actor(caller.subject(), caller.username()), now,
                                newMembers.isEmpty() ? null : occurred, Origin.RECORDED, null, null);
                        Map<String, Object> after = new LinkedHashMap<>();
                        after.put("members", newMembers.stream().map(m -> m.regionCode).toList());
                        if (occurred != null && !newMembers.isEmpty()) {
                            after.put("occurred", occurred);
                        }
                        if (addedDeclared.containsKey(key)) {
                            after.put("declaredSize", d.size);
                            after.put("declaredRepeats", d.repeats);
                            after.put("declaredSource", d.sourceUrl);
                        }
                        return auditTrail.record(caller, "COHORT_RECORDED", AUDIT_RESOURCE, key, null, after)
                                .chain(() -> outbox.append(AssessmentEvents.COHORT_RECORDED, key, event));
                    }).collect().last())
                    .replaceWith(List.copyOf(changed));
        }));
    }

    /**
     * A member the ministry (or the importer) records from its sources (a report naming the region), beside the
     * imported history: the older single {@code source} (a URL or a title) and/or {@code sources} (platform Sources);
     * at least one of them.
     */
    public record SourcedMember(int year, String regionCode, String source, String confidence, String notes,
            Occurred occurred, List<Source> sources) {

        public SourcedMember(int year, String regionCode, String source, String confidence, String notes,
                Occurred occurred) {
            this(year, regionCode, source, confidence, notes, occurred, null);
        }
    }

    /** The violations of a member's sources: one of {@code source} and {@code sources}; each source checked. */
    static List<Violation> sourcesOf(String source, List<Source> sources) {
        boolean single = source != null && !source.isBlank();
        if (!single && (sources == null || sources.isEmpty())) {
            return List.of(new Violation("sourceUrl", "is required unless `sources` is given"),
                    new Violation("sources", "is required: name at least one source of a recorded member (its url), "
                            + "or give the older single `sourceUrl`"));
        }
        return sources == null || sources.isEmpty() ? List.of() : Source.check("sources", sources);
    }

    /**
     * Records one member of a year's cohort from the source that names it: the region's current name and level from
     * the registry, its track from its level, and the earliest earlier year it is already a member of as the repeat.
     * Idempotent by (year, region): the same member again with the same content is answered with the stored one
     * (nothing written); with different content it is a conflict naming the first differing field.
     */
    @WithTransaction
    public Uni<Recorded<CohortMember>> recordMember(Caller caller, SourcedMember r) {
        RecordRules.valid(sourcesOf(r.source(), r.sources()));
        String sourceUrl = r.source() != null && !r.source().isBlank() ? r.source().strip() : r.sources().get(0).url().strip();
        String confidence = r.confidence() == null ? "confirmed" : r.confidence();
        String notes = r.notes() == null || r.notes().isBlank() ? null : r.notes();
        List<Source> sources = r.sources() == null || r.sources().isEmpty() ? null : List.copyOf(r.sources());
        return registry.current(r.regionCode()).chain(found -> {
            Occurred given = r.occurred() == null ? null : r.occurred().checked("occurred", clock);
            if (found.isEmpty()) {
                throw new RuleViolationException(List.of(new Violation("regionCode", "no region has the code " + r.regionCode())));
            }
            var region = found.get();
            if (region.administrative()) {
                throw new RuleViolationException(List.of(new Violation("regionCode", region.name()
                        + " is an administrative unit of DKI Jakarta, not an autonomous region: it cannot take part")));
            }
            Track track = region.level() == RegionLevel.PROVINCE ? Track.PROVINCE : Track.KAB_KOTA;
            // the region's own cohorts only: the duplicate check and the earlier year it repeats
            return cohorts.membersOf(region.code()).chain(existing -> {
                var same = existing.stream().filter(m -> m.programmeYear == r.year()).findFirst();
                if (same.isPresent()) {
                    CohortMember m = same.get();
                    new RecordRules.Comparison(region.name() + " (" + region.code() + ") as a member of the "
                            + r.year() + " cohort", "/api/v1/cohorts/" + r.year() + "/members/" + region.code())
                            .field("sourceUrl", m.sourceUrl, sourceUrl)
                            .field("sources", SourceList.items(m.sources), sourcesAsGiven(m.sources, m.sourceUrl, sources))
                            .field("confidence", m.confidence, confidence)
                            .field("notes", m.notes, notes)
                            .field("occurred", m.memberOccurred(), given)
                            .sameOrConflict();
                    return Uni.createFrom().item(Recorded.already(m));
                }
                Integer repeatOf = existing.stream().filter(m -> m.programmeYear < r.year())
                        .map(m -> m.programmeYear).min(Integer::compare).orElse(null);
                MemberRecord record = new MemberRecord(r.year(), track, region.code(), region.name(), region.level().name(),
                        repeatOf, sourceUrl, confidence, notes, sources);
                return recordDated(caller, List.of(record), List.of(), given).chain(() -> cohorts.membersOf(region.code()))
                        .map(mine -> Recorded.created(
                                mine.stream().filter(m -> m.programmeYear == r.year()).findFirst().orElseThrow()));
            });
        });
    }

    /**
     * The sources given again, as compared with the stored ones: a fact imported with a single url (no sources
     * stored) is the same when the given sources name exactly that url.
     */
    static Object sourcesAsGiven(SourceList stored, String storedUrl, List<Source> given) {
        List<Source> list = given == null ? List.of() : given;
        if (stored == null && (list.isEmpty() || list.stream().map(s -> s == null ? null : s.url()).toList()
                .equals(List.of(storedUrl)))) {
            return List.of();
        }
        return list;
    }

    /** The ministry's (or the importer's) declared figures of a cohort: size and repeats, with their sources. */
    public record DeclaredFigures(int year, Track track, int size, int repeats, String note, List<Source> sources) {
    }

    /**
     * Records what the ministry declared of a cohort (size, repeats) from its sources. Idempotent by (year, track):
     * the same figures again are answered with the stored ones (nothing written); different ones are a conflict naming
     * the first differing field. Published as {@code CohortRecorded} (origin RECORDED) and audited.
     */
    @WithTransaction
    public Uni<Recorded<DeclaredCohort>> recordDeclared(Caller caller, DeclaredFigures f) {
        List<Violation> violations = new ArrayList<>(Source.check("sources", f.sources()));
        if (f.repeats() > f.size()) {
            violations.add(0, new Violation("repeats", "must not exceed size (" + f.size() + ")"));
        }
        RecordRules.valid(violations);
        String note = f.note() == null || f.note().isBlank() ? null : f.note();
        return cohorts.declared().chain(all -> {
            var same = all.stream().filter(d -> d.programmeYear == f.year() && d.track == f.track()).findFirst();
            if (same.isPresent()) {
                DeclaredCohort d = same.get();
                new RecordRules.Comparison("The declared figures of the " + f.year() + " " + f.track() + " cohort",
                        null)
                        .field("size", d.size, f.size())
                        .field("repeats", d.repeats, f.repeats())
                        .field("sources", SourceList.items(d.sources), sourcesAsGiven(d.sources, d.sourceUrl, f.sources()))
                        .field("note", d.note, note)
                        .sameOrConflict();
                return Uni.createFrom().item(Recorded.already(d));
            }
            DeclaredRecord record = new DeclaredRecord(f.year(), f.track(), f.size(), f.repeats(),
                    f.sources().get(0).url().strip(), note, List.copyOf(f.sources()));
            return recordDated(caller, List.of(), List.of(record), null).chain(() -> cohorts.declared())
                    .map(now -> Recorded.created(now.stream()
                            .filter(d -> d.programmeYear == f.year() && d.track == f.track()).findFirst().orElseThrow()));
        });
    }

    /** One member of a year's cohort recorded here (imported or from a source), by its region code. */
    @WithSession
    public Uni<CohortMember> member(int year, String regionCode) {
        return cohorts.membersOf(regionCode).map(list -> list.stream().filter(m -> m.programmeYear == year).findFirst()
                .orElseThrow(() -> ProblemException.notFound("No member " + regionCode + " of the " + year
                        + " cohort is recorded")));
    }

    /** Every cohort known, without withdrawn members. */
    public Uni<List<Cohort>> list() {
        return list(false);
    }

    /** Every cohort known: declared, imported or selected, by programme year and track. */
    @WithSession
    public Uni<List<Cohort>> list(boolean includeWithdrawn) {
        return cohorts.declared().chain(declared -> cohorts.members().chain(imported -> cohorts.selected()
                .chain(selected -> cohorts.recordedSelected().map(recorded -> {
            Map<String, Building> byKey = new TreeMap<>();
            declared.forEach(d -> cohort(byKey, d.programmeYear, d.track).declared = d);
            imported.stream().filter(m -> includeWithdrawn || !m.withdrawn())
                    .forEach(m -> cohort(byKey, m.programmeYear, m.track).imported.add(m));
            selected.forEach(r -> cohort(byKey, (Integer) r[0], (Track) r[1]).selected.add(r));
            // a recorded SELECTED outcome of a region already imported for the year is the same membership: once
            Set<String> importedKeys = imported.stream().filter(m -> !m.withdrawn()).map(m -> m.programmeYear + "/" + m.regionCode)
                    .collect(Collectors.toSet());
            recorded.stream().filter(r -> !importedKeys.contains(r.programmeYear + "/" + r.regionCode))
                    .forEach(r -> cohort(byKey, r.programmeYear, r.track).recorded.add(r));
            return byKey.values().stream().map(b -> new Cohort(b.year, b.track, b.declared, b.imported, b.selected,
                    b.recorded)).toList();
        }))));
    }

    /** A member's correction: why, on what sources, and the fields it changes. */
    public record MemberCorrection(String reason, List<Source> sources, CohortMemberChanges changes) {
    }

    /** The member to correct or withdraw: recorded here, not withdrawn; a member from a recorded outcome is 409. */
    private Uni<CohortMember> writable(int year, String regionCode, Long expected) {
        return cohorts.membersOf(regionCode).chain(list -> {
            var found = list.stream().filter(m -> m.programmeYear == year).findFirst();
            if (found.isPresent()) {
                CohortMember m = found.get();
                if (m.withdrawn()) {
                    throw new StateConflictException("WITHDRAWN", "The member " + regionCode + " of the " + year
                            + " cohort was withdrawn on " + m.withdrawnAt + "; a withdrawn fact is neither corrected nor "
                            + "withdrawn again.");
                }
                Revisions.require(expected, m.revision, "cohort member");
                return Uni.createFrom().item(m);
            }
            return cohorts.recordedSelected().map(recorded -> {
                var outcome = recorded.stream().filter(r -> r.programmeYear == year && r.regionCode.equals(regionCode))
                        .findFirst();
                if (outcome.isPresent()) {
                    throw new StateConflictException("RECORDED_OUTCOME", "The region " + regionCode + " is a member of the "
                            + year + " cohort through its recorded assessment outcome /api/v1/recorded-assessments/"
                            + outcome.get().id + "; correct or withdraw that outcome instead.");
                }
                throw ProblemException.notFound("No member " + regionCode + " of the " + year + " cohort is recorded");
            });
        });
    }

    private CohortMemberRevision revisionOf(CohortMember m, Caller caller, java.time.OffsetDateTime at, String reason,
            List<Source> sources) {
        CohortMemberRevision r = new CohortMemberRevision();
        r.id = UUID.randomUUID();
        r.memberId = m.id;
        r.revision = m.revision;
        r.changedAt = at;
        r.changedBy = caller.username();
        r.reason = reason;
        r.sources = new SourceList(sources);
        r.value = CohortMemberChanges.valueOf(m);
        return r;
    }

    private static List<Violation> reasonAndSources(String reason, List<Source> sources) {
        List<Violation> out = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            out.add(new Violation("reason", "is required"));
        } else if (reason.length() > 2000) {
            out.add(new Violation("reason", "must be at most 2000 characters"));
        }
        out.addAll(Source.check("sources", sources));
        return out;
    }

    /**
     * Corrects a member (If-Match: its revision): the changed fields, checked as on record; the earlier value is kept as
     * a revision; audited and published as {@code CohortMemberCorrected}.
     */
    @WithTransaction
    public Uni<CohortMember> correctMember(Caller caller, int year, String regionCode, Long expected, MemberCorrection c) {
        List<Violation> violations = reasonAndSources(c.reason(), c.sources());
        if (c.changes() == null) {
            violations.add(new Violation("changes", "is required: the fields to change"));
        }
        RecordRules.valid(violations);
        return writable(year, regionCode, expected).chain(m -> {
            RecordRules.valid(c.changes().check(m, clock));
            var now = Revisions.now(clock);
            Map<String, Object> before = CohortMemberChanges.valueOf(m);
            Map<String, Object> previous = c.changes().previous(m);
            CohortMemberRevision rev = revisionOf(m, caller, now, c.reason().strip(), c.sources());
            c.changes().apply(m);
            m.revision++;
            var event = new AssessmentEvents.CohortMemberCorrected(m.programmeYear, m.track.name(), m.regionCode,
                    m.regionName, m.regionLevel, m.repeatOfYear, m.sourceUrl, m.confidence, m.id,
                    SourceList.items(m.sources), m.memberOccurred(), m.notes, Origin.RECORDED,
                    new AssessmentEvents.Correction(m.revision, c.reason().strip(), List.copyOf(c.sources()), now, previous));
            Map<String, Object> after = CohortMemberChanges.valueOf(m);
            after.put("revision", m.revision);
            after.put("reason", c.reason().strip());
            return cohorts.persistAll(List.of(rev))
                    .chain(() -> auditTrail.record(caller, "COHORT_MEMBER_CORRECTED", AUDIT_RESOURCE,
                            year + "/" + regionCode, before, after))
                    .chain(() -> outbox.append(AssessmentEvents.COHORT_MEMBER_CORRECTED, key(m.programmeYear, m.track), event))
                    .replaceWith(m);
        });
    }

    /**
     * Withdraws a member (If-Match: its revision; sources required): it stays readable by id, leaves lists, counts and
     * earlier cohorts; audited and published as {@code CohortMemberWithdrawn}.
     */
    @WithTransaction
    public Uni<CohortMember> withdrawMember(Caller caller, int year, String regionCode, Long expected, Withdrawal w) {
        RecordRules.valid(w == null ? List.of(new Violation("reason", "is required"), new Violation("sources", "is required"))
                : w.check(true));
        return writable(year, regionCode, expected).chain(m -> {
            var now = Revisions.now(clock);
            CohortMemberRevision rev = revisionOf(m, caller, now, w.reason().strip(), w.sources());
            m.revision++;
            m.withdrawnAt = now;
            m.withdrawnBy = caller.username();
            m.withdrawalReason = w.reason().strip();
            m.withdrawalSources = new SourceList(w.sources());
            var event = new AssessmentEvents.CohortMemberWithdrawn(m.programmeYear, m.track.name(), m.regionCode, m.id,
                    new AssessmentEvents.WithdrawalData(m.revision, m.withdrawalReason, List.copyOf(w.sources()), now));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("revision", m.revision);
            after.put("withdrawn", true);
            after.put("reason", m.withdrawalReason);
            return cohorts.persistAll(List.of(rev))
                    .chain(() -> auditTrail.record(caller, "COHORT_MEMBER_WITHDRAWN", AUDIT_RESOURCE,
                            year + "/" + regionCode, CohortMemberChanges.valueOf(m), after))
                    .chain(() -> outbox.append(AssessmentEvents.COHORT_MEMBER_WITHDRAWN, key(m.programmeYear, m.track), event))
                    .replaceWith(m);
        });
    }

    /** Every earlier value of a member, oldest first. */
    @WithSession
    public Uni<List<CohortMemberRevision>> revisions(int year, String regionCode) {
        return member(year, regionCode).chain(m -> cohorts.revisionsOf(m.id));
    }

    @WithSession
    public Uni<Statistics> statistics() {
        return cohorts.declared().chain(declared -> cohorts.identifiedMembers().chain(members -> registry.regions()
                .map(regions -> {
                    Map<String, String> names = new TreeMap<>();
                    Map<String, Integer> kabKota = new TreeMap<>();
                    for (RegisteredRegion r : regions) {
                        if (r.level() == RegionLevel.PROVINCE) {
                            names.put(r.code(), r.name());
                            kabKota.putIfAbsent(r.code(), 0);
                        } else if (r.autonomous()) {
                            kabKota.merge(r.provinceCode(), 1, Integer::sum);
                        }
                    }
                    List<ProgrammeStatistics.Province> provinces = names.entrySet().stream()
                            .map(e -> new ProgrammeStatistics.Province(e.getKey(), e.getValue(), kabKota.get(e.getKey())))
                            .toList();
                    var result = ProgrammeStatistics.compute(declared.stream().map(d -> new ProgrammeStatistics.Declared(
                            d.programmeYear, d.track, d.size, d.repeats, d.sourceUrl)).toList(), members, provinces);
                    return new Statistics(result, provinces.stream().mapToInt(ProgrammeStatistics.Province::kabKota).sum());
                })));
    }

    private static final class Building {
        final int year;
        final Track track;
        DeclaredCohort declared;
        final List<CohortMember> imported = new ArrayList<>();
        final List<Object[]> selected = new ArrayList<>();
        final List<RecordedAssessment> recorded = new ArrayList<>();

        Building(int year, Track track) {
            this.year = year;
            this.track = track;
        }
    }

    private static Building cohort(Map<String, Building> byKey, int year, Track track) {
        return byKey.computeIfAbsent(key(year, track), k -> new Building(year, track));
    }

    static String key(int year, Track track) {
        return year + "/" + track.name();
    }

    private static CohortMember member(MemberRecord r, java.time.OffsetDateTime now) {
        CohortMember m = new CohortMember();
        m.id = UUID.randomUUID();
        m.programmeYear = r.year();
        m.track = r.track();
        m.regionCode = r.regionCode();
        m.regionName = r.regionName();
        m.regionLevel = r.regionLevel();
        m.repeatOfYear = r.repeatOfYear();
        m.sourceUrl = r.sourceUrl();
        m.confidence = r.confidence();
        m.notes = r.notes() == null || r.notes().isBlank() ? null : r.notes();
        m.recordedAt = now;
        m.sources = SourceList.of(r.sources());
        return m;
    }

    private static DeclaredCohort declared(DeclaredRecord r, java.time.OffsetDateTime now) {
        DeclaredCohort d = new DeclaredCohort();
        d.id = UUID.randomUUID();
        d.programmeYear = r.year();
        d.track = r.track();
        d.size = r.size();
        d.repeats = r.repeats();
        d.sourceUrl = r.sourceUrl();
        d.note = r.note() == null || r.note().isBlank() ? null : r.note();
        d.recordedAt = now;
        d.sources = SourceList.of(r.sources());
        return d;
    }
}
