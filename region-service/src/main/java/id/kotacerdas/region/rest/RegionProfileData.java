package id.kotacerdas.region.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The facts a region keeps about itself, for the later programme services to use, as the API reads and writes them
 * (request body of create and replace, {@code profile} of {@link RegionProfileView}). Every part is optional so that
 * a region can fill its profile in step by step; what is given must be valid. Its own type, mapped explicitly
 * ({@link RegionMapper}) to the stored document ({@code domain.ProfileDocument}) and the event payload
 * ({@code messaging.RegionEvents.Profile}): a change here changes neither.
 */
@Schema(name = "RegionProfileData", description = "The facts a region keeps about itself.")
public record RegionProfileData(
        @Valid
        @Schema(description = "The regional head (Bupati, Wali Kota or Gubernur) or the acting head (Penjabat).")
        Official regionalHead,
        @Valid
        @Schema(description = "The Sekretaris Daerah (Sekda), the region's most senior civil servant.")
        Official sekda,
        @Valid
        @Schema(description = "The region's communication and informatics office (Dinas Kominfo), the programme's contact.")
        KominfoContact kominfoContact,
        @Size(max = 10)
        @Schema(description = "The region's RPJMD periods (Rencana Pembangunan Jangka Menengah Daerah, the 5-year regional development plan), oldest first; they must not overlap. Jakarta's administrative units have none.")
        List<@NotNull @Valid RpjmdPeriod> rpjmdPeriods,
        @Valid
        @Schema(description = "The Dewan Smart City, the region's smart city council, set up by a decree (SK) of the regional head.")
        DewanSmartCity dewanSmartCity,
        @Size(max = 300)
        @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL")
        @Schema(description = "The region's smart city website.", examples = "https://smartcity.metrokota.go.id")
        String website) {

    /** A person in office and their term. */
    @Schema(name = "Official", description = "A person in office and the term of office.")
    public record Official(
            @NotBlank @Size(max = 150)
            @Schema(description = "Full name with titles as used officially.", examples = "Drs. H. Wahdi, M.H.")
            String name,
            @NotBlank @Size(max = 100)
            @Schema(description = "The position as titled in the region.", examples = "Wali Kota Metro")
            String position,
            @Schema(description = "First day of the term (YYYY-MM-DD).", examples = "2021-02-26")
            LocalDate termStart,
            @Schema(description = "Last day of the term (YYYY-MM-DD); after termStart.", examples = "2026-02-26")
            LocalDate termEnd) {
    }

    /** The Dinas Kominfo contact. */
    @Schema(name = "KominfoContact", description = "The Dinas Kominfo office and how to reach it.")
    public record KominfoContact(
            @NotBlank @Size(max = 200)
            @Schema(examples = "Dinas Komunikasi dan Informatika Kota Metro")
            String officeName,
            @Size(max = 150)
            @Schema(examples = "Drs. Ahmad Subkhi")
            String headName,
            @Email @Size(max = 150)
            @Schema(examples = "diskominfo@metrokota.go.id")
            String email,
            @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()\\-]{6,30}", message = "must be a phone number (digits, spaces, +, -, parentheses)")
            @Schema(examples = "+62 725 41025")
            String phone,
            @Size(max = 300)
            @Schema(examples = "Jl. AH. Nasution No. 5, Metro Pusat, Kota Metro, Lampung")
            String address) {
    }

    /** One RPJMD period. */
    @Schema(name = "RpjmdPeriod", description = "One RPJMD period and the regional regulation (Perda) that set it.")
    public record RpjmdPeriod(
            @NotNull @Min(2000) @Max(2100)
            @Schema(examples = "2021")
            Integer startYear,
            @NotNull @Min(2000) @Max(2100)
            @Schema(description = "Last year of the period: after startYear and at most 6 years later.", examples = "2026")
            Integer endYear,
            @NotBlank @Size(max = 300)
            @Schema(examples = "Peraturan Daerah Kota Metro Nomor 5 Tahun 2021")
            String regulation) {
    }

    /** The Dewan Smart City and the decree that set it up. */
    @Schema(name = "DewanSmartCity", description = """
            The region's smart city council and the decree (SK) that set it up. Where the record of the SK (a \
            report saying "SK Bupati forming the Dewan Smart City") gives no number or date, leave them out and name \
            the record in `sources`: they are kept as not known, never filled in.""")
    public record DewanSmartCity(
            @Size(min = 1, max = 150) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*", message = "must not be blank")
            @Schema(description = "Number of the decree (Surat Keputusan); absent when not known (then `sources` is required).",
                    examples = "188.45/123/C.2/2023")
            String skNumber,
            @Schema(description = "Date of the decree (YYYY-MM-DD); absent when not known (then `sources` is required).",
                    examples = "2023-03-15")
            LocalDate skDate,
            @Size(max = 100)
            List<@NotNull @Valid Member> members,
            @Size(max = 10)
            @Schema(description = "Where the SK is recorded (a report, a JDIH page); required when its number or date is not known.")
            List<@NotNull @Valid Source> sources) {
    }

    /** A record a fact comes from. */
    @Schema(name = "Source", description = "A record a fact comes from.")
    public record Source(
            @NotBlank @Size(max = 300) @Schema(examples = "Sumbawa Barat report 2022") String title,
            @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            @Schema(examples = "https://jdih.sumbawabaratkab.go.id/") String url) {
    }

    /** A member of the Dewan Smart City. */
    @Schema(name = "DewanMember", description = "A member of the Dewan Smart City.")
    public record Member(
            @NotBlank @Size(max = 150)
            @Schema(examples = "Drs. H. Wahdi, M.H.")
            String name,
            @NotBlank @Size(max = 100)
            @Schema(examples = "Ketua")
            String role) {
    }
}
