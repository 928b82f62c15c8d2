package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.ActDates;
import id.kotacerdas.assessment.domain.ResultLetter;
import id.kotacerdas.assessment.domain.ResultLetterNumber;
import id.kotacerdas.assessment.domain.ResultLetterRevision;
import id.kotacerdas.assessment.domain.StateConflictException;
import id.kotacerdas.platform.record.Withdrawal;
import id.kotacerdas.assessment.domain.SelectionEntry;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.repository.ResultLetterRepository;
import id.kotacerdas.assessment.repository.SelectionRepository;
import id.kotacerdas.platform.audit.AuditTrail;
import id.kotacerdas.platform.outbox.Outbox;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.registry.RegionLevel;
import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import io.smallrye.mutiny.Multi;
import id.kotacerdas.assessment.domain.RuleViolationException;
import id.kotacerdas.assessment.domain.SourceList;
import id.kotacerdas.assessment.domain.Track;
import java.util.ArrayList;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Result letters ("Penyampaian Hasil Asesmen") of a cycle's confirmed selection. Issuing takes the next number of the
 * letter date's year in the same transaction, under a write lock on that year's counter ({@link LetterNumbers},
 * shared with the evaluation's letters); recording keeps the number the letter already has (its month and year must
 * be the date's: {@code 422}; a number in use: {@code 409}) and raises the counter to it, so no number is given twice. Each letter is audited and published as
 * {@code ResultLetterIssued}.
 */
@ApplicationScoped
public class ResultLetterService {

    public static final String AUDIT_RESOURCE = "ResultLetter";

    @Inject
    CycleService cycles;

    @Inject
    SelectionRepository selections;

    @Inject
    ResultLetterRepository letters;

    @Inject
    LetterNumbers numbers;

    @Inject
    AuditTrail auditTrail;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    RegionRegistry registry;

    @WithTransaction
    public Uni<ResultLetter> issue(Caller caller, UUID cycleId, LocalDate date, String existingNumber) {
        return Uni.createFrom().item(() -> {
            Occurred.onDay(date).checked("issuedOn", clock);
            return validNumber(existingNumber, date);
        }).chain(given -> cycles.get(caller, cycleId)
                .chain(cycle -> selections.ofCycle(cycleId).chain(selection -> {
            if (selection == null) {
                throw ProblemException.conflict("The cycle is in state " + cycle.state
                        + "; a result letter lists the regions of a confirmed selection.");
            }
            // a letter is not dated before the selection it announces, when that selection was dated by its write
            // (an undated selection was confirmed when recorded: a letter of an earlier day is recorded on it as before)
            Occurred.onDay(date).notBefore("issuedOn", selection.selectedOccurred(), "the selection");
            Uni<ResultLetterNumber> number = given == null
                    ? numbers.next(ResultLetterNumber.ASSESSMENT_RESULT, date, 1).map(next -> next.get(0))
                    : numbers.record(given);
            return selections.entries(selection.id).chain(entries -> number.chain(n -> {
                ResultLetter letter = letter(caller, cycleId, selection.id, selection.programmeYear, n, date,
                        given != null, entries);
                return letters.persist(letter).chain(() -> letters.flush())
                        .chain(() -> auditTrail.record(caller,
                                letter.recorded ? "RESULT_LETTER_RECORDED" : "RESULT_LETTER_ISSUED",
                                AUDIT_RESOURCE, cycleId + "/letters/" + letter.id, null, audited(letter)))
                        .chain(() -> outbox.append(AssessmentEvents.RESULT_LETTER_ISSUED,
                                cycleId.toString(), event(letter, caller)))
                        .replaceWith(letter);
            }));
        })));
    }

    /** A region a recorded letter names. */
    public record NamedRegion(String regionCode, Track track) {
    }

    /**
     * Records a result letter on its own, from its sources (no cycle): its existing number (format and counter rules
     * as for a letter recorded on a cycle), its date, the programme year and the regions it names, each in the registry
     * replica with the track of its level ({@code 422} naming {@code regions[i].regionCode} / {@code .track}).
     * Idempotent by {@code number}. Published as {@code ResultLetterIssued} (origin RECORDED, recorded true, cycleId
     * null, recordId the letter's id; key: the letter's id).
     */
    @WithTransaction
    public Uni<Recorded<ResultLetter>> recordOnItsOwn(Caller caller, String number, LocalDate date, int programmeYear,
            List<NamedRegion> regions, List<Source> sources) {
        List<Violation> violations = regionViolations(regions, "regions");
        violations.addAll(Source.check("sources", sources));
        RecordRules.valid(violations);
        Occurred.onDay(date).checked("issuedOn", clock);
        // the number as the source writes it (B-n or B.n, any AI.nn.nn), kept exactly so: the letter's natural key
        ResultLetterNumber given = LetterNumbers.parseAsWritten(number, date, "number");
        return resolve(regions, "regions").chain(named -> {
                    return letters.byNumber(number).chain(existing -> {
                        if (existing.isPresent()) {
                            ResultLetter l = existing.get();
                            new RecordRules.Comparison("The letter " + l.number, null)
                                    .field("origin", l.origin, Origin.RECORDED)
                                    .field("issuedOn", l.letterDate, date)
                                    .field("programmeYear", l.programmeYear, programmeYear)
                                    .field("regions", l.regions.items(), named)
                                    .field("sources", SourceList.items(l.sources), sources)
                                    .sameOrConflict();
                            return Uni.createFrom().item(Recorded.already(l));
                        }
                        return numbers.record(given).chain(n -> {
                            ResultLetter letter = new ResultLetter();
                            letter.id = UUID.randomUUID();
                            letter.number = number;
                            letter.numberYear = n.year();
                            letter.numberSeq = n.sequence();
                            letter.letterDate = date;
                            letter.programmeYear = programmeYear;
                            letter.regions = new ResultLetter.Regions(named);
                            letter.recorded = true;
                            letter.origin = Origin.RECORDED;
                            letter.sources = new SourceList(sources);
                            letter.createdAt = Revisions.now(clock);
                            letter.createdBy = caller.username();
                            return letters.persist(letter).chain(() -> letters.flush())
                                    .chain(() -> auditTrail.record(caller, "RESULT_LETTER_RECORDED", AUDIT_RESOURCE,
                                            letter.id.toString(), null, audited(letter)))
                                    .chain(() -> outbox.append(AssessmentEvents.RESULT_LETTER_ISSUED,
                                            letter.id.toString(), event(letter, caller)))
                                    .replaceWith(Recorded.created(letter));
                        });
                    });
                });
    }

    /** The violations of the regions a recorded letter names ({@code field}: {@code regions} or {@code changes.regions}). */
    private static List<Violation> regionViolations(List<NamedRegion> regions, String field) {
        List<Violation> violations = new ArrayList<>();
        if (regions == null || regions.isEmpty()) {
            violations.add(new Violation(field, "is required: the regions the letter names"));
        } else {
            for (int i = 0; i < regions.size(); i++) {
                NamedRegion r = regions.get(i);
                if (r == null || r.regionCode() == null || !r.regionCode().matches("^\\d{2}(\\.\\d{2})?$")) {
                    violations.add(new Violation(field + "[" + i + "].regionCode", "must be a Kemendagri code"));
                } else if (r.track() == null) {
                    violations.add(new Violation(field + "[" + i + "].track", "is required"));
                }
            }
        }
        return violations;
    }

    /**
     * The named regions as the registry replica has them, each with the track of its level; a {@code 422} naming
     * {@code <field>[i].regionCode} / {@code .track} otherwise.
     */
    private Uni<List<ResultLetter.Region>> resolve(List<NamedRegion> regions, String field) {
        return Multi.createFrom().iterable(regions).onItem().transformToUniAndConcatenate(r -> registry.current(r.regionCode()))
                .collect().asList().map(found -> {
                    List<Violation> unknown = new ArrayList<>();
                    List<ResultLetter.Region> named = new ArrayList<>();
                    for (int i = 0; i < regions.size(); i++) {
                        var f = found.get(i);
                        if (f.isEmpty() || f.get().administrative()) {
                            unknown.add(new Violation(field + "[" + i + "].regionCode", "no autonomous region has the code "
                                    + regions.get(i).regionCode() + " in the region registry"));
                            continue;
                        }
                        var region = f.get();
                        Track track = region.level() == RegionLevel.PROVINCE ? Track.PROVINCE : Track.KAB_KOTA;
                        if (track != regions.get(i).track()) {
                            unknown.add(new Violation(field + "[" + i + "].track", region.name() + " is in the " + track
                                    + " track"));
                            continue;
                        }
                        named.add(new ResultLetter.Region(region.code(), region.name(), region.provinceCode(), track));
                    }
                    if (!unknown.isEmpty()) {
                        throw new RuleViolationException(unknown);
                    }
                    return named;
                });
    }

    /** The existing number, parsed and checked against the date; null when the letter is to get the next number. */
    static ResultLetterNumber validNumber(String existingNumber, LocalDate date) {
        return LetterNumbers.parse(existingNumber, ResultLetterNumber.ASSESSMENT_RESULT, date, "number");
    }

    @WithSession
    public Uni<List<ResultLetter>> list() {
        return letters.all();
    }

    /** Every letter, withdrawn ones too when asked; newest first. */
    @WithSession
    public Uni<List<ResultLetter>> list(boolean includeWithdrawn) {
        return letters.all(includeWithdrawn);
    }

    /** The fields a correction changes of a recorded letter (null: unchanged), same names and rules as on record. */
    public record LetterChanges(String number, LocalDate date, Integer programmeYear, List<NamedRegion> regions) {
    }

    /** A correction of a recorded letter: why, on what sources, and the fields it changes. */
    public record LetterCorrection(String reason, List<Source> sources, LetterChanges changes) {
    }

    /** The letter to correct or withdraw: there, not withdrawn ({@code 409}). */
    private Uni<ResultLetter> standing(UUID id) {
        return letters.findById(id).map(l -> {
            if (l == null) {
                throw ProblemException.notFound("No result letter has the id " + id + ".");
            }
            if (l.withdrawn()) {
                throw new StateConflictException("WITHDRAWN", "The letter " + l.number + " was withdrawn on "
                        + l.withdrawnAt + "; a withdrawn fact is neither corrected nor withdrawn again.");
            }
            return l;
        });
    }

    private ResultLetterRevision revisionOf(ResultLetter l, Caller caller, java.time.OffsetDateTime at, String reason,
            List<Source> sources) {
        ResultLetterRevision r = new ResultLetterRevision();
        r.id = UUID.randomUUID();
        r.letterId = l.id;
        r.revision = l.revision;
        r.changedAt = at;
        r.changedBy = caller.username();
        r.reason = reason;
        r.sources = new SourceList(sources == null ? List.of() : sources);
        r.value = valueOf(l);
        return r;
    }

    /** A letter's correctable value, as kept in its revisions. */
    static Map<String, Object> valueOf(ResultLetter l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", l.number);
        m.put("date", l.letterDate.toString());
        m.put("programmeYear", l.programmeYear);
        m.put("regions", l.regions.items().stream().map(r -> {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("regionCode", r.regionCode());
            region.put("regionName", r.regionName());
            region.put("provinceCode", r.provinceCode());
            region.put("track", r.track().name());
            return region;
        }).toList());
        m.put("origin", l.origin.name());
        m.put("cycleId", l.cycleId);
        m.put("sources", SourceList.items(l.sources));
        return m;
    }

    /**
     * Corrects a letter recorded on its own (If-Match: its revision): {@code number} (as the source writes it; its
     * MM/YYYY the date's; a running number of the year another letter has is {@code 409}), {@code date},
     * {@code programmeYear}, {@code regions}, checked as on record. A letter of a cycle (LIVE) is not corrected
     * ({@code 409} naming its origin: withdraw it). The earlier value is kept as a revision; audited and published as
     * {@code ResultLetterCorrected} (key: the letter's id).
     */
    @WithTransaction
    public Uni<ResultLetter> correct(Caller caller, UUID id, Long expected, LetterCorrection c) {
        List<Violation> violations = RecordedAssessmentService.reasonAndSources(c.reason(), c.sources(), true);
        LetterChanges ch = c.changes();
        if (ch == null) {
            violations.add(new Violation("changes", "is required: the fields to change (number, date, programmeYear, "
                    + "regions)"));
        } else {
            if (ch.number() == null && ch.date() == null && ch.programmeYear() == null && ch.regions() == null) {
                violations.add(new Violation("changes", "is empty: give at least one of number, date, programmeYear, "
                        + "regions"));
            }
            if (ch.regions() != null) {
                violations.addAll(regionViolations(ch.regions(), "changes.regions"));
            }
            if (ch.programmeYear() != null && (ch.programmeYear() < 2017 || ch.programmeYear() > 2100)) {
                violations.add(new Violation("changes.programmeYear", "must be 2017 to 2100"));
            }
        }
        RecordRules.valid(violations);
        return standing(id).chain(l -> {
            if (l.origin != Origin.RECORDED) {
                throw new StateConflictException(l.origin.name(), "The letter " + l.number + " is a letter of the cycle "
                        + l.cycleId + " (origin " + l.origin + "): a letter issued here is not corrected; withdraw it "
                        + "(and issue another) instead.");
            }
            Revisions.require(expected, l.revision, "result letter");
            LocalDate date = ch.date() == null ? l.letterDate : Occurred.onDay(ch.date()).checked("changes.issuedOn", clock)
                    .firstDay();
            String number = ch.number() == null ? l.number : ch.number();
            ResultLetterNumber parsed = LetterNumbers.parseAsWritten(number, date,
                    ch.number() != null ? "changes.number" : "changes.issuedOn");
            Uni<List<ResultLetter.Region>> regions = ch.regions() == null ? Uni.createFrom().item(l.regions.items())
                    : resolve(ch.regions(), "changes.regions");
            return regions.chain(named -> {
                int programmeYear = ch.programmeYear() == null ? l.programmeYear : ch.programmeYear();
                Map<String, Object> previous = new LinkedHashMap<>();
                Map<String, Object> before = valueOf(l);
                if (!number.equals(l.number)) {
                    previous.put("number", l.number);
                }
                if (!date.equals(l.letterDate)) {
                    previous.put("date", l.letterDate.toString());
                }
                if (programmeYear != l.programmeYear) {
                    previous.put("programmeYear", l.programmeYear);
                }
                if (!named.equals(l.regions.items())) {
                    previous.put("regions", before.get("regions"));
                }
                if (previous.isEmpty()) {
                    RecordRules.valid(List.of(new Violation("changes", "changes nothing: give at least one field with a "
                            + "value other than the recorded one (number, date, programmeYear, regions)")));
                }
                boolean sameRunningNumber = parsed.year() == l.numberYear && parsed.sequence() == l.numberSeq;
                Uni<ResultLetterNumber> kept = number.equals(l.number) ? Uni.createFrom().item(parsed)
                        : letters.byNumber(number).chain(other -> {
                            if (other.isPresent()) {
                                throw ProblemException.conflict("The number " + number + " is another letter's ("
                                        + other.get().id + "); numbers are never reused.");
                            }
                            return sameRunningNumber ? Uni.createFrom().item(parsed) : numbers.record(parsed);
                        });
                return kept.chain(n -> {
                    var now = Revisions.now(clock);
                    String reason = c.reason().strip();
                    ResultLetterRevision rev = revisionOf(l, caller, now, reason, c.sources());
                    l.number = number;
                    l.numberYear = n.year();
                    l.numberSeq = n.sequence();
                    l.letterDate = date;
                    l.programmeYear = programmeYear;
                    l.regions = new ResultLetter.Regions(named);
                    l.revision++;
                    Map<String, Object> after = valueOf(l);
                    after.put("revision", l.revision);
                    after.put("reason", reason);
                    var correction = new AssessmentEvents.Correction(l.revision, reason, List.copyOf(c.sources()), now,
                            previous);
                    AssessmentEvents.ResultLetterIssued issued = event(l, caller);
                    var event = new AssessmentEvents.ResultLetterCorrected(issued.letterId(), issued.number(),
                            issued.date(), issued.cycleId(), issued.selectionId(), issued.programmeYear(),
                            issued.recorded(), issued.regions(), new AssessmentEvents.Actor(caller.subject(),
                                    caller.username()), l.createdAt, issued.occurred(), issued.origin(),
                            issued.recordId(), issued.sources(), correction);
                    return letters.keep(rev).chain(() -> letters.flush())
                            .chain(() -> auditTrail.record(caller, "RESULT_LETTER_CORRECTED", AUDIT_RESOURCE,
                                    l.id.toString(), before, after))
                            .chain(() -> outbox.append(AssessmentEvents.RESULT_LETTER_CORRECTED, l.id.toString(), event))
                            .replaceWith(l);
                });
            });
        });
    }

    /**
     * Withdraws a letter (If-Match: its revision): a recorded one with {@code sources} (required), a letter of a cycle
     * with a reason (sources optional). It stays readable by id, leaves the lists. Audited; published as
     * {@code ResultLetterWithdrawn} (key: as its {@code ResultLetterIssued}).
     */
    @WithTransaction
    public Uni<ResultLetter> withdraw(Caller caller, UUID id, Long expected, Withdrawal w) {
        if (w == null) {
            RecordRules.valid(List.of(new Violation("reason", "is required")));
        }
        return standing(id).chain(l -> {
            boolean recorded = l.origin == Origin.RECORDED;
            RecordRules.valid(RecordedAssessmentService.reasonAndSources(w.reason(), w.sources(), recorded));
            Revisions.require(expected, l.revision, "result letter");
            var now = Revisions.now(clock);
            String reason = w.reason().strip();
            List<Source> sources = w.sources() == null ? List.of() : List.copyOf(w.sources());
            ResultLetterRevision rev = revisionOf(l, caller, now, reason, sources);
            l.revision++;
            l.withdrawnAt = now;
            l.withdrawnBy = caller.username();
            l.withdrawalReason = reason;
            l.withdrawalSources = new SourceList(sources);
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("revision", l.revision);
            after.put("withdrawn", true);
            after.put("reason", reason);
            var event = new AssessmentEvents.ResultLetterWithdrawn(l.id, recorded ? l.id : null, l.number, l.cycleId,
                    l.programmeYear, l.origin, event(l, caller).regions(),
                    new AssessmentEvents.WithdrawalData(l.revision, reason, sources, now));
            return letters.keep(rev).chain(() -> letters.flush())
                    .chain(() -> auditTrail.record(caller, "RESULT_LETTER_WITHDRAWN", AUDIT_RESOURCE, l.id.toString(),
                            valueOf(l), after))
                    .chain(() -> outbox.append(AssessmentEvents.RESULT_LETTER_WITHDRAWN,
                            recorded ? l.id.toString() : l.cycleId.toString(), event))
                    .replaceWith(l);
        });
    }

    /** Every earlier value of a letter, oldest first. */
    @WithSession
    public Uni<List<ResultLetterRevision>> revisions(UUID id) {
        return get(id).chain(l -> letters.revisionsOf(l.id));
    }

    @WithSession
    public Uni<ResultLetter> get(UUID id) {
        return letters.findById(id).map(letter -> {
            if (letter == null) {
                throw ProblemException.notFound("No result letter has the id " + id + ".");
            }
            return letter;
        });
    }

    private ResultLetter letter(Caller caller, UUID cycleId, UUID selectionId, int programmeYear,
            ResultLetterNumber number, LocalDate date, boolean recorded, List<SelectionEntry> entries) {
        ResultLetter letter = new ResultLetter();
        letter.id = UUID.randomUUID();
        letter.number = number.toString();
        letter.numberYear = number.year();
        letter.numberSeq = number.sequence();
        letter.letterDate = date;
        letter.cycleId = cycleId;
        letter.selectionId = selectionId;
        letter.programmeYear = programmeYear;
        letter.regions = new ResultLetter.Regions(entries.stream().filter(e -> e.selected)
                .map(e -> new ResultLetter.Region(e.regionCode, e.regionName, e.provinceCode, e.track)).toList());
        letter.recorded = recorded;
        letter.createdAt = Revisions.now(clock);
        letter.createdBy = caller.username();
        return letter;
    }

    private static Map<String, Object> audited(ResultLetter letter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", letter.number);
        m.put("date", letter.letterDate.toString());
        m.put("selectionId", letter.selectionId);
        m.put("recorded", letter.recorded);
        m.put("regions", letter.regions.items().stream().map(ResultLetter.Region::regionCode).toList());
        return m;
    }

    private static AssessmentEvents.ResultLetterIssued event(ResultLetter letter, Caller caller) {
        return new AssessmentEvents.ResultLetterIssued(letter.id, letter.number, letter.letterDate, letter.cycleId,
                letter.selectionId, letter.programmeYear, letter.recorded,
                letter.regions.items().stream().map(r -> new AssessmentEvents.LetterRegion(r.regionCode(), r.regionName(),
                        r.provinceCode(), r.track().name())).toList(),
                new AssessmentEvents.Actor(caller.subject(), caller.username()), letter.createdAt,
                letter.origin == Origin.RECORDED ? Occurred.onDay(letter.letterDate)
                        : ActDates.ofOwnDay(letter.letterDate, letter.createdAt), letter.origin,
                letter.origin == Origin.RECORDED ? letter.id : null,
                letter.sources == null ? null : letter.sources.items());
    }
}
