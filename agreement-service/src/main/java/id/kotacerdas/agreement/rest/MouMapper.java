package id.kotacerdas.agreement.rest;

import id.kotacerdas.platform.web.PageParams;
import id.kotacerdas.agreement.domain.LocalCommitment;
import id.kotacerdas.agreement.domain.Mou;
import id.kotacerdas.agreement.domain.MouCeremony;
import id.kotacerdas.agreement.domain.MouDocument;
import id.kotacerdas.agreement.domain.MouRevision;
import id.kotacerdas.agreement.domain.RecordSources;
import id.kotacerdas.agreement.domain.RegionalHeadTitle;
import id.kotacerdas.agreement.domain.SigningRules;
import id.kotacerdas.agreement.domain.Validity;
import id.kotacerdas.agreement.service.CeremonyService;
import id.kotacerdas.agreement.service.LocalCommitmentService;
import id.kotacerdas.agreement.service.MouCommands;
import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.Violation;
import java.util.List;
import java.util.function.Function;

/** Request bodies to commands and stored records to views, field by field, both ways explicit. */
public final class MouMapper {

    private MouMapper() {
    }

    // ------------------------------------------------------------------ requests → commands

    static MouCommands.Draft toDraft(MouRequests.Draft d) {
        MouRequests.Terms terms = d.terms() == null
                ? new MouRequests.Terms(null, null, null, null, null, null, null, null, null, null)
                : d.terms();
        return new MouCommands.Draft(d.regionCode(), d.programmeYear(), d.track(), d.cycleId(), toTerms(terms),
                d.occurred());
    }

    static MouCommands.Terms toTerms(MouRequests.Terms t) {
        MouRequests.Scope scope = t.scope();
        return new MouCommands.Terms(t.title(), t.documentName(), t.firstPartyNumber(),
                t.firstParty() == null ? null : new MouDocument.Party(t.firstParty().position(), t.firstParty().name()),
                signatory(t.firstPartySignatory()), list(t.witnesses(), MouMapper::person),
                scope == null ? null : scope.standardItems() == null ? List.of() : scope.standardItems(),
                scope == null ? null : scope.otherItems() == null ? List.of() : scope.otherItems(),
                t.validityYears(), list(t.sources(), MouMapper::source), t.notes());
    }

    static MouCommands.LocalSide toLocalSide(MouRequests.LocalSide s) {
        return new MouCommands.LocalSide(s.regionalHeadName(), s.secondPartyNumber(), s.localVenue(),
                s.localVenueKnown(), s.localMode(), signatory(s.secondPartySignatory()), list(s.attendees(), MouMapper::person));
    }

    static MouCommands.Schedule toSchedule(MouRequests.Schedule s) {
        return new MouCommands.Schedule(s.ceremonyId(), s.plannedOn(), s.occurred());
    }

    static MouCommands.Signing toSigning(MouRequests.Signing s) {
        return new MouCommands.Signing(s.signedOn(), s.validityYears(), s.validUntil());
    }

    static MouCommands.Amendment toAmendment(MouRequests.Amendment a) {
        MouRequests.Scope scope = a.scope();
        return new MouCommands.Amendment(a.amendedOn(), a.reason(), a.validityYears(), a.validUntil(),
                scope == null || scope.standardItems() == null ? null : scope.standardItems(),
                scope == null || scope.otherItems() == null ? null : scope.otherItems());
    }

    static MouCommands.Ceremony toCeremony(CeremonyRequests.Ceremony c) {
        return new MouCommands.Ceremony(c.programmeYear(), c.title(), c.plannedOn(), c.host(), c.mode(), c.venue(),
                c.note());
    }

    static LocalCommitmentService.Record toRecord(LocalCommitmentRequests.Commitment c) {
        LocalCommitmentRequests.Bimtek b = c.bimtek();
        return new LocalCommitmentService.Record(c.regionCode(), c.origin(), c.mouId(), c.signedOn(), c.venue(),
                new LocalCommitment.Document(c.title(), official(c.regionalHead()), official(c.sekda()),
                        list(c.opds(), o -> new LocalCommitment.Opd(o.name(), official(o.head()))),
                        b == null ? null : new LocalCommitment.Bimtek(b.stage(), b.closingOn(), b.note()),
                        list(c.sources(), MouMapper::source), c.notes()));
    }

    private static LocalCommitment.Official official(LocalCommitmentRequests.Official o) {
        return o == null ? null : new LocalCommitment.Official(o.name(), o.position());
    }

    private static MouDocument.Signatory signatory(MouRequests.Signatory s) {
        return s == null ? null
                : new MouDocument.Signatory(!Boolean.FALSE.equals(s.known()), s.name(), s.position(), s.onBehalfOf());
    }

