package id.kotacerdas.agreement.rest;

import id.kotacerdas.agreement.domain.ParticipationMode;
import id.kotacerdas.agreement.domain.ScopeItem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The request bodies of the MoU operations, as the API reads them: every text and list bounded, mapped explicitly
 * ({@link MouMapper}) to the service's commands, so that neither the stored document nor the events change when
 * the API does.
 */
public final class MouRequests {

    static final String REGION_CODE_REGEX = "\\d{2}(\\.\\d{2})?";
    static final String TRACK_REGEX = "[A-Z][A-Z_]{0,29}";

    private MouRequests() {
    }

    @Schema(name = "MouDraftRequest", description = "A draft MoU made by hand (e.g. for a past programme year).")
    public record Draft(
            @NotNull @Size(max = 5) @Pattern(regexp = REGION_CODE_REGEX, message = "must be a Kemendagri code: PP or PP.KK (digits)")
            @Schema(description = "Kemendagri code of the region (pihak kedua).", examples = "19.71")
            String regionCode,
            @NotNull @Min(2017) @Max(2100)
            @Schema(description = "The programme year (the year of bimtek and masterplan, not of the assessment).", examples = "2022")
            Integer programmeYear,
            @Size(max = 30) @Pattern(regexp = TRACK_REGEX, message = "must be upper case letters and _ (e.g. KAB_KOTA, PROVINCE)")
            @Schema(description = "The cohort's track as assessment-service names it: `KAB_KOTA` or `PROVINCE`.", examples = "KAB_KOTA")
            String track,
            @Schema(description = "The assessment cycle that selected the region, where known.")
            UUID cycleId,
            @Valid
            @Schema(description = "The ministry's terms; defaults apply to what is left out.")
            Terms terms,
            @Schema(description = "When the draft was made, if not now (an MoU recorded after the fact): a day, month "
                    + "or year, not in the future, not before 2017. The scheduling and the signing may not be before it.",
                    examples = "{\"date\": \"2022\", \"precision\": \"YEAR\"}")
            Occurred occurred) {
    }

    @Schema(name = "MouTerms", description = """
            The ministry's side of an MoU: title, the Ditjen's number, pihak pertama and who signed for it, \
            witnesses, scope, validity and sources. Left out: the default title, the four standard scope items, \
            pihak pertama `Direktur Jenderal Aplikasi Informatika`.""")
    public record Terms(
            @Size(min = 1, max = 300)
            @Schema(examples = "Nota Kesepakatan tentang Implementasi Gerakan Menuju Kota Cerdas")
            String title,
            @Size(min = 1, max = 60)
            @Schema(description = """
                    The name the document goes by as written; all are one kind (`NOTA_KESEPAKATAN`): Nota Kesepakatan, \
                    Nota Kesepakatan Bersama, MoU, Memorandum of Understanding, Nota Kesepahaman, \
                    Perjanjian Kerja Sama, PKS (case and spacing do not matter).""", examples = "Nota Kesepakatan")
            String documentName,
            @Size(min = 1, max = 150)
            @Schema(description = "The number pihak pertama (the Ditjen) gave the document; unique across all MoUs.",
                    examples = "B-123/DJAI/HK.04.02/04/2022")
            String firstPartyNumber,
            @Valid
            @Schema(description = "Pihak pertama: the Direktur Jenderal Aplikasi Informatika, by name where known.")
            Party firstParty,
            @Valid
            @Schema(description = "Who actually signed for pihak pertama.")
            Signatory firstPartySignatory,
            @Size(max = 20)
            @Schema(description = "Who witnessed the signing (e.g. the Minister, virtually).")
            List<@NotNull @Valid Person> witnesses,
            @Valid
            Scope scope,
            @Min(1) @Max(10)
            @Schema(description = "For how many years from the signing the MoU is in force.", examples = "3")
            Integer validityYears,
            @Size(max = 10)
            @Schema(description = "Where the record comes from (news reports, letters); required when something is recorded as not known.")
            List<@NotNull @Valid Source> sources,
            @Size(max = 2000)
            String notes) {
    }

