package id.kotacerdas.agreement.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * An MoU's text and circumstances as stored: the JSON document in {@code mou.content}. What is queried or must be
 * unique (region, year, state, ceremony, numbers, dates) are columns of {@link Mou}; the rest is here. Its property
 * names are the stored data's: renaming one needs a migration of the existing rows. The API ({@code rest}) and the
 * events ({@code messaging.AgreementEvents}) have types of their own, mapped explicitly.
 *
 * @param title the agreement's title
 * @param documentName the name the document goes by as written ("Nota Kesepakatan", "MoU"...): an alias of
 *     {@link Mou#kind}
 * @param firstParty pihak pertama: the Direktur Jenderal Aplikasi Informatika, by name where known
 * @param secondParty pihak kedua: the regional head (Bupati, Wali Kota, Gubernur), by name where known
 * @param firstPartySignatory who actually signed for pihak pertama
 * @param secondPartySignatory who actually signed for pihak kedua (e.g. the Sekda on behalf of the Wali Kota)
 * @param witnesses who witnessed the signing (e.g. the Minister, virtually)
 * @param attendees who attended without signing
 * @param scope what the parties agree to do
 * @param validityYears for how many years from the signing it is in force; {@code null} when not yet known or when
 *     the document names an end date
 * @param localVenue where the region took part (its own venue at a national ceremony)
 * @param localVenueKnown {@code false} when a record of a past signing says explicitly that the venue is not known
 * @param localMode how the region took part
 * @param sources where what is recorded is known from (news reports, letters), required when something is not known
 * @param notes free remarks
 */
public record MouDocument(
        String title,
        String documentName,
        Party firstParty,
        Party secondParty,
        Signatory firstPartySignatory,
        Signatory secondPartySignatory,
        List<Person> witnesses,
        List<Person> attendees,
        Scope scope,
        Integer validityYears,
        String localVenue,
        Boolean localVenueKnown,
        ParticipationMode localMode,
        List<Source> sources,
        String notes) {

    /** A party of the agreement: the office, and the office holder's name where known. */
    public record Party(String position, String name) {
    }

    /**
     * Who signed for a party. {@code known = false} records honestly that the source does not say who signed (then
     * {@code name} is absent and {@code position} may hold what is known, e.g. "Bupati Sumbawa Barat").
     *
     * @param onBehalfOf the office the signer signed for, when delegated (a Sekda for the Wali Kota)
     */
    public record Signatory(boolean known, String name, String position, String onBehalfOf) {
    }

    /** A witness or an attendee. */
    public record Person(String name, String position, ParticipationMode attendance) {
    }

    /** The standard items and any others. */
    public record Scope(List<ScopeItem> standardItems, List<String> otherItems) {

        /** The four standard items, as the programme's MoUs have them. */
        public static Scope standard() {
            return new Scope(List.of(ScopeItem.values()), List.of());
        }
    }

    /** Where a fact is known from. */
    public record Source(String title, String url, LocalDate publishedOn) {
    }

    public MouDocument withLocalSide(Party secondParty, String localVenue, Boolean localVenueKnown,
            ParticipationMode localMode, Signatory secondPartySignatory, List<Person> attendees) {
        return new MouDocument(title, documentName, firstParty, secondParty, firstPartySignatory, secondPartySignatory,
                witnesses, attendees, scope, validityYears, localVenue, localVenueKnown, localMode, sources, notes);
    }

    public MouDocument withTerms(String title, String documentName, Party firstParty, Signatory firstPartySignatory,
            List<Person> witnesses, Scope scope, Integer validityYears, List<Source> sources, String notes) {
        return new MouDocument(title, documentName, firstParty, secondParty, firstPartySignatory, secondPartySignatory,
                witnesses, attendees, scope, validityYears, localVenue, localVenueKnown, localMode, sources, notes);
    }

    public MouDocument withValidityYears(Integer years) {
        return new MouDocument(title, documentName, firstParty, secondParty, firstPartySignatory, secondPartySignatory,
                witnesses, attendees, scope, years, localVenue, localVenueKnown, localMode, sources, notes);
    }

    public MouDocument withScope(Scope newScope) {
        return new MouDocument(title, documentName, firstParty, secondParty, firstPartySignatory, secondPartySignatory,
                witnesses, attendees, newScope, validityYears, localVenue, localVenueKnown, localMode, sources, notes);
    }

    public List<Source> sourcesOrEmpty() {
        return sources == null ? List.of() : sources;
    }
}
