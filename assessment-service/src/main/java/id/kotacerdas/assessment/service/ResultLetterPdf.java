package id.kotacerdas.assessment.service;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
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
 * A result letter as a PDF: the text comes from the Qute template {@code templates/result-letter.txt} (the letter's
 * paragraphs, separated by blank lines; the first is the letterhead, the last the signature), and OpenPDF lays the
 * paragraphs out on A4. Wording changes go to the template, not here.
 */
@ApplicationScoped
public class ResultLetterPdf {

    static final DateTimeFormatter INDONESIAN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id"));

    @Inject
    @Location("result-letter.txt")
    Template template;

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
        String[] paragraphs = text(letter).strip().split("\\R\\s*\\R");
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 72, 72, 72, 72);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Penyampaian Hasil Asesmen " + letter.number);
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
            throw new IllegalStateException("The result letter " + letter.number + " could not be laid out", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }
}
