package id.kotacerdas.masterplan.rest;

import id.kotacerdas.masterplan.domain.Masterplan;
import id.kotacerdas.masterplan.domain.MasterplanRecord;
import id.kotacerdas.masterplan.domain.RatificationInstrument;
import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The record-from-source body to the domain's {@link MasterplanRecord}, with the rules that span its fields: sources
 * required (platform {@link Source#check}), a plan of the programme has its programme year (not before 2017), each
 * {@code …Known} flag agrees with its value, the instrument's name stands for a kind, and a self-made plan recorded
 * without a programme year has its number (its key). All violations in one {@code 400}.
 */
final class RecordMapper {

    private RecordMapper() {
    }

    static MasterplanRecord toRecord(RecordRequests.RecordedMasterplanData body) {
        List<Violation> problems = new ArrayList<>(Source.check("sources", body.sources()));
        boolean selfMade = body.selfMade();
        if (!selfMade && body.programmeYear() == null) {
            problems.add(new Violation("programmeYear", "is required for a plan of the programme (selfMade false)"));
        } else if (!selfMade && body.programmeYear() < Occurred.PROGRAMME_START.getYear()) {
            problems.add(new Violation("programmeYear", "a plan of the programme is not before "
                    + Occurred.PROGRAMME_START.getYear() + " (a region's own earlier plan is selfMade)"));
        }
        RecordRequests.RecordedRatificationData r = body.ratification();
        known(problems, "instrument", r.instrument(), r.instrumentKnown());
        known(problems, "number", r.number(), r.numberKnown());
        known(problems, "occurred", r.occurred(), r.dateKnown(), "dateKnown");
        RatificationInstrument instrument = null;
        if (r.instrument() != null && !r.instrument().isBlank()) {
            instrument = RatificationInstrument.resolve(r.instrument()).orElse(null);
            if (instrument == null) {
                problems.add(new Violation("ratification.instrument", "\"" + r.instrument()
                        + "\" is no instrument kind; accepted: " + String.join(", ", RatificationInstrument.acceptedNames())));
            }
        }
        if (selfMade && body.programmeYear() == null && r.number() == null) {
            problems.add(new Violation("ratification.number", "is required for a self-made plan recorded without a "
                    + "programmeYear: it identifies the plan"));
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    String.join("; ", problems.stream().map(v -> v.field() + ": " + v.message()).toList()), problems,
                    Map.of());
        }
        return new MasterplanRecord(body.regionCode(), body.programmeYear(), selfMade, blankToNull(body.title()),
                instrument, instrument == null ? null : r.instrument().strip(), r.number(), r.occurred(),
                sources(body.sources()));
    }

    static List<Masterplan.Source> sources(List<Source> sources) {
        return sources == null ? List.of()
                : sources.stream().map(s -> new Masterplan.Source(s.title(), s.url().strip(), s.publishedOn())).toList();
    }

    static List<Masterplan.Source> sourcesOrEmpty(List<Source> sources) {
        return sources == null ? List.of() : sources.stream().filter(s -> s != null && s.url() != null)
                .map(s -> new Masterplan.Source(s.title(), s.url().strip(), s.publishedOn())).toList();
    }

    private static void known(List<Violation> problems, String field, Object value, Boolean known) {
        known(problems, field, value, known, field + "Known");
    }

    /** A {@code …Known} flag left out is inferred from the value; given, it must agree with it. */
    private static void known(List<Violation> problems, String field, Object value, Boolean known, String flag) {
        if (known == null) {
            return;
        }
        if (known && value == null) {
            problems.add(new Violation("ratification." + field, "is required when ratification." + flag + " is true"));
        } else if (!known && value != null) {
            problems.add(new Violation("ratification." + flag, "is false but ratification." + field
                    + " is given: an unknown fact is null, never invented"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
