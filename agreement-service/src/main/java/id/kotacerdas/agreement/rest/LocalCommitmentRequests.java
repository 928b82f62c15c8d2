package id.kotacerdas.agreement.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The request body of a local commitment (komitmen bersama). */
public final class LocalCommitmentRequests {

    private LocalCommitmentRequests() {
    }

    @Schema(name = "LocalCommitmentRequest", description = """
            A local commitment (komitmen bersama) signed in the region by the regional head, the Sekda and the \
            heads of named OPDs (Organisasi Perangkat Daerah, the regional government's offices), with date and \
            venue, optionally at the closing of the last bimtek (technical guidance).""")
    public record Commitment(
            @NotNull @Size(max = 5) @Pattern(regexp = MouRequests.REGION_CODE_REGEX, message = "must be a Kemendagri code: PP or PP.KK (digits)")
            @Schema(examples = "52.07")
            String regionCode,
            @Schema(description = "The region's MoU it follows, where known.")
            UUID mouId,
            @Size(min = 1, max = 300)
            @Schema(examples = "Komitmen Bersama Implementasi Masterplan Smart City Kabupaten Sumbawa Barat")
            String title,
            @NotNull
            @Schema(examples = "2022-09-22")
            LocalDate signedOn,
            @NotBlank @Size(max = 300)
            @Schema(examples = "Ruang rapat Kantor Bupati")
            String venue,
            @NotNull @Valid
            @Schema(description = "The regional head who signed.")
            Official regionalHead,
            @NotNull @Valid
            @Schema(description = "The Sekretaris Daerah who signed.")
            Official sekda,
            @NotNull @Size(min = 1, max = 100)
            @Schema(description = "The OPDs that signed, each with its head; the list can be long.")
            List<@NotNull @Valid Opd> opds,
            @Valid
            @Schema(description = "The bimtek session it was signed at, if any.")
            Bimtek bimtek,
            @Size(max = 10)
            @Schema(description = "Where it is known from; required (at least one, each with an http(s) `url`) for a "
                    + "commitment recorded from its sources (`origin: RECORDED`).")
            List<MouRequests.@NotNull @Valid Source> sources,
            @Schema(description = "`LIVE` (left out): recorded as it happens; `RECORDED`: a past commitment entered from its "
                    + "`sources`. The `importer` records only `RECORDED` ones (left out: `RECORDED`).")
            id.kotacerdas.platform.record.Origin origin,
            @Size(max = 2000)
            String notes) {
    }

    @Schema(name = "LocalCommitmentOfficial", description = "A person in office who signed: the office, and the name where the source gives it.")
    public record Official(
            @Size(min = 1, max = 150)
            @Schema(description = "The name, where known (left out rather than guessed).", examples = "Siti Rahmawati, S.Kom.")
            String name,
            @NotBlank @Size(max = 150)
            @Schema(examples = "Bupati Sumbawa Barat")
            String position) {
    }

    @Schema(name = "LocalCommitmentOpd", description = "An OPD that signed, with its head.")
    public record Opd(
            @NotBlank @Size(max = 200)
            @Schema(examples = "Dinas Komunikasi, Informatika dan Statistik")
            String name,
            @Valid
            @Schema(description = "The head of the OPD who signed for it.")
            Official head) {
    }

    @Schema(name = "LocalCommitmentBimtek", description = "The bimtek session the commitment was signed at.")
    public record Bimtek(
            @Min(1) @Max(4)
            @Schema(description = "The bimtek stage (1–4); the commitment is usually signed at the 4th.", examples = "4")
            Integer stage,
            @Schema(description = "The day of the closing; not after the signing.", examples = "2022-09-22")
            LocalDate closingOn,
            @Size(max = 500)
            String note) {
    }

    @Schema(name = "LocalCommitmentCorrection", description = """
            A correction of a local commitment, made in the open (issue 18): why, on what sources (required for a \
            recorded commitment), and the fields to change with the names and rules of its creation (those left out \
            stay as they are).""", requiredProperties = { "reason", "changes" })
    public record Correction(
            @Schema(description = "Why, in a sentence (at most 2000 characters).", examples = "The report names the Sekda")
            @jakarta.validation.constraints.Size(max = 2000) String reason,
            @Schema(description = "What shows the correction: at least one, each with an http(s) `url`; required for a "
                    + "recorded commitment (`origin: RECORDED`).")
            @jakarta.validation.constraints.Size(max = 20) List<id.kotacerdas.platform.record.Source> sources,
            @Valid
            @Schema(description = "The fields to change; at least one, and at least one value must differ.")
            Changes changes) {
    }

    @Schema(name = "LocalCommitmentChanges", description = """
            The fields of a local commitment a correction changes, with the rules of its creation; a list given \
            (`opds`, `sources`) replaces the whole list. `regionCode` and `origin` are not corrected (`400`): withdraw \
            the commitment and record it anew.""")
    public record Changes(
            @Size(max = 5) String regionCode,
            id.kotacerdas.platform.record.Origin origin,
            UUID mouId,
            @Size(min = 1, max = 300) String title,
            @Schema(examples = "2022-09-30") LocalDate signedOn,
            @Size(min = 1, max = 300) String venue,
            @Valid Official regionalHead,
            @Valid Official sekda,
            @Size(min = 1, max = 100) List<@NotNull @Valid Opd> opds,
            @Valid Bimtek bimtek,
            @Size(max = 10) List<id.kotacerdas.platform.record.@NotNull Source> sources,
            @Size(max = 2000) String notes) {
    }
}
