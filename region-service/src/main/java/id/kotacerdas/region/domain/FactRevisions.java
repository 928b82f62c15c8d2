package id.kotacerdas.region.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rules by which a timeline entry follows its fact's corrections, withdrawal and cancellation (issue 18 item 3),
 * whatever order and however often their events arrive.
 * <ul>
 * <li>A fact's creation event is revision 1; a {@code …Corrected} event carries the revision it makes
 * ({@code correction.revision}). An entry showing a higher revision than the incoming statement keeps it (a late
 * creation event, an older correction, are ignored); a correction of the same or a higher revision replaces the
 * entry in place; two statements of revision 1 keep the later one ({@link TimelineEntry#supersedes}).</li>
 * <li>A withdrawal or cancellation marks the entry once: the first mark stays (a redelivered or repeated one changes
 * nothing), and a later re-statement of the fact keeps the mark.</li>
 * </ul>
 */
public final class FactRevisions {

    private FactRevisions() {
    }

    /** What to do with an incoming statement of a fact. */
    public enum Decision {
        /** No entry yet: store it. */
        INSERT,
        /** The entry stands (it shows a later revision, or a later statement of the same one). */
        KEEP,
        /** Replace the entry's date, precision, summary and facts in place (its key and marks stay). */
        REPLACE
    }

    /** How an entry stops counting. */
    public enum Mark {
        WITHDRAWN, CANCELLED
    }

    /**
     * @param existing the entry the statement concerns, or {@code null}
     * @param revision the statement's revision (1 for a creation event)
     * @param correction whether the statement is a {@code …Corrected} event
     * @param supersedes whether the statement is later than the entry by instant, event time and id
     */
    public static Decision decide(TimelineEntry existing, int revision, boolean correction, boolean supersedes) {
        if (existing == null) {
            return Decision.INSERT;
        }
        if (existing.revision > revision) {
            return Decision.KEEP;
        }
        if (correction || revision > existing.revision) {
            return Decision.REPLACE;
        }
        return supersedes ? Decision.REPLACE : Decision.KEEP;
    }

    /** Marks the entry as {@code mark} says with {@code value}; {@code false} (nothing changed) if already marked so. */
    public static boolean mark(TimelineEntry entry, Mark mark, Map<String, Object> value) {
        Map<String, Object> copy = new LinkedHashMap<>(value);
        if (mark == Mark.WITHDRAWN) {
            if (entry.withdrawn != null) {
                return false;
            }
            entry.withdrawn = copy;
        } else {
            if (entry.cancelled != null) {
                return false;
            }
            entry.cancelled = copy;
        }
        return true;
    }
}