    private static MouDocument.Person person(MouRequests.Person p) {
        return new MouDocument.Person(p.name(), p.position(), p.attendance());
    }

    private static MouDocument.Source source(MouRequests.Source s) {
        return new MouDocument.Source(s.title(), s.url(), s.publishedOn());
    }

    // ------------------------------------------------------------------ records → views

    static MouViews.Mou toView(Mou m, MouCeremony ceremony) {
        MouDocument d = m.content;
        return new MouViews.Mou(m.id, m.version, m.regionCode, m.regionName, m.regionLevel, m.provinceCode,
                m.programmeYear, m.track, m.cycleId, m.origin, m.draftedFrom, m.state, m.kind, d.documentName(), d.title(),
                numbers(m.firstPartyNumber, m.secondPartyNumber),
                party(null, d.firstParty()), party(RegionalHeadTitle.of(m.regionLevel), d.secondParty()),
                signatoryView(d.firstPartySignatory()), signatoryView(d.secondPartySignatory()),
                persons(d.witnesses()), persons(d.attendees()), scope(d.scope()), ceremonyRef(ceremony, m),
                m.plannedOn, d.localVenue(), !Boolean.FALSE.equals(d.localVenueKnown()), d.localMode(), m.signedOn,
                validity(m.validity()), d.validityYears(), m.revision, m.stateChangedOn, m.stateReason,
                m.state.wasSigned() || m.state.isFinal() ? List.of()
                        : SigningRules.missingForSigning(d).stream().map(Violation::field).toList(),
                sources(d.sources()), d.notes(), actDates(m), m.createdAt, m.createdBy, m.updatedAt, m.updatedBy,
                m.scheduledAt, m.recordedNumber, m.numberKnown, m.recordedCeremony,
                !(m.state.wasSigned() && m.validUntil == null),
                m.withdrawnAt == null ? null
                        : new MouViews.Withdrawn(m.withdrawnAt, m.withdrawnBy, m.withdrawnReason, sources(RecordSources.itemsOf(m.withdrawnSources))));
    }

    static MouViews.ActDates actDates(Mou m) {
        return new MouViews.ActDates(m.drafted(), m.scheduled(),
                m.signed(),
                m.state.isFinal() ? m.stateChanged() : null);
    }

    static MouViews.MouRef ref(Mou m) {
        return new MouViews.MouRef(m.id, m.regionCode, m.regionName, m.state, m.version);
    }

    static MouViews.Revision toView(MouRevision r) {
        MouRevision.RevisionDocument d = r.document;
        Validity validity = d.signedOn() == null || d.validUntil() == null ? null
                : new Validity(d.signedOn(), d.validUntil(), d.content().validityYears());
        return new MouViews.Revision(r.revision, r.kind.name(), r.effectiveOn, r.reason,
                numbers(d.firstPartyNumber(), d.secondPartyNumber()), scope(d.content().scope()), validity(validity),
                r.recordedAt, r.recordedBy, r.recordedAt, r.recordedBy, sources(RecordSources.itemsOf(r.sources)),
                d.recorded() == null ? null : new MouViews.RecordValue(d.recorded().signedOn(), d.recorded().number(),
                        d.recorded().numberKnown(), d.recorded().ceremony(), sources(d.recorded().sources())));
    }

    static MouViews.Ceremony toView(MouCeremony c) {
        return new MouViews.Ceremony(c.id, c.version, c.origin, c.programmeYear, c.title, c.plannedOn, c.heldOn, c.state, c.host,
                c.mode, c.venue, c.note, c.createdAt, c.createdBy, c.updatedAt, c.updatedBy);
    }

    static MouViews.CeremonyHeld toView(CeremonyService.Held held) {
        return new MouViews.CeremonyHeld(toView(held.ceremony()), held.signed().stream().map(MouMapper::ref).toList(),
                held.notSigned().stream().map(n -> new MouViews.NotSigned(ref(n.mou()), n.missing())).toList());
    }

    static MouViews.CohortScheduled toView(CeremonyService.Scheduled scheduled) {
        return new MouViews.CohortScheduled(toView(scheduled.ceremony()),
                scheduled.scheduled().stream().map(MouMapper::ref).toList());
    }

    static LocalCommitmentViews.Commitment toView(LocalCommitment c) {
        LocalCommitment.Document d = c.content;
        LocalCommitment.Bimtek b = d.bimtek();
        return new LocalCommitmentViews.Commitment(c.id, c.version, c.revision, c.origin, c.regionCode, c.regionName,
                c.provinceCode, c.mouId,
                d.title(), c.signedOn, c.venue, officialView(d.regionalHead()), officialView(d.sekda()),
                list(d.opds(), o -> new LocalCommitmentRequests.Opd(o.name(), officialView(o.head()))),
                b == null ? null : new LocalCommitmentRequests.Bimtek(b.stage(), b.closingOn(), b.note()),
                sources(d.sources()), d.notes(), Occurred.onDay(c.signedOn), c.createdAt, c.createdBy,
                c.withdrawnAt == null ? null : new LocalCommitmentViews.Withdrawn(c.withdrawnAt, c.withdrawnBy,
                        c.withdrawnReason, sources(RecordSources.itemsOf(c.withdrawnSources))));
    }

