package id.kotacerdas.agreement.messaging;

import id.kotacerdas.agreement.domain.LocalCommitment;
import id.kotacerdas.agreement.domain.Mou;
import id.kotacerdas.agreement.domain.MouCeremony;
import id.kotacerdas.agreement.domain.MouDocument;
import id.kotacerdas.agreement.domain.MouState;
import id.kotacerdas.agreement.domain.RecordSources;
import id.kotacerdas.agreement.domain.RecordedSigning;
import id.kotacerdas.agreement.domain.Validity;
import id.kotacerdas.agreement.messaging.AgreementEvents.Actor;
import id.kotacerdas.platform.security.Caller;
import id.kotacerdas.platform.time.Occurred;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

/** The stored MoU and commitment to the event payloads, field by field (the event contract is not the storage format). */
public final class AgreementEventMapper {

    /** The actor of changes nobody asked for (the expiry check). */
    public static final Actor SYSTEM = new Actor("system", "system");

    private AgreementEventMapper() {
    }

    public static Actor actor(Caller caller) {
        return caller == null ? SYSTEM : new Actor(caller.subject(), caller.username());
    }

    public static AgreementEvents.MouDrafted drafted(Mou m, Caller caller) {
        MouDocument d = m.content;
        return new AgreementEvents.MouDrafted(m.id, m.regionCode, m.regionName, m.regionLevel, m.provinceCode,
                m.programmeYear, m.origin, m.track, m.cycleId, m.draftedFrom, d.title(), party(d.firstParty()), party(d.secondParty()),
                m.draftedGiven(), actor(caller), m.createdAt);
    }

    public static AgreementEvents.MouScheduled scheduled(Mou m, MouCeremony ceremony, Occurred occurred, Caller caller,
            OffsetDateTime at) {
        return new AgreementEvents.MouScheduled(m.id, m.regionCode, m.regionName, m.programmeYear, m.origin, ceremony(ceremony),
                m.plannedOn, occurred, actor(caller), at);
    }

    public static AgreementEvents.MouSigned signed(Mou m, MouCeremony ceremony, Caller caller, OffsetDateTime at) {
        MouDocument d = m.content;
        return new AgreementEvents.MouSigned(m.id, m.regionCode, m.regionName, m.regionLevel, m.provinceCode,
                m.programmeYear, m.origin, m.kind, d.title(), numbers(m), m.recordedNumber, m.numberKnown,
                m.recordedCeremony, m.signedOn, d.localMode(),
                new AgreementEvents.Venue(d.localVenue(), !Boolean.FALSE.equals(d.localVenueKnown())),
                ceremony(ceremony), party(d.firstParty()), party(d.secondParty()), signatory(d.firstPartySignatory()),
                signatory(d.secondPartySignatory()), persons(d.witnesses()), scope(d.scope()), validity(m.validity()),
                m.revision, d.sourcesOrEmpty().stream().map(AgreementEventMapper::source).toList(),
                m.signed(), actor(caller), at);
    }

    /** The corrected MoU as it now stands, with the correction; {@code before}: its record before it. */
    public static AgreementEvents.MouRecordCorrected corrected(Mou m, RecordedSigning before, String reason,
            List<MouDocument.Source> sources, Caller caller, OffsetDateTime at) {
        AgreementEvents.MouSigned s = signed(m, null, caller, at);
        RecordedSigning now = RecordedSigning.of(m);
        boolean dateChanged = !java.util.Objects.equals(before.signedOn(), now.signedOn());
        AgreementEvents.Previous previous = new AgreementEvents.Previous(
                dateChanged ? before.signedOn().firstDay() : null, dateChanged ? before.signedOn() : null,
                java.util.Objects.equals(before.number(), now.number()) ? null : before.number(),
                before.numberKnown() == now.numberKnown() ? null : before.numberKnown(),
                java.util.Objects.equals(before.ceremony(), now.ceremony()) ? null : before.ceremony(),
                before.sources().equals(now.sources()) ? null : before.sources().stream().map(AgreementEventMapper::source).toList());
        return new AgreementEvents.MouRecordCorrected(s.mouId(), s.regionCode(), s.regionName(), s.level(),
                s.provinceCode(), s.programmeYear(), s.origin(), s.kind(), s.title(), s.numbers(), s.number(),
                s.numberKnown(), s.recordedCeremony(), s.signedOn(), s.mode(), s.venue(), s.ceremony(), s.firstParty(),
                s.secondParty(), s.firstPartySignatory(), s.secondPartySignatory(), s.witnesses(), s.scope(),
                s.validity(), s.revision(), s.sources(), s.occurred(),
                new AgreementEvents.Correction(m.revision, reason, sources.stream().map(AgreementEventMapper::source).toList(),
                        at, previous),
                actor(caller), at);
    }