    @Schema(name = "MouLocalSide", description = """
            The region's side of an MoU, which its own officer may fill in: the regional head's name, the region's \
            number, the local venue and how the region took part, who signed for pihak kedua (with the delegation \
            where someone signed on the head's behalf) and who attended.""")
    public record LocalSide(
            @Size(min = 1, max = 150)
            @Schema(description = "The regional head (pihak kedua) by name; the office follows from the region's level.", examples = "Genius Umar")
            String regionalHeadName,
            @Size(min = 1, max = 150)
            @Schema(description = "The number the region gave the document; unique within the region.", examples = "119/NK/HK/2022")
            String secondPartyNumber,
            @Size(min = 1, max = 300)
            @Schema(description = "Where the region took part in the signing.", examples = "Ruang OR Kantor Wali Kota Pangkal Pinang")
            String localVenue,
            @Schema(description = "`false` when a record of a past signing says explicitly that the venue is not known (then `localVenue` is absent and `sources` in the terms say what is known).")
            Boolean localVenueKnown,
            @Schema(description = "How the region took part.")
            ParticipationMode localMode,
            @Valid
            @Schema(description = "Who actually signed for pihak kedua.")
            Signatory secondPartySignatory,
            @Size(max = 50)
            @Schema(description = "Who attended without signing.")
            List<@NotNull @Valid Person> attendees) {
    }

    @Schema(name = "MouParty", description = "A party: the office, and the office holder's name where known.")
    public record Party(
            @Size(min = 1, max = 150)
            @Schema(examples = "Direktur Jenderal Aplikasi Informatika")
            String position,
            @Size(min = 1, max = 150)
            @Schema(examples = "Semuel Abrijani Pangerapan")
            String name) {
    }

    @Schema(name = "MouSignatory", description = """
            Who actually signed for a party. A known signatory has a name and a position, and `onBehalfOf` when \
            they signed for someone else (a Sekda for the Wali Kota). `known: false` records honestly that the \
            source does not say who signed: then there is no name, `position` may keep what is known, and the \
            terms must name their `sources`.""")
    public record Signatory(
            @Schema(description = "Whether the source says who signed; default true.", defaultValue = "true")
            Boolean known,
            @Size(min = 1, max = 150)
            @Schema(examples = "Radmida Dawam")
            String name,
            @Size(min = 1, max = 150)
            @Schema(examples = "Sekretaris Daerah Kota Pangkal Pinang")
            String position,
            @Size(min = 1, max = 150)
            @Schema(description = "The office signed for, when delegated.", examples = "Wali Kota Pangkal Pinang")
            String onBehalfOf) {
    }

    @Schema(name = "MouPerson", description = "A witness or an attendee.")
    public record Person(
            @NotBlank @Size(max = 150)
            @Schema(examples = "Johnny G. Plate")
            String name,
            @NotBlank @Size(max = 150)
            @Schema(examples = "Menteri Komunikasi dan Informatika")
            String position,
            @Schema(description = "How they took part, where known.")
            ParticipationMode attendance) {
    }

    @Schema(name = "MouScope", description = "What the parties agree to do: standard items by code, and any others.")
    public record Scope(
            @Size(max = 4)
            @Schema(description = """
                    The standard items: `BIMTEK_MASTERPLAN` (bimtek penyusunan Rencana Induk/Masterplan), \
                    `DATA_EXCHANGE_AND_FOSS` (pertukaran data dan perangkat lunak legal/FOSS antar OPD), \
                    `SOSIALISASI_AND_FGD` (sosialisasi dan FGD), `NATIONAL_SERVICES_INTEGRATION` (integrasi antar \
                    OPD melalui layanan nasional).""")
            List<@NotNull ScopeItem> standardItems,
            @Size(max = 20)
            @Schema(description = "Further items in the document's own words.")
            List<@NotBlank @Size(max = 500) String> otherItems) {
    }

