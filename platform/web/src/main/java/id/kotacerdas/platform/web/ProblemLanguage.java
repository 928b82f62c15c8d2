package id.kotacerdas.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Problems in the caller's language (issue 25): English by default, Bahasa Indonesia when {@code Accept-Language}
 * prefers it ({@code id}, or the old code {@code in}). In Indonesian, {@code title} is the type's Indonesian title,
 * {@code detail} the type's Indonesian sentence followed by the violations in Indonesian, and each violation's
 * {@code message} is translated where its {@code code} is known ({@link ViolationCodes}); {@code type}, {@code code}
 * and {@code field} never change with the language. A detail written for one occurrence in English (a state, a date)
 * is carried by the violations, so nothing a client needs is lost in translation.
 */
public final class ProblemLanguage {

    public static final String ACCEPT_LANGUAGE = "Accept-Language";
    public static final String CONTENT_LANGUAGE = "Content-Language";

    /** Slug → Indonesian title and sentence. */
    private static final Map<String, String[]> INDONESIAN = Map.ofEntries(
            Map.entry("validation", t("Permintaan tidak valid", "Ada isian permintaan yang tidak valid.")),
            Map.entry("malformed-json", t("JSON tidak terbaca", "Isi permintaan bukan JSON yang sah.")),
            Map.entry("bad-request", t("Permintaan salah", "Permintaan tidak dapat dipahami.")),
            Map.entry("unauthorized", t("Belum terautentikasi", "Kirim token akses yang sah (Authorization: Bearer).")),
            Map.entry("forbidden", t("Akses ditolak", "Peran atau daerah Anda tidak mengizinkan tindakan ini.")),
            Map.entry("not-found", t("Tidak ditemukan", "Sumber daya yang diminta tidak ada.")),
            Map.entry("method-not-allowed", t("Metode tidak diizinkan", "Metode HTTP ini tidak berlaku untuk alamat ini.")),
            Map.entry("not-acceptable", t("Format tidak tersedia", "Tidak ada format jawaban yang sesuai dengan Accept.")),
            Map.entry("request-timeout", t("Waktu permintaan habis", "Permintaan tidak selesai dikirim tepat waktu.")),
            Map.entry("conflict", t("Konflik", "Permintaan bertabrakan dengan data yang sudah ada.")),
            Map.entry("illegal-transition", t("Perubahan status tidak diizinkan",
                    "Status sumber daya saat ini tidak mengizinkan tindakan ini.")),
            Map.entry("content-not-recorded", t("Isi tidak tercatat",
                    "Masterplan ini dicatat dari sumbernya tanpa isinya.")),
            Map.entry("recorded-differently", t("Tercatat dengan isi lain",
                    "Fakta yang sama sudah tercatat dengan isi berbeda; gunakan koreksi.")),
            Map.entry("consumer-group-shared", t("Grup konsumen dipakai bersama",
                    "Grup konsumen ini juga dipakai aplikasi lain.")),
            Map.entry("stale-version", t("Versi sudah berubah",
                    "If-Match tidak cocok dengan versi saat ini; baca ulang lalu kirim kembali.")),
            Map.entry("payload-too-large", t("Isi terlalu besar", "Isi permintaan melebihi batas.")),
            Map.entry("uri-too-long", t("Alamat terlalu panjang", "Alamat permintaan melebihi batas.")),
            Map.entry("unsupported-media-type", t("Jenis isi tidak didukung", "Kirim isi dengan Content-Type yang didukung.")),
            Map.entry("unprocessable", t("Permintaan tidak dapat diterapkan",
                    "Permintaan terbaca, tetapi catatan belum mengizinkannya.")),
            Map.entry("unknown-pillar", t("Pilar tidak dikenal", "Pilar smart city ini tidak dikenal.")),
            Map.entry("incomplete-masterplan", t("Masterplan belum lengkap", "Masterplan belum dapat diajukan.")),
            Map.entry("stage-out-of-order", t("Tahap tidak berurutan", "Tahap bimtek sebelumnya belum selesai.")),
            Map.entry("idempotency-key-reused", t("Idempotency-Key sudah dipakai",
                    "Idempotency-Key ini sudah dipakai untuk permintaan lain.")),
            Map.entry("if-match-required", t("If-Match wajib",
                    "Kirim If-Match dengan ETag yang Anda baca, agar perubahan orang lain tidak tertimpa.")),
            Map.entry("too-many-requests", t("Terlalu banyak permintaan", "Batas permintaan terlampaui; coba lagi nanti.")),
            Map.entry("request-header-fields-too-large", t("Header terlalu besar", "Header permintaan melebihi batas.")),
            Map.entry("internal", t("Kesalahan internal", "Terjadi kesalahan di server; sebutkan requestId saat melapor.")),
            Map.entry("not-implemented", t("Belum tersedia", "Tindakan ini belum tersedia.")),
            Map.entry("bad-gateway", t("Gateway gagal", "Layanan di belakang gateway tidak menjawab dengan benar.")),
            Map.entry("service-unavailable", t("Layanan tidak tersedia", "Layanan sedang tidak tersedia; coba lagi nanti.")),
            Map.entry("registry-unavailable", t("Registri daerah belum siap",
                    "Registri daerah belum siap; coba lagi nanti.")),
            Map.entry("consumer-unavailable", t("Konsumen tidak tersedia", "Konsumen peristiwa sedang tidak tersedia.")),
            Map.entry("gateway-timeout", t("Waktu gateway habis", "Layanan di belakang gateway tidak menjawab tepat waktu.")));

    private ProblemLanguage() {
    }

    private static String[] t(String title, String sentence) {
        return new String[] { title, sentence };
    }

    /** Whether the first language the caller accepts (by weight) that the suite speaks is Indonesian. */
    public static boolean prefersIndonesian(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException e) {
            return false; // a malformed header is no preference
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() == 0) {
                continue;
            }
            String primary = range.getRange().split("-", 2)[0];
            if (primary.equals("id") || primary.equals("in")) {
                return true;
            }
            if (primary.equals("en") || primary.equals("*")) {
                return false;
            }
        }
        return false;
    }

    /** The problem in the language the header asks for (the English original when it asks for none the suite speaks). */
    public static Problem localized(Problem problem, String acceptLanguage) {
        if (!prefersIndonesian(acceptLanguage)) {
            return problem;
        }
        String slug = problem.type() == null ? "" : problem.type().toString().substring(
                problem.type().toString().lastIndexOf('/') + 1);
        String[] texts = INDONESIAN.getOrDefault(slug, t(problem.title(), "Permintaan tidak dapat dipenuhi."));
        List<Violation> violations = problem.violations() == null ? null : problem.violations().stream()
                .map(v -> new Violation(v.field(), ViolationCodes.indonesian(v.message()), v.code())).toList();
        StringBuilder detail = new StringBuilder(texts[1]);
        if (violations != null && !violations.isEmpty()) {
            detail.append(' ');
            for (int i = 0; i < violations.size(); i++) {
                Violation v = violations.get(i);
                detail.append(i == 0 ? "" : "; ").append(v.field()).append(": ").append(v.message());
            }
            detail.append('.');
        }
        return new Problem(problem.type(), texts[0], problem.status(), detail.toString(), problem.instance(),
                problem.requestId(), violations);
    }

    /** The value of {@code Content-Language} for a problem answered to this header. */
    public static String contentLanguage(String acceptLanguage) {
        return prefersIndonesian(acceptLanguage) ? "id" : "en";
    }
}