    public static AgreementEvents.MouRecordWithdrawn recordWithdrawn(Mou m, Caller caller) {
        return new AgreementEvents.MouRecordWithdrawn(m.id, m.regionCode, m.programmeYear, m.origin,
                new AgreementEvents.RecordWithdrawal(m.revision, m.withdrawnReason,
                        RecordSources.itemsOf(m.withdrawnSources).stream().map(AgreementEventMapper::source).toList(), m.withdrawnAt),
                actor(caller), m.withdrawnAt);
    }

    public static AgreementEvents.MouAmended amended(Mou m, LocalDate amendedOn, String reason, Caller caller,
            OffsetDateTime at) {
        return new AgreementEvents.MouAmended(m.id, m.regionCode, m.programmeYear, m.origin, m.revision, amendedOn, reason,
                numbers(m), scope(m.content.scope()), validity(m.validity()), Occurred.onDay(amendedOn), actor(caller), at);
    }

    public static AgreementEvents.MouExpired expired(Mou m, LocalDate expiredOn, OffsetDateTime at) {
        return new AgreementEvents.MouExpired(m.id, m.regionCode, m.programmeYear, m.origin, validity(m.validity()), expiredOn, at);
    }

    public static AgreementEvents.MouTerminated terminated(Mou m, Caller caller, OffsetDateTime at) {
        return new AgreementEvents.MouTerminated(m.id, m.regionCode, m.programmeYear, m.origin, m.stateChangedOn, m.stateReason,
                validity(m.validity()), Occurred.onDay(m.stateChangedOn), actor(caller), at);
    }

    public static AgreementEvents.MouWithdrawn withdrawn(Mou m, MouState previous, Occurred occurred, Caller caller,
            OffsetDateTime at) {
        return new AgreementEvents.MouWithdrawn(m.id, m.regionCode, m.programmeYear, m.origin, previous, m.stateReason,
                occurred, actor(caller), at);
    }

    public static AgreementEvents.LocalCommitmentSigned commitmentSigned(LocalCommitment c, Caller caller) {
        LocalCommitment.Document d = c.content;
        LocalCommitment.Bimtek b = d.bimtek();
        return new AgreementEvents.LocalCommitmentSigned(c.id, c.regionCode, c.regionName, c.provinceCode, c.origin, c.mouId,
                c.signedOn, c.venue, official(d.regionalHead()), official(d.sekda()),
                list(d.opds(), o -> new AgreementEvents.Opd(o.name(), official(o.head()))),
                b == null ? null : new AgreementEvents.Bimtek(b.stage(), b.closingOn(), b.note()),
                d.sources() == null ? List.of() : d.sources().stream().map(AgreementEventMapper::source).toList(),
                Occurred.onDay(c.signedOn), actor(caller), c.createdAt);
    }

