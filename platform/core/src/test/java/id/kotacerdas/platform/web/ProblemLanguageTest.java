package id.kotacerdas.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Problems in English or Bahasa Indonesia by Accept-Language; violation codes stable across both (issue 25). */
class ProblemLanguageTest {

    @Test
    void indonesianOnlyWhenItIsTheFirstLanguageTheSuiteSpeaks() {
        assertThat(ProblemLanguage.prefersIndonesian("id")).isTrue();
        assertThat(ProblemLanguage.prefersIndonesian("id-ID,id;q=0.9,en;q=0.8")).isTrue();
        assertThat(ProblemLanguage.prefersIndonesian("in")).isTrue();
        assertThat(ProblemLanguage.prefersIndonesian("jv, id;q=0.7, en;q=0.5")).isTrue();
        assertThat(ProblemLanguage.prefersIndonesian("en;q=0.9, id;q=0.5")).isFalse();
        assertThat(ProblemLanguage.prefersIndonesian("en-US")).isFalse();
        assertThat(ProblemLanguage.prefersIndonesian("*")).isFalse();
        assertThat(ProblemLanguage.prefersIndonesian("id;q=0, en")).isFalse();
        assertThat(ProblemLanguage.prefersIndonesian(null)).isFalse();
        assertThat(ProblemLanguage.prefersIndonesian(";;;=")).isFalse();
    }

    @Test
    void codesAreStableAndMessagesTranslated() {
        assertThat(new Violation("name", "must not be blank").code()).isEqualTo("blank");
        assertThat(new Violation("reason", "is required").code()).isEqualTo("required");
        assertThat(new Violation("localVenue", "is required to sign").code()).isEqualTo("required");
        assertThat(ViolationCodes.indonesian("is required: the fields to change")).isEqualTo("wajib diisi: the fields to change");
        assertThat(ViolationCodes.indonesian("is required to sign")).isEqualTo("wajib diisi (to sign)");
        assertThat(new Violation("x", "is requiredness").code()).isEqualTo(ViolationCodes.INVALID);
        assertThat(new Violation("notes", "size must be between 0 and 20").code()).isEqualTo("size");
        assertThat(new Violation("state", "is SUBMITTED").code()).isEqualTo("state");
        assertThat(new Violation("If-Match", "does not match the current version").code()).isEqualTo("stale");
        assertThat(new Violation("x", "something only this service says").code()).isEqualTo(ViolationCodes.INVALID);
        assertThat(ViolationCodes.indonesian("must be at most 2000 characters")).isEqualTo("paling banyak 2000 karakter");
        assertThat(ViolationCodes.indonesian("is SUBMITTED")).isEqualTo("berstatus SUBMITTED");
        assertThat(ViolationCodes.indonesian("something only this service says")).isEqualTo("something only this service says");
    }

    @Test
    void anIndonesianProblemKeepsTypeFieldsAndCodes() {
        Problem english = new Problem(URI.create(Problem.TYPE_BASE + "validation"), "Invalid request", 400,
                "name: must not be blank", URI.create("/x"), "r1",
                List.of(new Violation("name", "must not be blank"), new Violation("state", "is DRAFT")));
        assertThat(ProblemLanguage.localized(english, "en")).isSameAs(english);
        Problem indonesian = ProblemLanguage.localized(english, "id");
        assertThat(indonesian.type()).isEqualTo(english.type());
        assertThat(indonesian.title()).isEqualTo("Permintaan tidak valid");
        assertThat(indonesian.detail()).isEqualTo(
                "Ada isian permintaan yang tidak valid. name: tidak boleh kosong; state: berstatus DRAFT.");
        assertThat(indonesian.violations()).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "blank"),
                        org.assertj.core.groups.Tuple.tuple("state", "state"));
        assertThat(indonesian.requestId()).isEqualTo("r1");
    }
}
