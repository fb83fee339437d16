package org.tracelab.samples.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.tracelab.samples.Flyer;

/**
 * The scenario's documents, each with the same bytes for the same inputs: fixed PDF dates and /ID, fixed zip entry
 * times; the flyer's bytes are the same wherever the same DejaVu Sans is installed (see {@link Flyer}).
 */
public final class Documents {
    private static final Instant FIXED = Instant.parse("2025-05-20T08:00:00Z");

    private Documents() {
    }

    /** A recruitment 'contract' with the clauses a trainee should spot. */
    public static void contract(Path file, String recruiterPhone, String handle) throws IOException {
        List<String> lines = List.of(
                "FICTITIOUS TRAINING DATA - made up for a Tracelab lab",
                "",
                "EMPLOYMENT AGREEMENT No. 17/2025",
                "Golden Bridge Recruiting (fictitious), represented by its manager,",
                "and the Worker agree as follows.",
                "",
                "1. The Worker will work as service staff abroad. Duties are given on arrival.",
                "2. Salary: 2,500 USD per month. Experience is not required.",
                "3. The Agency arranges the visa and buys the ticket. Ticket, visa and housing",
                "   costs (1,800 USD) are deducted from the Worker's first salaries.",
                "4. A document processing fee of 300 USD is paid before departure.",
                "5. On arrival the Worker hands the passport to the manager for safekeeping",
                "   for the whole term of the agreement.",
                "6. The Worker lives in the employer's hostel and leaves it only with permission.",
                "   Personal phones are handed in during working weeks.",
                "7. The Worker keeps the terms of this agreement confidential.",
                "",
                "Contact: " + recruiterPhone + ", Telegram @" + handle,
                "",
                "All names, numbers and handles in this document are fictitious.");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(font, 11);
                content.setLeading(15);
                content.newLineAtOffset(60, 780);
                for (String line : lines) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Employment agreement (fictitious)");
            info.setAuthor("Golden Bridge Recruiting (fictitious)");
            info.setCreator("Tracelab lab generator");
            info.setProducer("Tracelab lab generator");
            Calendar fixed = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            fixed.setTimeInMillis(FIXED.toEpochMilli());
            info.setCreationDate(fixed);
            info.setModificationDate(fixed);
            // PDFBox derives /ID from the clock when it is missing; a fixed one keeps the bytes reproducible
            COSArray id = new COSArray();
            COSString part = new COSString("tracelab-lab-contract".getBytes(StandardCharsets.US_ASCII));
            id.add(part);
            id.add(part);
            doc.getDocument().getTrailer().setItem(COSName.ID, id);
            doc.save(file.toFile());
        }
    }

    /** An 'offer letter' in Russian, as a minimal DOCX written part by part. */
    public static void offerLetter(Path file, String recruiterPhone, String handle) throws IOException {
        String[] paragraphs = {
            "ВЫМЫШЛЕННЫЕ УЧЕБНЫЕ ДАННЫЕ — документ создан для занятий Tracelab.",
            "ПРЕДЛОЖЕНИЕ О РАБОТЕ",
            "Уважаемая кандидатка! Компания-партнёр в Дубае (название сообщим при встрече) приглашает вас на должность"
                + " хостес. Зарплата от 2500 $ в месяц, опыт не нужен, знание языка не требуется.",
            "Визу оформим сами, билет купим мы — расходы вычитаются из первых зарплат. Оформление документов 300 $,"
                + " оплата заранее. По приезде паспорт хранится у менеджера.",
            "Вылет через 5 дней, места ограничены. Никому не пересылайте это письмо.",
            "Контакты: " + recruiterPhone + ", Telegram @" + handle,
        };
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) {
            body.append("<w:p><w:r><w:t xml:space=\"preserve\">").append(Pages.esc(p)).append("</w:t></w:r></w:p>");
        }
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                + body + "<w:sectPr/></w:body></w:document>";
        String contentTypes = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.wordprocessingml.document.main+xml\"/>"
                + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package."
                + "core-properties+xml\"/></Types>";
        String rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                + "relationships/officeDocument\" Target=\"word/document.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/"
                + "metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>";
        String core = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/"
                + "core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/"
                + "terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>Предложение о работе "
                + "(вымышленное)</dc:title><dc:creator>Tracelab lab generator</dc:creator>"
                + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + FIXED + "</dcterms:created>"
                + "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + FIXED + "</dcterms:modified></cp:coreProperties>";
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, "[Content_Types].xml", contentTypes);
            entry(zip, "_rels/.rels", rels);
            entry(zip, "docProps/core.xml", core);
            entry(zip, "word/document.xml", document);
        }
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        // fixed times in both the DOS field and the extended field, so the zip bytes never depend on the clock
        e.setTimeLocal(java.time.LocalDateTime.of(2025, 5, 20, 8, 0));
        e.setLastModifiedTime(FileTime.from(FIXED));
        zip.putNextEntry(e);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /**
     * A job flyer as the image people repost in channels, drawn by {@link Flyer} (DejaVu Sans where installed, which
     * OCR reads; else the pixel font, which it mostly does not).
     */
    public static void flyer(Path file, String recruiterPhone, String handle) throws IOException {
        Flyer.of(List.of(Flyer.Line.headline("WORK IN DUBAI!"), Flyer.Line.headline("$2500 A MONTH"),
                        Flyer.Line.body("NO EXPERIENCE - VISA + TICKET"), Flyer.Line.body("TEL " + recruiterPhone),
                        Flyer.Line.body("TG @" + handle)),
                List.of(new Flyer.Line("FICTITIOUS TRAINING DATA", 28, true),
                        new Flyer.Line("TRACELAB LAB - ALL NAMES AND NUMBERS MADE UP", 18, false)))
                .writePng(file);
    }
}