    /** The corrected commitment as it now stands, with the correction; {@code before}: its value before it. */
    public static AgreementEvents.LocalCommitmentCorrected commitmentCorrected(LocalCommitment c, LocalCommitment.Value before,
            String reason, List<MouDocument.Source> sources, Caller caller) {
        AgreementEvents.LocalCommitmentSigned s = commitmentSigned(c, caller);
        LocalCommitment.Document b = before.content();
        LocalCommitment.Document a = c.content;
        boolean dateChanged = !java.util.Objects.equals(before.signedOn(), c.signedOn);
        AgreementEvents.CommitmentPrevious previous = new AgreementEvents.CommitmentPrevious(
                java.util.Objects.equals(before.mouId(), c.mouId) ? null : before.mouId(),
                dateChanged ? before.signedOn() : null, dateChanged ? Occurred.onDay(before.signedOn()) : null,
                java.util.Objects.equals(before.venue(), c.venue) ? null : before.venue(),
                java.util.Objects.equals(b.regionalHead(), a.regionalHead()) ? null : official(b.regionalHead()),
                java.util.Objects.equals(b.sekda(), a.sekda()) ? null : official(b.sekda()),
                java.util.Objects.equals(b.opds(), a.opds()) ? null
                        : list(b.opds(), o -> new AgreementEvents.Opd(o.name(), official(o.head()))),
                java.util.Objects.equals(b.bimtek(), a.bimtek()) || b.bimtek() == null ? null
                        : new AgreementEvents.Bimtek(b.bimtek().stage(), b.bimtek().closingOn(), b.bimtek().note()),
                java.util.Objects.equals(b.sources(), a.sources()) ? null
                        : (b.sources() == null ? List.<MouDocument.Source>of() : b.sources()).stream().map(AgreementEventMapper::source).toList(),
                java.util.Objects.equals(b.title(), a.title()) ? null : b.title(),
                java.util.Objects.equals(b.notes(), a.notes()) ? null : b.notes());
        return new AgreementEvents.LocalCommitmentCorrected(s.commitmentId(), s.regionCode(), s.regionName(),
                s.provinceCode(), s.origin(), s.mouId(), s.signedOn(), s.venue(), s.regionalHead(), s.sekda(), s.opds(),
                s.bimtek(), s.sources(), s.occurred(),
                new AgreementEvents.CommitmentCorrection(c.revision, reason,
                        sources.stream().map(AgreementEventMapper::source).toList(), c.updatedAt, previous),
                actor(caller), c.updatedAt);
    }

    public static AgreementEvents.LocalCommitmentWithdrawn commitmentWithdrawn(LocalCommitment c, Caller caller) {
        return new AgreementEvents.LocalCommitmentWithdrawn(c.id, c.regionCode, c.origin, c.mouId, c.signedOn,
                new AgreementEvents.RecordWithdrawal(c.revision, c.withdrawnReason,
                        RecordSources.itemsOf(c.withdrawnSources).stream().map(AgreementEventMapper::source).toList(),
                        c.withdrawnAt),
                actor(caller), c.withdrawnAt);
    }

    static AgreementEvents.Ceremony ceremony(MouCeremony c) {
        return c == null ? null : new AgreementEvents.Ceremony(c.id, c.title, c.date(), c.plannedOn, c.heldOn, c.host, c.mode);
    }

    static AgreementEvents.Numbers numbers(Mou m) {
        return new AgreementEvents.Numbers(m.firstPartyNumber, m.secondPartyNumber);
    }

    static AgreementEvents.Party party(MouDocument.Party p) {
        return p == null ? null : new AgreementEvents.Party(p.position(), p.name());
    }

    static AgreementEvents.Signatory signatory(MouDocument.Signatory s) {
        return s == null ? null : new AgreementEvents.Signatory(s.known(), s.name(), s.position(), s.onBehalfOf());
    }

    static List<AgreementEvents.Person> persons(List<MouDocument.Person> people) {
        List<AgreementEvents.Person> out = list(people,
                p -> new AgreementEvents.Person(p.name(), p.position(), p.attendance()));
        return out == null ? List.of() : out;
    }

    static AgreementEvents.Scope scope(MouDocument.Scope s) {
        if (s == null) {
            return new AgreementEvents.Scope(List.of(), List.of());
        }
        List<AgreementEvents.ScopeEntry> standard = s.standardItems() == null ? List.of()
                : s.standardItems().stream().map(i -> new AgreementEvents.ScopeEntry(i.name(), i.text())).toList();
        return new AgreementEvents.Scope(standard, s.otherItems() == null ? List.of() : s.otherItems());
    }

    static AgreementEvents.Validity validity(Validity v) {
        return v == null ? null : new AgreementEvents.Validity(v.from(), v.until(), v.years());
    }

    static AgreementEvents.Source source(MouDocument.Source s) {
        return new AgreementEvents.Source(s.title(), s.url(), s.publishedOn());
    }

    static AgreementEvents.Official official(LocalCommitment.Official o) {
        return o == null ? null : new AgreementEvents.Official(o.name(), o.position());
    }

    private static <A, B> List<B> list(List<A> items, Function<A, B> map) {
        return items == null ? null : items.stream().map(map).toList();
    }
}
