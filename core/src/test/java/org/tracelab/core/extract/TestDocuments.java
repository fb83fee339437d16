package org.tracelab.core.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real-format documents made on the spot, so no binary fixture needs a provenance note. All content is fictitious. */
public final class TestDocuments {
    private TestDocuments() {
    }

    static Path pdf(Path dir, String title, String author, String line) throws IOException {
        Path file = dir.resolve("ad.pdf");
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(line);
                content.endText();
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(2025, Calendar.MARCH, 14, 9, 30, 0);
            info.setCreationDate(created);
            doc.save(file.toFile());
        }
        return file;
    }

    static Path docx(Path dir, String title, String paragraph) throws IOException {
        Path file = dir.resolve("ad.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph().createRun().setText(paragraph);
            doc.getProperties().getCoreProperties().setTitle(title);
            doc.getProperties().getCoreProperties().setCreator("Fictitious Recruiter");
            doc.write(out);
        }
        return file;
    }

    static Path xlsx(Path dir, String... cells) throws IOException {
        Path file = dir.resolve("list.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = book.createSheet("vacancies");
            for (int i = 0; i < cells.length; i++) {
                sheet.createRow(i).createCell(0).setCellValue(cells[i]);
            }
            book.write(out);
        }
        return file;
    }

    /** A minimal but valid OpenDocument text: stored mimetype first, then manifest, content and meta. */
    static Path odt(Path dir, String title, String paragraph) throws IOException {
        Path file = dir.resolve("ad.odt");
        String content = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">
                  <office:body><office:text><text:p>%s</text:p></office:text></office:body>
                </office:document-content>
                """.formatted(paragraph);
        String meta = """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.2">
                  <office:meta><dc:title>%s</dc:title></office:meta>
                </office:document-meta>
                """.formatted(title);
        String manifest = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                  <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                  <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                  <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            CRC32 crc = new CRC32();
            crc.update(mimetype);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.closeEntry();
            put(zip, "META-INF/manifest.xml", manifest.getBytes(StandardCharsets.UTF_8));
            put(zip, "content.xml", content.getBytes(StandardCharsets.UTF_8));
            put(zip, "meta.xml", meta.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    static Path rtf(Path dir, String asciiText) throws IOException {
        Path file = dir.resolve("ad.rtf");
        Files.writeString(file, "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Times New Roman;}}{\\info{\\title Fictitious RTF ad}}"
                + "\\f0\\fs24 " + asciiText + "\\par}", StandardCharsets.US_ASCII);
        return file;
    }

    static Path eml(Path dir, String subject, String body, String attachmentName, String attachmentText)
            throws IOException {
        Path file = dir.resolve("offer.eml");
        String attachment = java.util.Base64.getMimeEncoder().encodeToString(
                attachmentText.getBytes(StandardCharsets.UTF_8));
        String mail = """
                From: Fictitious Agency <jobs@agency.example>
                To: candidate@example.org
                Subject: %s
                Date: Fri, 14 Mar 2025 09:30:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="XYZ"

                --XYZ
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                %s
                --XYZ
                Content-Type: text/plain; charset=UTF-8; name="%s"
                Content-Disposition: attachment; filename="%s"
                Content-Transfer-Encoding: base64

                %s
                --XYZ--
                """.formatted(subject, body, attachmentName, attachmentName, attachment).replace("\n", "\r\n");
        Files.writeString(file, mail, StandardCharsets.UTF_8);
        return file;
    }

    static byte[] zipOf(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            put(zip, name, content);
        }
        return bytes.toByteArray();
    }

    /** A zip whose one member is {@code size} zero bytes: it weighs a thousandth of what it unpacks to. */
    public static Path zipBomb(Path dir, long size) throws IOException {
        Path file = dir.resolve("bomb.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("zeros.txt"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return file;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
