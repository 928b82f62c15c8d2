package id.kotacerdas.region.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * The facts a region keeps about itself as stored: the JSON document in {@code region_profile.data}. Its property
 * names are the stored data's: renaming one needs a migration of the existing rows. The API
 * ({@code rest.RegionProfileData}) and the events ({@code messaging.RegionEvents.Profile}) have types of their own,
 * mapped explicitly, so neither can change what is stored by accident. Unknown stored properties are ignored when
 * read ({@code JsonColumnFormat}).
 */
public record ProfileDocument(
        Official regionalHead,
        Official sekda,
        KominfoContact kominfoContact,
        List<RpjmdPeriod> rpjmdPeriods,
        DewanSmartCity dewanSmartCity,
        String website) {

    /** A person in office and their term. */
    public record Official(String name, String position, LocalDate termStart, LocalDate termEnd) {
    }

    /** The Dinas Kominfo contact. */
    public record KominfoContact(String officeName, String headName, String email, String phone, String address) {
    }

    /** One RPJMD period (Rencana Pembangunan Jangka Menengah Daerah) and the Perda that set it. */
    public record RpjmdPeriod(Integer startYear, Integer endYear, String regulation) {
    }

    /** The Dewan Smart City and the decree (SK) that set it up. */
    /** {@code skNumber} and {@code skDate} are {@code null} when not known; {@code sources} then say where the SK is recorded. */
    public record DewanSmartCity(String skNumber, LocalDate skDate, List<Member> members, List<Source> sources) {
    }

    /** A record a fact comes from. */
    public record Source(String title, String url) {
    }

    /** A member of the Dewan Smart City. */
    public record Member(String name, String role) {
    }
}
