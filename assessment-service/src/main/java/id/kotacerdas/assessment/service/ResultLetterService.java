package id.kotacerdas.assessment.service;

import id.kotacerdas.assessment.domain.ActDates;
import id.kotacerdas.assessment.domain.ResultLetter;
import id.kotacerdas.assessment.domain.ResultLetterNumber;
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
            Occurred.onDay(date).checked("date", clock);
            return validNumber(existingNumber, date);
        }).chain(given -> cycles.get(caller, cycleId)
                .chain(cycle -> selections.ofCycle(cycleId).chain(selection -> {
            if (selection == null) {
                throw ProblemException.conflict("The cycle is in state " + cycle.state
                        + "; a result letter lists the regions of a confirmed selection.");
            }
            // a letter is not dated before the selection it announces, when that selection was dated by its write
            // (an undated selection was confirmed when recorded: a letter of an earlier day is recorded on it as before)
            Occurred.onDay(date).notBefore("date", selection.selectedOccurred(), "the selection");
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
        List<Violation> violations = new ArrayList<>();
        if (regions == null || regions.isEmpty()) {
            violations.add(new Violation("regions", "is required: the regions the letter names"));
        } else {
            for (int i = 0; i < regions.size(); i++) {
                NamedRegion r = regions.get(i);
                if (r == null || r.regionCode() == null || !r.regionCode().matches("^\\d{2}(\\.\\d{2})?$")) {
                    violations.add(new Violation("regions[" + i + "].regionCode", "must be a Kemendagri code"));
                } else if (r.track() == null) {
                    violations.add(new Violation("regions[" + i + "].track", "is required"));
                }
            }
        }
        violations.addAll(Source.check("sources", sources));
        RecordRules.valid(violations);
        Occurred.onDay(date).checked("date", clock);
        // the number as the source writes it (B-n or B.n, any AI.nn.nn), kept exactly so: the letter's natural key
        ResultLetterNumber given = LetterNumbers.parseAsWritten(number, date, "number");
        return Multi.createFrom().iterable(regions).onItem().transformToUniAndConcatenate(r -> registry.current(r.regionCode()))
                .collect().asList().chain(found -> {
                    List<Violation> unknown = new ArrayList<>();
                    List<ResultLetter.Region> named = new ArrayList<>();
                    for (int i = 0; i < regions.size(); i++) {
                        var f = found.get(i);
                        if (f.isEmpty() || f.get().administrative()) {
                            unknown.add(new Violation("regions[" + i + "].regionCode", "no autonomous region has the code "
                                    + regions.get(i).regionCode() + " in the region registry"));
                            continue;
                        }
                        var region = f.get();
                        Track track = region.level() == RegionLevel.PROVINCE ? Track.PROVINCE : Track.KAB_KOTA;
                        if (track != regions.get(i).track()) {
                            unknown.add(new Violation("regions[" + i + "].track", region.name() + " is in the " + track
                                    + " track"));
                            continue;
                        }
                        named.add(new ResultLetter.Region(region.code(), region.name(), region.provinceCode(), track));
                    }
                    if (!unknown.isEmpty()) {
                        throw new RuleViolationException(unknown);
                    }
                    return letters.byNumber(number).chain(existing -> {
                        if (existing.isPresent()) {
                            ResultLetter l = existing.get();
                            new RecordRules.Comparison("The letter " + l.number, null)
                                    .field("origin", l.origin, Origin.RECORDED)
                                    .field("date", l.letterDate, date)
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

    /** The existing number, parsed and checked against the date; null when the letter is to get the next number. */
    static ResultLetterNumber validNumber(String existingNumber, LocalDate date) {
        return LetterNumbers.parse(existingNumber, ResultLetterNumber.ASSESSMENT_RESULT, date, "number");
    }

    @WithSession
    public Uni<List<ResultLetter>> list() {
        return letters.all();
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
