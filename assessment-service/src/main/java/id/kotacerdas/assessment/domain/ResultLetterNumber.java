package id.kotacerdas.assessment.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The number of a "Penyampaian Hasil Asesmen" letter: {@code B-{n}/DJAI/AI.01.02/{MM}/{YYYY}} (e.g.
 * {@code B-349/DJAI/AI.01.02/06/2022}); {@code n} runs per year and is never reused; month and year are those of the
 * letter's date.
 */
public record ResultLetterNumber(int sequence, int month, int year) {

    public static final Pattern FORMAT = Pattern.compile("^B-([1-9][0-9]{0,5})/DJAI/AI\\.01\\.02/(0[1-9]|1[0-2])/([0-9]{4})$");
    public static final String PATTERN = "^B-[1-9][0-9]{0,5}/DJAI/AI\\.01\\.02/(0[1-9]|1[0-2])/[0-9]{4}$";

    public ResultLetterNumber {
        if (sequence < 1 || sequence > 999_999 || month < 1 || month > 12 || year < 1000 || year > 9999) {
            throw new IllegalArgumentException("not a letter number: " + sequence + "/" + month + "/" + year);
        }
    }

    public static ResultLetterNumber of(int sequence, LocalDate date) {
        return new ResultLetterNumber(sequence, date.getMonthValue(), date.getYear());
    }

    /** The number in the ministry's format, or a {@link RuleViolationException} naming {@code field}. */
    public static ResultLetterNumber parse(String text, String field) {
        Matcher m = text == null ? null : FORMAT.matcher(text);
        if (m == null || !m.matches()) {
            throw new RuleViolationException(field, "must look like B-349/DJAI/AI.01.02/06/2022 (B-{n}/DJAI/AI.01.02/{MM}/{YYYY})");
        }
        return new ResultLetterNumber(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** Whether month and year are those of {@code date}. */
    public boolean fits(LocalDate date) {
        return date.getYear() == year && date.getMonthValue() == month;
    }

    @Override
    public String toString() {
        return String.format("B-%d/DJAI/AI.01.02/%02d/%04d", sequence, month, year);
    }
}
