package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.Invitation;
import id.kotacerdas.assessment.domain.InvitationStatus;
import id.kotacerdas.assessment.domain.Track;
import id.kotacerdas.platform.registry.RegionLevel;
import id.kotacerdas.platform.record.Origin;
import id.kotacerdas.platform.time.Occurred;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The API types of invitations. */
public final class InvitationViews {

    static final String REGION_CODE = "^\\d{2}(\\.\\d{2})?$";
    static final String REGION_CODE_MESSAGE = "must be a Kemendagri code: PP or PP.KK (digits)";

    private InvitationViews() {
    }

    @Schema(name = "InvitationRequest", description = """
            Whom to invite: either `regionCodes` (Kemendagri codes, current ones) or a `filter` (every autonomous \
            region of a level and/or a province; Jakarta's administrative units are left out).""")
    public record Request(
            @Size(min = 1, max = 552) @Schema(examples = "[\"18.72\", \"51.02\"]")
            List<@NotNull @Size(max = 5) @Pattern(regexp = REGION_CODE, message = REGION_CODE_MESSAGE) String> regionCodes,
            @Valid Filter filter,
            @Schema(description = ApiDocs.OCCURRED_IN) Occurred occurred) {
    }

    @Schema(name = "InvitationFilter", description = "Every autonomous region of this level and/or province.")
    public record Filter(
            @Schema(examples = "KOTA") RegionLevel level,
            @Size(max = 2) @Pattern(regexp = "^\\d{2}$", message = "must be a 2-digit province code") @Schema(examples = "18") String provinceCode) {
    }

    @Schema(name = "Decline", description = "Why the region declines.")
    public record Decline(@NotBlank @Size(max = 1000) @Schema(examples = "The regional head's term ends before the programme year.") String reason) {
    }

    @Schema(name = "Invitation", description = "A region invited to a cycle, with what the region registry said of it.")
    public record View(
            UUID cycleId,
            @Schema(examples = "18.72") String regionCode,
            @Schema(examples = "Kota Metro") String regionName,
            @Schema(examples = "KOTA") String regionLevel,
            @Schema(examples = "18") String provinceCode,
            @Schema(examples = "Lampung") String provinceName,
            Track track,
            InvitationStatus status,
            OffsetDateTime invitedAt, String invitedBy,
            @Schema(description = ApiDocs.OCCURRED_OUT) Occurred occurred,
            @Schema(description = ApiDocs.ORIGIN) Origin origin,
            OffsetDateTime declinedAt, String declinedBy, String declineReason,
            @Schema(description = "Revision, also the ETag.") long revision,
            @Schema(description = "Set when the ministry cancelled the invitation (status CANCELLED); absent otherwise.")
            CycleView.Cancellation cancellation) {

        static View of(Invitation i) {
            return new View(i.cycleId, i.regionCode, i.regionName, i.regionLevel, i.provinceCode, i.provinceName, i.track,
                    i.status, i.invitedAt, i.invitedBy, i.invitedOccurred(), Origin.LIVE, i.declinedAt, i.declinedBy, i.declineReason, i.revision,
                    CycleView.Cancellation.of(i.cancelledAt, i.cancelledBy, i.cancellationReason));
        }
    }

    @Schema(name = "InvitationBatch", description = "The invitations made, and the codes that were invited before (left alone).")
    public record Batch(UUID cycleId, List<View> invited, List<String> alreadyInvited) {
    }

    @Schema(name = "InvitationPage", description = "One page of invitations, by region code.")
    public record Page(List<View> items, int page, int size, long total, long totalPages) {
    }
}
