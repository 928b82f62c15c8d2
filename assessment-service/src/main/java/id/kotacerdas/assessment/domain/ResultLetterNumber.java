package id.kotacerdas.assessment.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of a letter of the Direktorat Jenderal Aplikasi Informatika: {@code B-{n}/DJAI/{classification}/{MM}/{YYYY}},
 * where the classification says what the letter is about: {@value #ASSESSMENT_RESULT} for "Penyampaian Hasil Asesmen"
 * (e.g. {@code B-349/DJAI/AI.01.02/06/2022}), {@value #EVALUATION_RESULT} for the results of the yearly evaluation
 * (e.g. {@code B-1003/DJAI/AI.01.04/12/2022}). {@code n} is the directorate general's running number of the year,
 * shared by every classification and never reused ({@code result_letter_counter}); month and year are those of the
 * letter's date.
 */
public record ResultLetterNumber(int sequence, String classification, int month, int year) {

    /** "Penyampaian Hasil Asesmen": the readiness assessment's result letters. */
    public static final String ASSESSMENT_RESULT = "AI.01.02";
    /** The yearly evaluation's (monev) result letters. */
    public static final String EVALUATION_RESULT = "AI.01.04";

    /** Any classification {@code AI.nn.nn}. */
    public static final Pattern FORMAT = Pattern.compile(
            "^B-([1-9][0-9]{0,5})/DJAI/(AI\\.[0-9]{2}\\.[0-9]{2})/(0[1-9]|1[0-2])/([0-9]{4})$");
    /** An assessment result letter's number (Bean Validation and OpenAPI). */
    public static final String PATTERN = "^B-[1-9][0-9]{0,5}/DJAI/AI\\.01\\.02/(0[1-9]|1[0-2])/[0-9]{4}$";
    /** An evaluation result letter's number (Bean Validation and OpenAPI). */
    public static final String EVALUATION_PATTERN = "^B-[1-9][0-9]{0,5}/DJAI/AI\\.01\\.04/(0[1-9]|1[0-2])/[0-9]{4}$";

    /**
     * A number as the ministry writes it, kept exactly so on a letter recorded from its sources: {@code B-n} or
     * {@code B.n} (e.g. {@code B.116/DJAI/AI.01.05/02/2019}), any classification {@code AI.nn.nn}.
     */
    public static final String AS_WRITTEN_PATTERN =
            "^B[-.][1-9][0-9]{0,5}/DJAI/AI\\.[0-9]{2}\\.[0-9]{2}/(0[1-9]|1[0-2])/[0-9]{4}$";
    private static final Pattern AS_WRITTEN = Pattern.compile(
            "^B[-.]([1-9][0-9]{0,5})/DJAI/(AI\\.[0-9]{2}\\.[0-9]{2})/(0[1-9]|1[0-2])/([0-9]{4})$");

    public ResultLetterNumber {
        if (sequence < 1 || sequence > 999_999 || month < 1 || month > 12 || year < 1000 || year > 9999
                || classification == null || !classification.matches("AI\\.[0-9]{2}\\.[0-9]{2}")) {
            throw new IllegalArgumentException("not a letter number: " + sequence + "/" + classification + "/" + month
                    + "/" + year);
        }
    }

    /** An assessment result letter's number ({@value #ASSESSMENT_RESULT}). */
    public ResultLetterNumber(int sequence, int month, int year) {
        this(sequence, ASSESSMENT_RESULT, month, year);
    }

    public static ResultLetterNumber of(int sequence, String classification, LocalDate date) {
        return new ResultLetterNumber(sequence, classification, date.getMonthValue(), date.getYear());
    }

    /** An assessment result letter's number ({@value #ASSESSMENT_RESULT}). */
    public static ResultLetterNumber of(int sequence, LocalDate date) {
        return of(sequence, ASSESSMENT_RESULT, date);
    }

    /** An assessment result letter's number, or a {@link RuleViolationException} naming {@code field}. */
    public static ResultLetterNumber parse(String text, String field) {
        return parse(text, ASSESSMENT_RESULT, field);
    }

    /**
     * A number of the given classification in the ministry's format, or a {@link RuleViolationException} naming
     * {@code field}.
     */
    public static ResultLetterNumber parse(String text, String classification, String field) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches() || !m.group(2).equals(classification)) {
            String example = ASSESSMENT_RESULT.equals(classification) ? "B-349/DJAI/AI.01.02/06/2022"
                    : EVALUATION_RESULT.equals(classification) ? "B-1003/DJAI/AI.01.04/12/2022"
                    : "B-1/DJAI/" + classification + "/01/2024";
            throw new RuleViolationException(field, "must look like " + example + " (B-{n}/DJAI/" + classification
                    + "/{MM}/{YYYY})");
        }
        return new ResultLetterNumber(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    /**
     * A number as a source writes it (recorded letters only): {@code B-n} or {@code B.n}, any classification
     * {@code AI.nn.nn}; or a {@link RuleViolationException} naming {@code field}. The text itself is what the letter
     * keeps; the parsed parts give the running number and the month and year. The live path issues and accepts only
     * {@link #parse(String, String, String) the directorate general's own form}.
     */
    public static ResultLetterNumber parseAsWritten(String text, String field) {
        Matcher m = text == null ? null : AS_WRITTEN.matcher(text);
        if (m == null || !m.matches()) {
            throw new RuleViolationException(field, "must be a letter number as the ministry writes it, e.g. "
                    + "B-349/DJAI/AI.01.02/06/2022 or B.116/DJAI/AI.01.05/02/2019 (B-{n} or B.{n}/DJAI/AI.{nn}.{nn}/{MM}/{YYYY})");
        }
        return new ResultLetterNumber(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)));
    }

    /** Whether month and year are those of {@code date}. */
    public boolean fits(LocalDate date) {
        return date.getYear() == year && date.getMonthValue() == month;
    }

    @Override
    public String toString() {
        return String.format("B-%d/DJAI/%s/%02d/%04d", sequence, classification, month, year);
    }
}
