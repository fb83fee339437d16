package org.tracelab.cli.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * A folder of fictitious job ads in Uzbek (Latin and Cyrillic script), Russian and English, as text, DOCX and a
 * zip. Every name, number and handle in them is made up; the phone number +998 90 123 45 67 is written three ways.
 */
final class AdFixtures {
    static final String UZ_LATN = "Fictitious ad. Toshkentdagi maktabga oʻqituvchi kerak. Ish haqi yaxshi, "
            + "tajriba shart emas. Tel: 90 1234567";
    static final String UZ_CYRL = "Ўйдирма эълон. Самарқанддаги мактабга ўқитувчи керак. Иш ҳақи яхши. "
            + "Тел: 998901234567";
    static final String RU = "Вымышленное объявление. Работа за границей: требуются официантки, жильё и билеты "
            + "бесплатно. Звоните +998 90 123 45 67";
    static final String EN = "Fictitious ad. Waitresses wanted abroad, free visa and tickets, high salary. "
            + "Write to the recruiter on Telegram.";
    static final String DOCX = "Fictitious vacancy: drivers wanted in Dubai, contract for two years, passport "
            + "handled by the agency.";
    static final String ZIPPED = "Fictitious flyer inside an archive: nannies wanted, salary paid in advance.";

    private AdFixtures() {
    }

    static Path folder(Path parent) throws IOException {
        Path d = parent.resolve("ads");
        Files.createDirectories(d);
        Files.writeString(d.resolve("ad-uz-latn.txt"), UZ_LATN, StandardCharsets.UTF_8);
        Files.writeString(d.resolve("ad-uz-cyrl.txt"), UZ_CYRL, StandardCharsets.UTF_8);
        Files.writeString(d.resolve("ad-ru.txt"), RU, StandardCharsets.UTF_8);
        Files.writeString(d.resolve("ad-en.txt"), EN, StandardCharsets.UTF_8);
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(d.resolve("vacancy.docx"))) {
            doc.createParagraph().createRun().setText(DOCX);
            doc.getProperties().getCoreProperties().setTitle("Drivers for Dubai (fictitious)");
            doc.write(out);
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(d.resolve("flyers.zip")))) {
            zip.putNextEntry(new ZipEntry("flyer.txt"));
            zip.write(ZIPPED.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return d;
    }
}