    @Schema(name = "MouSource", description = "Where a recorded fact is known from.")
    public record Source(
            @NotBlank @Size(max = 300)
            @Schema(examples = "Metro report 2023: Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City")
            String title,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
            @Schema(examples = "https://beenews.id/kota-tegal-masuk-50-kab-kota-pendampingan-smart-city-kemkominfo")
            String url,
            @Schema(examples = "2022-04-21")
            LocalDate publishedOn) {
    }

    @Schema(name = "MouScheduleRequest", description = "Either a national ceremony or a signing date of its own.")
    public record Schedule(
            @Schema(description = "The national ceremony to sign at.")
            UUID ceremonyId,
            @Schema(description = "The date of a signing of its own.", examples = "2023-02-28")
            LocalDate plannedOn,
            @Schema(description = "When it was scheduled, if not now (recorded after the fact): not in the future, not "
                    + "before 2017, not before the draft. The signing may not be before it.",
                    examples = "{\"date\": \"2023-01\", \"precision\": \"MONTH\"}")
            Occurred occurred) {
    }

    @Schema(name = "MouSigningRequest", description = """
            That the MoU was signed: the date (not after today, not before 2017, not before the draft or the \
            scheduling: their `occurred`, else the day they were recorded) and, unless its terms say, how long it is \
            in force (years, or an end date after the signing). `signedOn` is the act's date: `MouSigned` carries it \
            as `occurred` (DAY).""")
    public record Signing(
            @NotNull
            @Schema(examples = "2022-04-21")
            LocalDate signedOn,
            @Min(1) @Max(10)
            @Schema(examples = "3")
            Integer validityYears,
            @Schema(description = "The last day in force when the document names one; after `signedOn`.", examples = "2025-04-20")
            LocalDate validUntil) {
    }

    @Schema(name = "MouAmendmentRequest", description = "An amendment (adendum): when, why, and the new validity and/or scope.")
    public record Amendment(
            @NotNull
            @Schema(examples = "2024-03-01")
            LocalDate amendedOn,
            @NotBlank @Size(max = 2000)
            @Schema(examples = "Masa berlaku diperpanjang untuk pendampingan implementasi")
            String reason,
            @Min(1) @Max(10)
            @Schema(description = "New validity from the original signing date, in years.", examples = "5")
            Integer validityYears,
            @Schema(description = "New last day in force; after the signing.")
            LocalDate validUntil,
            @Valid
            @Schema(description = "The new scope, replacing the old where given.")
            Scope scope) {
    }

    @Schema(name = "MouTerminationRequest", description = "That a signed MoU was ended early, when and why.")
    public record Termination(
            @NotNull
            @Schema(examples = "2024-06-30")
            LocalDate terminatedOn,
            @NotBlank @Size(max = 2000)
            @Schema(examples = "Disepakati para pihak untuk diakhiri")
            String reason) {
    }

    @Schema(name = "MouWithdrawalRequest", description = "Why a draft or scheduled MoU is dropped.")
    public record Withdrawal(
            @NotBlank @Size(max = 2000)
            @Schema(examples = "Drafted by mistake for the wrong year")
            String reason,
            @Schema(description = "When it was dropped, if not today (recorded after the fact): not in the future, not "
                    + "before 2017, not before the draft or the scheduling. Shown as `stateChangedOn` with its precision.",
                    examples = "{\"date\": \"2022-08\", \"precision\": \"MONTH\"}")
            Occurred occurred,
            @Schema(description = "A recorded MoU (`origin: RECORDED`) only, and required there: what shows that it should "
                    + "never have been recorded (at least one, each with an http(s) `url`).")
            @Size(max = 20) List<id.kotacerdas.platform.record.Source> sources) {
    }
}
