package id.kotacerdas.agreement.service;

import id.kotacerdas.agreement.domain.MouDocument;
import id.kotacerdas.agreement.domain.ParticipationMode;
import id.kotacerdas.agreement.domain.ScopeItem;
import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the use cases of {@link MouService} and {@link CeremonyService} are asked to do, in domain terms: the
 * resources map their request bodies to these (the API types stay in {@code rest}).
 */
public final class MouCommands {

    private MouCommands() {
    }

    /**
     * A draft by hand: the region, the year, optionally the cohort it follows, and the ministry's terms; {@code occurred}:
     * when the draft was made, if not now. The same for the other commands' {@code occurred}.
     */
    public record Draft(String regionCode, int programmeYear, String track, UUID cycleId, Terms terms,
            Occurred occurred) {
    }

    /**
     * The ministry's side of the MoU.
     *
     * @param documentName the name the document goes by as written; any alias of the one kind
     */
    public record Terms(String title, String documentName, String firstPartyNumber, MouDocument.Party firstParty,
            MouDocument.Signatory firstPartySignatory, List<MouDocument.Person> witnesses, List<ScopeItem> standardScope,
            List<String> otherScope, Integer validityYears, List<MouDocument.Source> sources, String notes) {
    }

    /** The region's side: its head, its venue and mode, its number, who signs for it, who attends. */
    public record LocalSide(String regionalHeadName, String secondPartyNumber, String localVenue,
            Boolean localVenueKnown, ParticipationMode localMode, MouDocument.Signatory secondPartySignatory,
            List<MouDocument.Person> attendees) {
    }

    /** Exactly one of the two: a national ceremony, or a date of its own. */
    public record Schedule(UUID ceremonyId, LocalDate plannedOn, Occurred occurred) {
    }

    /** The signing date and, unless the terms say, how long it is in force (years, or an end date). */
    public record Signing(LocalDate signedOn, Integer validityYears, LocalDate validUntil) {
    }

    /** An amendment: when it takes effect, why, and what it changes ({@code null}: unchanged). */
    public record Amendment(LocalDate amendedOn, String reason, Integer validityYears, LocalDate validUntil,
            List<ScopeItem> standardScope, List<String> otherScope) {
    }

    public record Termination(LocalDate terminatedOn, String reason) {
    }

    /** {@code sources}: for the withdrawal of a recorded MoU (required there). */
    public record Withdrawal(String reason, Occurred occurred, List<id.kotacerdas.platform.record.Source> sources) {
    }

    /** A national ceremony. */
    public record Ceremony(int programmeYear, String title, LocalDate plannedOn, String host,
            ParticipationMode mode, String venue, String note) {
    }

    /** Which MoUs to schedule into a ceremony: the listed ones, or every draft of the ceremony's programme year. */
    public record CohortSchedule(List<UUID> mouIds, boolean allDrafts, Occurred occurred) {
    }

    /** That a ceremony took place, and on which day. */
    public record CeremonyHeld(LocalDate heldOn, String note) {
    }
}
