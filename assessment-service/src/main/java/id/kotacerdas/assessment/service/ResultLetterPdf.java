package id.kotacerdas.assessment.service;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import id.kotacerdas.assessment.domain.Evaluation;
import id.kotacerdas.assessment.domain.EvaluationDimension;
import id.kotacerdas.assessment.domain.ResultLetter;
import id.kotacerdas.assessment.domain.Track;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A result letter as a PDF: the text comes from a Qute template (the letter's paragraphs, separated by blank lines;
 * the first is the letterhead, the last the signature), and OpenPDF lays the paragraphs out on A4. The assessment's
 * letter ("Penyampaian Hasil Asesmen") is {@code templates/result-letter.txt}; the yearly evaluation's letter to one
 * region, with its figures, is {@code templates/evaluation-letter.txt}. Wording changes go to the templates, not here.
 */
@ApplicationScoped
public class ResultLetterPdf {

    static final DateTimeFormatter INDONESIAN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id"));

    @Inject
    @Location("result-letter.txt")
    Template template;

    @Inject
    @Location("evaluation-letter.txt")
    Template evaluationTemplate;

    /** What the evaluation letter's template sees: the figures as the letter prints them. */
    @TemplateData
    public record EvaluationModel(String number, String date, int year, String regionName, String regionCode,
            String provinceName, String index, List<Figure> dimensions, List<Figure> pillars, String delta,
            String nationalRank, String provincialRank) {
    }

    @TemplateData
    public record Figure(String name, String value) {
    }

    /** What the template sees. */
    @TemplateData
    public record Model(String number, String date, int programmeYear, List<Line> regions) {
    }

    @TemplateData
    public record Line(String code, String name, boolean province) {
    }

    public String text(ResultLetter letter) {
        return template.data("model", new Model(letter.number, INDONESIAN_DATE.format(letter.letterDate),
                letter.programmeYear, letter.regions.items().stream()
                        .map(r -> new Line(r.regionCode(), r.regionName(), r.track() == Track.PROVINCE)).toList()))
                .render();
    }

    public byte[] pdf(ResultLetter letter) {
        return layout(text(letter), "Penyampaian Hasil Asesmen " + letter.number);
    }

    /** The evaluation letter's text; {@code previous} is the region's evaluation before (null at its first). */
    public String text(Evaluation e, Evaluation previous) {
        List<Figure> dimensions = e.dimensionScores().entrySet().stream()
                .map(d -> new Figure(DIMENSION_NAMES.get(d.getKey()), d.getValue().toPlainString())).toList();
        var pillars = e.pillarScores();
        String delta = previous == null ? null : (e.index.compareTo(previous.index) >= 0 ? "+" : "")
                + e.index.subtract(previous.index).toPlainString() + " dari " + previous.index.toPlainString()
                + " pada " + previous.year;
        return evaluationTemplate.data("model", new EvaluationModel(e.letterNumber, INDONESIAN_DATE.format(e.letterDate),
                e.year, e.regionName, e.regionCode, e.provinceName, e.index.toPlainString(), dimensions,
                pillars == null ? List.of() : pillars.entrySet().stream()
                        .map(p -> new Figure("Smart " + capitalised(p.getKey().name()), p.getValue().toPlainString()))
                        .toList(),
                delta, e.nationalRank == null ? null : e.nationalRank + (e.rankedNationally == null ? ""
                        : " dari " + e.rankedNationally),
                e.provincialRank == null ? null : e.provincialRank + (e.rankedInProvince == null ? ""
                        : " dari " + e.rankedInProvince))).render();
    }

    public byte[] pdf(Evaluation e, Evaluation previous) {
        return layout(text(e, previous), "Hasil Evaluasi Smart City " + e.year + " " + e.letterNumber);
    }

    static final java.util.Map<EvaluationDimension, String> DIMENSION_NAMES = java.util.Map.of(
            EvaluationDimension.BASELINE, "Baseline", EvaluationDimension.OUTPUT, "Output",
            EvaluationDimension.OUTCOME, "Outcome", EvaluationDimension.IMPACT, "Impact",
            EvaluationDimension.QUICK_WIN, "Quick Win");

    private static String capitalised(String name) {
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    private byte[] layout(String text, String title) {
        String[] paragraphs = text.strip().split("\\R\\s*\\R");
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 72, 72, 72, 72);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title);
            document.addAuthor("Direktur Jenderal Aplikasi Informatika");
            document.open();
            for (int i = 0; i < paragraphs.length; i++) {
                boolean first = i == 0;
                boolean last = i == paragraphs.length - 1;
                Paragraph p = new Paragraph(paragraphs[i].strip(), first || last ? heading : body);
                p.setAlignment(first ? Element.ALIGN_CENTER : last ? Element.ALIGN_RIGHT : Element.ALIGN_JUSTIFIED);
                p.setSpacingAfter(last ? 0 : 10);
                p.setSpacingBefore(last ? 36 : 0);
                document.add(p);
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("The letter " + title + " could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
