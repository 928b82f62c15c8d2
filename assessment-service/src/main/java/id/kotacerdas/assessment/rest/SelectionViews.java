package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.SelectionEntry;
import id.kotacerdas.assessment.domain.SelectionOutcome;
import id.kotacerdas.assessment.domain.Track;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.time.Occurred;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API types of the selection. */
public final class SelectionViews {

    private SelectionViews() {
    }

    @Schema(name = "SelectionConfirmation", description = "Confirms the proposal, with optional adjustments (each with a reason).")
    public record Request(@Size(max = 552) List<@NotNull @Valid AdjustmentBody> adjustments,
            @Schema(description = ApiDocs.OCCURRED_IN + " Selected not before the cycle's last scoring; "
                    + "`RegionSelected` and `RegionNotSelected` carry it.") Occurred occurred) {
    }

    @Schema(name = "SelectionAdjustment", description = "Selects a region the proposal left out, or leaves out one it selected.")
    public record AdjustmentBody(
            @NotNull @Size(max = 5) @Pattern(regexp = InvitationViews.REGION_CODE, message = InvitationViews.REGION_CODE_MESSAGE)
            @Schema(examples = "51.02") String regionCode,
            @NotNull @Schema(examples = "true") Boolean selected,
            @NotBlank @Size(max = 1000) @Schema(examples = "Regional balance: no region of Bali in the proposal.") String reason) {
    }

    @Schema(name = "SelectionDecision", description = "What the proposal or the selection decided for one region, and why.")
    public record DecisionView(@Schema(examples = "18.72") String regionCode, @Schema(examples = "Kota Metro") String regionName,
            @Schema(examples = "18") String provinceCode, Track track, Integer rank, BigDecimal score, boolean selected,
            SelectionOutcome outcome, String reason) {
    }

    @Schema(name = "SelectionProposal", description = "The system's proposal: the top of each track within the seats and the maximum per province.")
    public record ProposalView(UUID cycleId, CycleRequest.QuotasBody quotas, List<DecisionView> decisions,
            List<String> unscored) {
    }

    @Schema(name = "EarlierCohort", description = "A cohort the region belonged to before.")
    public record CohortView(@Schema(examples = "2018") int programmeYear, Track track,
            @Schema(examples = "assessment-service selection") String source) {
    }

    @Schema(name = "SelectionEntry", description = "The confirmed decision for one region; a selected region says whether it is a repeat.")
    public record EntryView(String regionCode, String regionName, String provinceCode, Track track, Integer rank,
            BigDecimal score, boolean selected, SelectionOutcome outcome, String reason, boolean repeat,
            List<CohortView> repeatOf) {

        static EntryView of(SelectionEntry e) {
            List<CohortView> cohorts = e.earlierCohorts().stream().map(c -> new CohortView(c.programmeYear(), c.track(), c.source()))
                    .toList();
            return new EntryView(e.regionCode, e.regionName, e.provinceCode, e.track, e.rank, e.score, e.selected,
                    e.outcome, e.reason, !cohorts.isEmpty(), cohorts);
        }
    }

    @Schema(name = "Selection", description = "The confirmed selection of a cycle: the cohort of its programme year.")
    public record View(UUID id, UUID cycleId, @Schema(examples = "2023") int programmeYear,
            CycleRequest.FrameworkRef framework, OffsetDateTime confirmedAt, String confirmedBy,
            @Schema(description = "When the selection happened: " + ApiDocs.OCCURRED_OUT) Occurred occurred,
            @Schema(description = ApiDocs.ORIGIN) Origin origin,
            @Schema(examples = "50") long selectedKabKota, @Schema(examples = "2") long selectedProvinces,
            List<EntryView> entries) {
    }
}
