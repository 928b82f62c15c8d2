package id.kotacerdas.agreement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.platform.registry.RegionLevel;
import id.kotacerdas.platform.web.Violation;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The document's names, its parties and the honesty rules for signatories. */
class DocumentTermsTest {

    @ParameterizedTest
    @ValueSource(strings = { "Nota Kesepakatan", "nota kesepakatan bersama", "MoU", "MOU", "nota kesepahaman",
            "Perjanjian Kerja Sama", "perjanjian kerjasama", "Nota  Kesepahaman", "NOTA_KESEPAKATAN" })
    void everyNameInTheWildIsTheOneKind(String name) {
        assertThat(DocumentKind.ofName(name)).contains(DocumentKind.NOTA_KESEPAKATAN);
    }

    @Test
    void anotherDocumentIsNotAnMou() {
        assertThat(DocumentKind.ofName("Surat Keputusan")).isEmpty();
        assertThat(DocumentKind.ofName(null)).isEmpty();
    }

    @Test
    void pihakKeduaIsTheRegionalHeadByTheRegionsLevel() {
        assertThat(RegionalHeadTitle.of(RegionLevel.KOTA).positionIn("Kota Pangkal Pinang")).isEqualTo("Wali Kota Pangkal Pinang");
        assertThat(RegionalHeadTitle.of(RegionLevel.KABUPATEN).positionIn("Kabupaten Tabanan")).isEqualTo("Bupati Tabanan");
        assertThat(RegionalHeadTitle.of(RegionLevel.PROVINCE).positionIn("Daerah Istimewa Yogyakarta"))
                .isEqualTo("Gubernur Daerah Istimewa Yogyakarta");
        assertThat(RegionalHeadTitle.of(RegionLevel.KOTA).positionIn("Kota Administrasi Jakarta Pusat"))
                .isEqualTo("Wali Kota Administrasi Jakarta Pusat");
    }

    @Test
    void aKnownSignatoryNeedsANameAndAnUnknownOneMustNotHaveOne() {
        assertThat(fields(SigningRules.checkSignatory("secondPartySignatory",
                new MouDocument.Signatory(true, " ", "Sekretaris Daerah", null)))).containsExactly("secondPartySignatory.name");
        assertThat(fields(SigningRules.checkSignatory("s", new MouDocument.Signatory(true, "Radmida Dawam", null, null))))
                .containsExactly("s.position");
        assertThat(fields(SigningRules.checkSignatory("s", new MouDocument.Signatory(false, "Someone", null, null))))
                .containsExactly("s.name");
        assertThat(SigningRules.checkSignatory("s", new MouDocument.Signatory(false, null, "Bupati Sumbawa Barat", null)))
                .isEmpty();
    }

    @Test
    void aSigningNeedsVenueAndSignatoriesOrAnHonestNotKnownWithASource() {
        MouDocument empty = document(null, null, null, null, List.of());
        assertThat(fields(SigningRules.missingForSigning(empty)))
                .containsExactly("localVenue", "firstPartySignatory", "secondPartySignatory");
        MouDocument.Signatory unknown = new MouDocument.Signatory(false, null, null, null);
        MouDocument metro = document("Kantor Dinas Kominfo Kota Metro", null, unknown, unknown, List.of());
        assertThat(fields(SigningRules.missingForSigning(metro))).containsExactly("sources");
        MouDocument withSource = document("Kantor Dinas Kominfo Kota Metro", null, unknown, unknown,
                List.of(new MouDocument.Source("Metro report 2023", null, LocalDate.of(2023, 2, 28))));
        assertThat(SigningRules.missingForSigning(withSource)).isEmpty();
        MouDocument.Signatory known = new MouDocument.Signatory(true, "I Gede Susila", "Sekda", "Bupati Tabanan");
        assertThat(fields(SigningRules.missingForSigning(document(null, false, known, known, List.of()))))
                .containsExactly("sources");
    }

    @Test
    void aSigningDateMayBeTodayButNotTomorrow() {
        LocalDate today = LocalDate.of(2026, 12, 1);
        assertThat(SigningRules.checkNotFuture("signedOn", today, today)).isNull();
        assertThat(SigningRules.checkNotFuture("signedOn", today.plusDays(1), today).field()).isEqualTo("signedOn");
    }

    static MouDocument document(String venue, Boolean venueKnown, MouDocument.Signatory first,
            MouDocument.Signatory second, List<MouDocument.Source> sources) {
        return new MouDocument("t", "MoU", new MouDocument.Party("Direktur Jenderal Aplikasi Informatika", null),
                new MouDocument.Party("Wali Kota Metro", null), first, second, List.of(), List.of(),
                MouDocument.Scope.standard(), 3, venue, venueKnown, null, sources, null);
    }

    static List<String> fields(List<Violation> violations) {
        return violations.stream().map(Violation::field).toList();
    }
}
