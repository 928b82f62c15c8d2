package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.record.Source;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.Violation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The fields a correction changes of a cohort member, with the same names and rules as when the member is recorded:
 * {@code track}, {@code confidence}, {@code notes}, {@code sources}, {@code occurred}, {@code repeatOfYear}. An absent
 * (null) field is left as it is. {@link #apply} checks them, refuses an empty or no-op change (naming
 * {@code changes}) and returns the changed fields' earlier values.
 */
public record CohortMemberChanges(Track track, String confidence, String notes, List<Source> sources, Occurred occurred,
        Integer repeatOfYear) {

    /** The violations of these changes to {@code m} (empty when they may be applied). */
    public List<Violation> check(CohortMember m, Clock clock) {
        List<Violation> out = new ArrayList<>();
        if (confidence != null && !confidence.equals("confirmed") && !confidence.equals("partial")) {
            out.add(new Violation("changes.confidence", "must be confirmed or partial"));
        }
        if (notes != null && notes.length() > 2000) {
            out.add(new Violation("changes.notes", "must be at most 2000 characters"));
        }
        if (sources != null) {
            Source.check("sources", sources).forEach(v -> out.add(new Violation("changes." + v.field(), v.message())));
        }
        if (repeatOfYear != null && (repeatOfYear < 2017 || repeatOfYear >= m.programmeYear)) {
            out.add(new Violation("changes.repeatOfYear", "must be an earlier programme year (2017 to "
                    + (m.programmeYear - 1) + ")"));
        }
        if (occurred != null) {
            occurred.checked("changes.occurred", clock); // 400 naming changes.occurred
        }
        if (out.isEmpty() && previous(m).isEmpty()) {
            out.add(new Violation("changes", "changes nothing: give at least one field (track, confidence, notes, "
                    + "sources, occurred, repeatOfYear) with a value other than the recorded one"));
        }
        return out;
    }

    /** The changed fields' current values (before the change), in a stable order; empty for a no-op. */
    public Map<String, Object> previous(CohortMember m) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (track != null && track != m.track) {
            out.put("track", m.track.name());
        }
        if (confidence != null && !confidence.equals(m.confidence)) {
            out.put("confidence", m.confidence);
        }
        String givenNotes = notes == null ? null : notes.isBlank() ? "" : notes;
        if (givenNotes != null && !Objects.equals(givenNotes.isEmpty() ? null : givenNotes, m.notes)) {
            out.put("notes", m.notes);
        }
        if (sources != null && !sources.equals(SourceList.items(m.sources))) {
            out.put("sources", SourceList.items(m.sources));
        }
        if (occurred != null && !Objects.equals(occurred.normalized(), m.memberOccurred())) {
            out.put("occurred", m.memberOccurred());
        }
        if (repeatOfYear != null && !repeatOfYear.equals(m.repeatOfYear)) {
            out.put("repeatOfYear", m.repeatOfYear);
        }
        return out;
    }

    /** Applies the (checked) changes to {@code m}; a blank {@code notes} clears them. */
    public void apply(CohortMember m) {
        if (track != null) {
            m.track = track;
        }
        if (confidence != null) {
            m.confidence = confidence;
        }
        if (notes != null) {
            m.notes = notes.isBlank() ? null : notes;
        }
        if (sources != null) {
            m.sources = SourceList.of(sources);
            m.sourceUrl = sources.get(0).url().strip();
        }
        if (occurred != null) {
            m.setMemberOccurred(occurred.normalized());
        }
        if (repeatOfYear != null) {
            m.repeatOfYear = repeatOfYear;
        }
    }

    /** The member's correctable value, as kept in its revisions. */
    public static Map<String, Object> valueOf(CohortMember m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("programmeYear", m.programmeYear);
        out.put("track", m.track.name());
        out.put("regionCode", m.regionCode);
        out.put("regionName", m.regionName);
        out.put("confidence", m.confidence);
        out.put("notes", m.notes);
        out.put("sourceUrl", m.sourceUrl);
        out.put("sources", SourceList.items(m.sources));
        out.put("occurred", m.memberOccurred());
        out.put("repeatOfYear", m.repeatOfYear);
        return out;
    }
}
