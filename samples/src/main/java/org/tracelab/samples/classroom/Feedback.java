package org.tracelab.samples.classroom;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a trainee is told about a hand-in, in words a trainee understands, in Uzbek (Latin), Russian and English.
 * Each message is a template whose {@code %s} are filled with the file, key or address it is about.
 */
public enum Feedback {
    BAG_CHANGED("paketingiz imzolangandan keyin o'zgartirilgan: %s",
            "ваш пакет изменён после подписи: %s",
            "your bag was changed after it was signed: %s"),
    BAG_FILE_MISSING("paketingizdan fayl yo'qolgan: %s",
            "в вашем пакете не хватает файла: %s",
            "a file is missing from your bag: %s"),
    BAG_FILE_ADDED("paket imzolangandan keyin unga fayl qo'shilgan: %s",
            "в пакет добавлен файл после подписи: %s",
            "a file was added to your bag after it was signed: %s"),
    BAG_SIZE("paket tarkibining hajmi unda yozilganiga mos emas: yozilgan %s bayt, %s fayl; bor %s bayt, %s fayl",
            "размер содержимого пакета не совпадает с записанным: записано %s байт в %s файлах, есть %s байт в %s "
                    + "файлах",
            "the size of your bag's contents is not what the bag says: it says %s bytes in %s files, it holds %s "
                    + "bytes in %s files"),
    BAG_SIGNATURE("paketingiz imzosi tasdiqlanmadi: u imzolangandan keyin o'zgartirilgan yoki boshqa kalit bilan "
            + "imzolangan",
            "подпись вашего пакета не подтверждается: пакет изменён после подписи или подписан другим ключом",
            "the signature of your bag does not verify: the bag was changed after signing or signed with another key"),
    BAG_MALFORMED("paketingiz to'g'ri BagIt paketi emas: %s",
            "ваш пакет не является правильным пакетом BagIt: %s",
            "your bag is not a well-formed BagIt bag: %s"),
    ITEM_NOT_CAPTURED("paketdagi fayl jurnalda yozilgan yig'ilgan fayl emas: %s",
            "файл в пакете не тот, что записан в журнале при сборе: %s",
            "a file in your bag is not the one your custody log says was captured: %s"),
    WEB_ARCHIVE_DAMAGED("paketdagi veb-arxiv yozuvi buzilgan: %s",
            "запись веб-архива в пакете повреждена: %s",
            "a web archive record in your bag is damaged: %s"),
    KEY_NOT_THE_CASE("paketingiz ishingiz kaliti (%s) bilan emas, boshqa kalit (%s) bilan imzolangan",
            "пакет подписан не ключом вашего дела (%s), а другим ключом (%s)",
            "your bag was signed not with your case's key (%s) but with another (%s)"),
    KEY_UNKNOWN("paketdagi jurnal ish qaysi kalit bilan ochilganini aytmaydi",
            "журнал в пакете не говорит, каким ключом создано дело",
            "the custody log in your bag does not say which key the case was made with"),
    CUSTODY_BROKEN("paketdagi dalillar zanjiri jurnali tekshiruvdan o'tmadi: %s",
            "журнал цепочки хранения доказательств в пакете не проходит проверку: %s",
            "the custody log in your bag does not verify end to end: %s"),
    CUSTODY_MISSING("paketda dalillar zanjiri jurnali yo'q",
            "в пакете нет журнала цепочки хранения доказательств",
            "your bag holds no custody log"),
    OUTSIDE_LAB("siz laboratoriyadan tashqaridan yig'gansiz: %s (laboratoriya: %s)",
            "вы собирали за пределами лаборатории: %s (лаборатория: %s)",
            "you collected from outside the lab: %s (the lab is %s)"),
    NO_CAPTURES("paketingizda birorta ham yig'ilgan material yo'q",
            "в вашем пакете нет ни одного собранного материала",
            "your bag holds no captures"),
    NO_PURPOSE("ishingizda tekshiruv maqsadi yozilmagan (case init --purpose)",
            "в вашем деле не записана цель проверки (case init --purpose)",
            "your case records no purpose (case init --purpose)"),
    NO_EXAMINER("ishingizda tekshiruvchi ismi yozilmagan (case init --examiner)",
            "в вашем деле не записано имя проверяющего (case init --examiner)",
            "your case records no examiner (case init --examiner)"),
    MORE("va yana %s ta", "и ещё %s", "and %s more"),
    GRADING_FAILED("topshirig'ingizni baholab bo'lmadi: %s",
            "вашу работу не удалось оценить: %s",
            "your hand-in could not be graded: %s");

    /** The languages feedback is given in, Uzbek first: the academies' own. */
    public static final List<String> LANGUAGES = List.of("uz", "ru", "en");

    private final Map<String, String> templates;

    Feedback(String uz, String ru, String en) {
        this.templates = Map.of("uz", uz, "ru", ru, "en", en);
    }

    /** The message in {@code language} (uz, ru or en; English for any other) with {@code args} filled in. */
    public String in(String language, List<String> args) {
        String template = templates.getOrDefault(language, templates.get("en"));
        return String.format(Locale.ROOT, template, args.toArray());
    }
}
