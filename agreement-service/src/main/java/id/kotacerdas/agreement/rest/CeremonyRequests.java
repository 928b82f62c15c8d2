package id.kotacerdas.agreement.rest;

import id.kotacerdas.agreement.domain.ParticipationMode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request bodies of the ceremony operations. */
public final class CeremonyRequests {

    private CeremonyRequests() {
    }

    @Schema(name = "MouCeremonyRequest", description = "A national signing ceremony that many MoUs attach to.")
    public record Ceremony(
            @NotNull @Min(2017) @Max(2100)
            @Schema(examples = "2022")
            Integer programmeYear,
            @NotBlank @Size(max = 300)
            @Schema(examples = "Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City 2022")
            String title,
            @NotNull
            @Schema(examples = "2022-04-21")
            LocalDate plannedOn,
            @NotBlank @Size(max = 300)
            @Schema(examples = "Direktorat Jenderal Aplikasi Informatika, Kementerian Komunikasi dan Informatika")
            String host,
            @NotNull
            @Schema(description = "How the ceremony is held.")
            ParticipationMode mode,
            @Size(min = 1, max = 300)
            @Schema(description = "Where the host sits, if anywhere in particular.", examples = "Jakarta")
            String venue,
            @Size(max = 2000)
            String note) {
    }

    @Schema(name = "MouCohortScheduleRequest", description = "Which MoUs to schedule into the ceremony: listed, or every draft of its programme year.")
    public record CohortSchedule(
            @Size(max = 600)
            List<@NotNull UUID> mouIds,
            @Schema(description = "`true`: every DRAFT MoU of the ceremony's programme year.", defaultValue = "false")
            Boolean allDrafts,
            @Schema(description = "When they were scheduled, if not now (recorded after the fact): not in the future, "
                    + "not before 2017, not before any of their drafts. The ceremony may not be held before it.",
                    examples = "{\"date\": \"2022-03\", \"precision\": \"MONTH\"}")
            Occurred occurred) {
    }

    @Schema(name = "MouCeremonyHeldRequest", description = "That the ceremony took place, on which day: not after today, "
            + "not before 2017, not before the draft or the scheduling of any MoU it signs. `heldOn` is the signing's "
            + "date: each `MouSigned` carries it as `occurred` (DAY).")
    public record Held(
            @NotNull
            @Schema(examples = "2022-04-21")
            LocalDate heldOn,
            @Size(max = 2000)
            String note) {
    }
}