    static LocalCommitmentViews.RevisionPage toView(LocalCommitmentService.Revisions r, PageParams paging) {
        return new LocalCommitmentViews.RevisionPage(r.commitment().id,
                paging.slice(r.items()).stream().map(MouMapper::toView).toList(),
                paging.page, paging.size, r.items().size(), paging.totalPages(r.items().size()));
    }

    static LocalCommitmentViews.Revision toView(id.kotacerdas.agreement.domain.LocalCommitmentRevision r) {
        LocalCommitment.Value v = r.value;
        LocalCommitment.Document d = v.content();
        LocalCommitment.Bimtek b = d.bimtek();
        return new LocalCommitmentViews.Revision(r.revision, r.kind.name(), r.recordedAt, r.recordedBy, r.reason,
                sources(RecordSources.itemsOf(r.sources)),
                new LocalCommitmentViews.Value(v.mouId(), d.title(), v.signedOn(), v.venue(), officialView(d.regionalHead()),
                        officialView(d.sekda()),
                        list(d.opds(), o -> new LocalCommitmentRequests.Opd(o.name(), officialView(o.head()))),
                        b == null ? null : new LocalCommitmentRequests.Bimtek(b.stage(), b.closingOn(), b.note()),
                        sources(d.sources()), d.notes()));
    }

    static LocalCommitmentService.Correction toCorrection(LocalCommitmentRequests.Correction c) {
        LocalCommitmentRequests.Changes ch = c.changes();
        if (ch == null) {
            return new LocalCommitmentService.Correction(c.reason(), c.sources(), null);
        }
        LocalCommitmentRequests.Bimtek b = ch.bimtek();
        return new LocalCommitmentService.Correction(c.reason(), c.sources(), new LocalCommitmentService.Changes(
                ch.regionCode(), ch.origin(), ch.mouId(), ch.title(), ch.signedOn(), ch.venue(), official(ch.regionalHead()),
                official(ch.sekda()),
                ch.opds() == null ? null : list(ch.opds(), o -> new LocalCommitment.Opd(o.name(), official(o.head()))),
                b == null ? null : new LocalCommitment.Bimtek(b.stage(), b.closingOn(), b.note()),
                ch.sources(), ch.notes()));
    }

    private static LocalCommitmentRequests.Official officialView(LocalCommitment.Official o) {
        return o == null ? null : new LocalCommitmentRequests.Official(o.name(), o.position());
    }

    private static MouViews.CeremonyRef ceremonyRef(MouCeremony c, Mou m) {
        if (c == null) {
            return null;
        }
        return new MouViews.CeremonyRef(c.id, c.title, c.plannedOn, c.heldOn, c.state, c.mode);
    }

    private static MouViews.Numbers numbers(String first, String second) {
        return new MouViews.Numbers(first, second);
    }

    private static MouViews.Party party(RegionalHeadTitle title, MouDocument.Party p) {
        return p == null ? null : new MouViews.Party(title, p.position(), p.name());
    }

    private static MouRequests.Signatory signatoryView(MouDocument.Signatory s) {
        return s == null ? null : new MouRequests.Signatory(s.known(), s.name(), s.position(), s.onBehalfOf());
    }

    private static List<MouRequests.Person> persons(List<MouDocument.Person> people) {
        return people == null ? List.of()
                : people.stream().map(p -> new MouRequests.Person(p.name(), p.position(), p.attendance())).toList();
    }

    private static List<MouRequests.Source> sources(List<MouDocument.Source> sources) {
        return sources == null ? List.of()
                : sources.stream().map(s -> new MouRequests.Source(s.title(), s.url(), s.publishedOn())).toList();
    }

    static MouViews.Scope scope(MouDocument.Scope s) {
        if (s == null) {
            return new MouViews.Scope(List.of(), List.of());
        }
        return new MouViews.Scope(
                s.standardItems() == null ? List.of()
                        : s.standardItems().stream().map(i -> new MouViews.ScopeEntry(i.name(), i.text())).toList(),
                s.otherItems() == null ? List.of() : s.otherItems());
    }

    private static MouViews.Validity validity(Validity v) {
        return v == null ? null : new MouViews.Validity(v.from(), v.until(), v.years());
    }

    private static <A, B> List<B> list(List<A> items, Function<A, B> map) {
        return items == null ? null : items.stream().map(map).toList();
    }
}
