package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Phone numbers: formats, regions and plans, obfuscation, and the things that must not become phones.
 *
 * <p>Every number here is made up: sequential or mirrored digits (123 45 67, 765 43 21, 555 123 456) in a mobile
 * range, chosen to look fictitious; none is known to belong to anyone. No country in the region reserves a fiction
 * range, so valid-looking made-up numbers are the best we can do. The same holds for the other test classes.
 */
class PhoneExtractionTest {

    private static final EntityExtractor UZ = new EntityExtractor("UZ");
    private static final EntityExtractor RU = new EntityExtractor("RU");
    private static final EntityExtractor KZ = new EntityExtractor("KZ");

    private static EntityExtractor in(String region) {
        return switch (region) {
            case "UZ" -> UZ;
            case "RU" -> RU;
            case "KZ" -> KZ;
            default -> new EntityExtractor(region);
        };
    }

    private static List<Entity> phones(String region, String text) {
        return in(region).extract(text, java.util.EnumSet.of(EntityType.PHONE));
    }

    static Stream<Arguments> positives() {
        return Stream.of(
                // region, text, E.164, plan, the raw text the entity must cover
                Arguments.of("UZ", "Tel: 90 123 45 67", "+998901234567", "UZ", "90 123 45 67"),
                Arguments.of("UZ", "+998 (90) 123-45-67", "+998901234567", "UZ", "+998 (90) 123-45-67"),
                Arguments.of("UZ", "998901234567", "+998901234567", "UZ", "998901234567"),
                Arguments.of("UZ", "+998 90 123-45-67", "+998901234567", "UZ", "+998 90 123-45-67"),
                Arguments.of("UZ", "aloqa uchun 90 1234567", "+998901234567", "UZ", "90 1234567"),
                Arguments.of("UZ", "+998901234567.", "+998901234567", "UZ", "+998901234567"),
                Arguments.of("UZ", "(90) 123-45-67", "+998901234567", "UZ", "(90) 123-45-67"),
                Arguments.of("UZ", "90-123-45-67 (Viber, Telegram)", "+998901234567", "UZ", "90-123-45-67"),
                Arguments.of("UZ", "90.123.45.67", "+998901234567", "UZ", "90.123.45.67"),
                Arguments.of("UZ", "998 90 123 45 67", "+998901234567", "UZ", "998 90 123 45 67"),
                Arguments.of("UZ", "Tel 99 8 90 123 45 67", "+998901234567", "UZ", "99 8 90 123 45 67"),
                // the old Uzbek trunk 8, no longer in the plan but still in ads
                Arguments.of("UZ", "8 90 123 45 67", "+998901234567", "UZ", "8 90 123 45 67"),
                Arguments.of("UZ", "8 (90) 123-45-67", "+998901234567", "UZ", "8 (90) 123-45-67"),
                Arguments.of("UZ", "tel: 71 123 45 67", "+998711234567", "UZ", "71 123 45 67"),
                Arguments.of("UZ", "33 123 45 67", "+998331234567", "UZ", "33 123 45 67"),
                // Russia, trunk 8
                Arguments.of("RU", "8 (901) 234-56-78", "+79012345678", "RU", "8 (901) 234-56-78"),
                Arguments.of("RU", "Звоните 8 916 123 45 67", "+79161234567", "RU", "8 916 123 45 67"),
                Arguments.of("RU", "89161234567", "+79161234567", "RU", "89161234567"),
                Arguments.of("RU", "+7 (916) 123-45-67", "+79161234567", "RU", "+7 (916) 123-45-67"),
                // +7: Kazakhstan's ranges told from Russia's
                Arguments.of("UZ", "+7 701 123 4567", "+77011234567", "KZ", "+7 701 123 4567"),
                Arguments.of("UZ", "+7 916 123 45 67", "+79161234567", "RU", "+7 916 123 45 67"),
                Arguments.of("UZ", "+7 (777) 123-45-67", "+77771234567", "KZ", "+7 (777) 123-45-67"),
                Arguments.of("UZ", "+7 747 123 45 67", "+77471234567", "KZ", "+7 747 123 45 67"),
                Arguments.of("UZ", "+7 705 123 45 67", "+77051234567", "KZ", "+7 705 123 45 67"),
                Arguments.of("RU", "+7 701 123 45 67", "+77011234567", "KZ", "+7 701 123 45 67"),
                Arguments.of("KZ", "8 701 123 45 67", "+77011234567", "KZ", "8 701 123 45 67"),
                Arguments.of("KZ", "8 (916) 123-45-67", "+79161234567", "RU", "8 (916) 123-45-67"),
                // a Kazakh number written the Kazakh way in an Uzbek ad; +7 written without the plus
                Arguments.of("UZ", "8 777 123 45 67", "+77771234567", "KZ", "8 777 123 45 67"),
                Arguments.of("UZ", "7 701 123 45 67", "+77011234567", "KZ", "7 701 123 45 67"),
                // a Kazakh mobile without +7 in an Uzbek ad: ten digits from a Kazakh mobile code
                Arguments.of("UZ", "(747) 555-00-01", "+77475550001", "KZ", "(747) 555-00-01"),
                Arguments.of("UZ", "Tel: (747) 555-00-01", "+77475550001", "KZ", "(747) 555-00-01"),
                Arguments.of("UZ", "747 5550001", "+77475550001", "KZ", "747 5550001"),
                Arguments.of("UZ", "771 555 12 34", "+77715551234", "KZ", "771 555 12 34"),
                Arguments.of("UZ", "Звоните 7 775 555 10 23", "+77755551023", "KZ", "7 775 555 10 23"),
                Arguments.of("UZ", "8 (701) 555 12 34", "+77015551234", "KZ", "8 (701) 555 12 34"),
                // a Russian mobile without +7, grouped 3-3-2-2 the Russian way, in an Uzbek ad
                Arguments.of("UZ", "Тел: (916) 555-12-34", "+79165551234", "RU", "(916) 555-12-34"),
                Arguments.of("UZ", "985 555 00 57", "+79855550057", "RU", "985 555 00 57"),
                // Kyrgyzstan, Tajikistan, Turkmenistan
                Arguments.of("UZ", "0700123456", "+996700123456", "KG", "0700123456"),
                Arguments.of("UZ", "Звоните: 0 (555) 123 456", "+996555123456", "KG", "0 (555) 123 456"),
                Arguments.of("UZ", "Телефон 996 777 123 000", "+996777123000", "KG", "996 777 123 000"),
                Arguments.of("UZ", "+996 555 123 456", "+996555123456", "KG", "+996 555 123 456"),
                Arguments.of("UZ", "+996 (700) 123-456", "+996700123456", "KG", "+996 (700) 123-456"),
                Arguments.of("UZ", "996555123456", "+996555123456", "KG", "996555123456"),
                Arguments.of("UZ", "+992 93 123 4567", "+992931234567", "TJ", "+992 93 123 4567"),
                Arguments.of("UZ", "992 93 123 45 67", "+992931234567", "TJ", "992 93 123 45 67"),
                Arguments.of("UZ", "+993 65 123456", "+99365123456", "TM", "+993 65 123456"),
                Arguments.of("UZ", "+993 (65) 12-34-56", "+99365123456", "TM", "+993 (65) 12-34-56"),
                Arguments.of("RU", "998 90 123 45 67", "+998901234567", "UZ", "998 90 123 45 67"),
                // a destination country, and a '+' that belongs to the age, not the number
                Arguments.of("UZ", "Türkiye: +90 532 123 45 67", "+905321234567", "TR", "+90 532 123 45 67"),
                Arguments.of("UZ", "Yosh 18+ 90 123 45 67", "+998901234567", "UZ", "90 123 45 67"),
                Arguments.of("KG", "0555 123 456", "+996555123456", "KG", "0555 123 456"));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("positives")
    void findsAndNormalises(String region, String text, String e164, String plan, String raw) {
        List<Entity> found = phones(region, text);
        assertEquals(1, found.size(), () -> "expected one phone in '" + text + "', got " + found);
        Entity p = found.get(0);
        assertEquals(e164, p.value());
        assertEquals(plan, p.region());
        assertEquals(raw, p.raw());
        assertEquals(raw, text.substring(p.start(), p.end()));
    }

    @Test
    void theThreeUsualFormatsAreOneNumber() {
        String ad = "Tel: 90 123 45 67, +998 (90) 123-45-67 yoki 998901234567";
        List<Entity> found = phones("UZ", ad);
        assertEquals(3, found.size(), found::toString);
        assertTrue(found.stream().allMatch(e -> e.value().equals("+998901234567")));
        assertTrue(found.stream().noneMatch(Entity::obfuscated));
        assertEquals(List.of("90 123 45 67", "+998 (90) 123-45-67", "998901234567"),
                found.stream().map(Entity::raw).toList());
    }

    @Test
    void numberTypeIsGiven() {
        assertEquals("MOBILE", phones("UZ", "+998 90 123 45 67").get(0).numberType());
        assertEquals("FIXED_LINE", phones("RU", "+7 495 123-45-67").get(0).numberType());
    }

    @Test
    void severalNumbersWrittenBackToBack() {
        List<Entity> found = phones("UZ", "90 123 45 67 93 765 43 21");
        assertEquals(List.of("+998901234567", "+998937654321"), found.stream().map(Entity::value).toList());
        assertEquals(List.of("90 123 45 67", "93 765 43 21"), found.stream().map(Entity::raw).toList());
        found = phones("UZ", "+998 90 123 45 67 / +998 93 765 43 21; 97 111 22 33");
        assertEquals(List.of("+998901234567", "+998937654321", "+998971112233"),
                found.stream().map(Entity::value).toList());
    }

    static Stream<Arguments> obfuscated() {
        return Stream.of(
                // digits as words: Russian, Uzbek Latin, Uzbek Cyrillic, English
                Arguments.of("UZ", "тел: девять ноль один два три четыре пять шесть семь", "+998901234567"),
                Arguments.of("UZ", "девяносто сто двадцать три сорок пять шестьдесят семь", "+998901234567"),
                Arguments.of("UZ", "девяносто, сто двадцать три, сорок пять, шестьдесят семь", "+998901234567"),
                Arguments.of("UZ", "ДЕВЯНОСТО ОДИН 123 45 67", "+998911234567"),
                Arguments.of("UZ", "тридцать три сто двадцать три тридцать пять сорок", "+998331233540"),
                Arguments.of("RU", "восемь девятьсот один двести тридцать четыре пятьдесят шесть семьдесят восемь",
                        "+79012345678"),
                Arguments.of("UZ", "Tel: to'qson bir ikki uch to'rt besh olti yetti sakkiz", "+998912345678"),
                Arguments.of("UZ", "to‘qson bir yuz yigirma uch qirq besh oltmish yetti", "+998911234567"),
                Arguments.of("UZ", "to'qqiz nol bir ikki uch to'rt besh olti yetti", "+998901234567"),
                Arguments.of("UZ", "тўқсон бир икки уч тўрт беш олти етти саккиз", "+998912345678"),
                Arguments.of("UZ", "туксон, бир юз йигирма уч, кирк беш, олтмиш етти", "+998911234567"),
                Arguments.of("UZ", "call me: nine zero one two three four five six seven", "+998901234567"),
                Arguments.of("UZ", "ninety one two three four five six seven eight", "+998912345678"),
                Arguments.of("UZ", "plus nine nine eight nine zero one two three four five six seven",
                        "+998901234567"),
                Arguments.of("UZ", "плюс семь семьсот один сто двадцать три сорок пять шестьдесят семь",
                        "+77011234567"),
                // mixed digits and words
                Arguments.of("UZ", "90 bir ikki uch 45 67", "+998901234567"),
                Arguments.of("UZ", "девяносто 123 сорок пять 67", "+998901234567"),
                // look-alike letters
                Arguments.of("UZ", "+998 9O l23 45 67", "+998901234567"),
                Arguments.of("UZ", "+998 9О 12З 45 67", "+998901234567"),
                Arguments.of("UZ", "90 I23 45 67", "+998901234567"),
                Arguments.of("UZ", "9O I 2 3 4 5 6 7", "+998901234567"),
                Arguments.of("UZ", "+998 9О 1б3 45 67", "+998901634567"),
                Arguments.of("UZ", "9O 123 45 67", "+998901234567"),
                Arguments.of("UZ", "90 |23 45 67", "+998901234567"),
                // a number's closing groups all in look-alikes
                Arguments.of("UZ", "Тел: +998 95 555 OO OЗ", "+998955550003"),
                Arguments.of("UZ", "+998 9O 555 OO ll", "+998905550011"),
                Arguments.of("UZ", "+7 777 555 4O lЗ TG", "+77775554013"),
                Arguments.of("UZ", "+7 9l6 56l 2O ЗO", "+79165612030"),
                // separators: dots, underscores, emoji, symbols, spaced-out digits
                Arguments.of("UZ", "9.0.1.2.3.4.5.6.7", "+998901234567"),
                Arguments.of("UZ", "9_0_1_2_3_4_5_6_7", "+998901234567"),
                Arguments.of("UZ", "9 0 1 2 3 4 5 6 7", "+998901234567"),
                Arguments.of("UZ", "90📞123🔥45🔥67", "+998901234567"),
                Arguments.of("UZ", "☎️ 90 ⭐ 123 ⭐ 45 ⭐ 67", "+998901234567"),
                Arguments.of("UZ", "90 * 123 * 45 * 67", "+998901234567"),
                Arguments.of("UZ", "+998-90-1️⃣2️⃣3️⃣-45-67", "+998901234567"),
                Arguments.of("UZ", "9️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣", "+998901234567"),
                Arguments.of("UZ", "❾⓪①②③④⑤⑥⑦", "+998901234567"),
                Arguments.of("UZ", "９０ １２３ ４５ ６７", "+998901234567"),
                Arguments.of("UZ", "𝟵𝟬 𝟭𝟮𝟯 𝟰𝟱 𝟲𝟳", "+998901234567"));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("obfuscated")
    void decodesObfuscatedNumbers(String region, String text, String e164) {
        List<Entity> found = phones(region, text);
        assertEquals(1, found.size(), () -> "expected one phone in '" + text + "', got " + found);
        Entity p = found.get(0);
        assertEquals(e164, p.value());
        assertTrue(p.obfuscated(), "should be marked obfuscated");
        assertEquals(text.substring(p.start(), p.end()), p.raw());
        // the raw span starts and ends on the number itself, not on the words around it
        assertFalse(Character.isWhitespace(p.raw().charAt(0)));
        assertFalse(Character.isWhitespace(p.raw().charAt(p.raw().length() - 1)));
    }

    @Test
    void obfuscatedOffsetsPointAtTheWords() {
        String text = "Ish bor! Tel: to'qson bir ikki uch to'rt besh olti yetti sakkiz, so'rang.";
        Entity p = phones("UZ", text).get(0);
        assertEquals("to'qson bir ikki uch to'rt besh olti yetti sakkiz", p.raw());
        assertEquals(text.indexOf("to'qson"), p.start());
        assertEquals(text.indexOf(", so'rang"), p.end());
    }

    static Stream<Arguments> negatives() {
        return Stream.of(
                // prices
                Arguments.of("UZ", "Narxi 5 000 000 so'm"),
                Arguments.of("UZ", "Narxi 990 000 000 so'm"),
                Arguments.of("UZ", "990 000 000"),
                Arguments.of("UZ", "990000000 so'm"),
                Arguments.of("UZ", "Narxi: 901234567"),
                Arguments.of("UZ", "Цена: 901234567"),
                Arguments.of("UZ", "$1500 yoki 150 000 руб"),
                Arguments.of("UZ", "oylik 4 000 000 dan 6 000 000 gacha"),
                Arguments.of("UZ", "To'lov: 200 000 000 so'm, 200 000 000"),
                Arguments.of("UZ", "narxi 55 000 y.e., 3 xonali, 65 kv.m"),
                Arguments.of("UZ", "1.5 mln. 2.5 mln, 100.000.000"),
                Arguments.of("UZ", "Narxlar: 100 200 300 400 500 600 700"),
                Arguments.of("UZ", "930 000 000 сум"),
                Arguments.of("UZ", "901234567 сум"),
                Arguments.of("UZ", "Salary $2000-3000 per month"),
                Arguments.of("RU", "Цена 150 000 руб, торг"),
                Arguments.of("RU", "9 161 234 567 ₽"),
                Arguments.of("UZ", "skidka 50%, 901234567%"),
                // ten digits that open with no Kazakh mobile code, or read as money or an id
                Arguments.of("UZ", "7123456789"),
                Arguments.of("UZ", "9161234567"),
                Arguments.of("UZ", "916 1234567"),
                Arguments.of("UZ", "4951234567"),
                Arguments.of("UZ", "1234567890"),
                Arguments.of("UZ", "5551234567"),
                Arguments.of("UZ", "7475550001 so'm"),
                Arguments.of("UZ", "ID: 7475550001"),
                Arguments.of("UZ", "Narxi 7 750 000 so'm"),
                // dates, years, times
                Arguments.of("UZ", "Sana 12.05.2023"),
                Arguments.of("UZ", "2023-05-12 va 2024-2025 yillar, 1990-2000"),
                Arguments.of("UZ", "12.05.2023 14:30"),
                Arguments.of("RU", "с 01.02.2023 по 28.02.2023"),
                Arguments.of("UZ", "Ish vaqti 09:00-18:00, yosh 18-25"),
                // ids, documents, cards
                Arguments.of("UZ", "ID: 901234567"),
                Arguments.of("UZ", "e'lon № 901234567"),
                Arguments.of("UZ", "#901234567"),
                Arguments.of("UZ", "ID901234567"),
                Arguments.of("UZ", "ИНН 901234567, паспорт AA 1234567"),
                Arguments.of("UZ", "Karta 8600 1234 5678 9012 (fictitious, Luhn-valid)"),
                Arguments.of("UZ", "Humo 9860 0101 2345 6781"),
                Arguments.of("UZ", "https://olx.uz/d/obyavlenie/id-901234567.html"),
                Arguments.of("UZ", "901234567@mail.ru"),
                // ordinary numbers in text
                Arguments.of("UZ", "Квартира 3 комнаты 75 м² 5 этаж 9 этажного дома, с 9 до 18"),
                Arguments.of("UZ", "Ishga 200 kishi kerak, 2 xona, 3/5 qavat"),
                Arguments.of("UZ", "Manzil: Chilonzor 9-kvartal, 12-uy, 45-xonadon"),
                Arguments.of("UZ", "Call 24/7"),
                // ordinary words that are also number words
                Arguments.of("UZ", "one of the best, bir oy, три дня"),
                Arguments.of("UZ", "bir ikki uch to'rt"),
                Arguments.of("UZ", "Один из лучших, два дня отдыха, три раза в неделю"),
                Arguments.of("UZ", "bir oy ishlab, ikki yil yashab, uch kun dam"),
                Arguments.of("UZ", "I have one or two questions, on Monday or Tuesday"),
                Arguments.of("UZ", "Ona tili, bir necha, olti oy, o'n kun"),
                Arguments.of("UZ", "Oo, Io, Ol, зло, боб"),
                Arguments.of("UZ", "one two three four five six seven eight nine ten"),
                Arguments.of("UZ", "nol to'qqiz bir, ikki uch to'rt, besh olti yetti"),
                // б only between digits
                Arguments.of("UZ", "+998 90 123 45 6б"));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("negatives")
    void noFalsePhones(String region, String text) {
        List<Entity> found = phones(region, text);
        assertTrue(found.isEmpty(), () -> "expected no phone in '" + text + "', got " + found);
    }

    @Test
    void aPhoneNextToAPriceIsStillFound() {
        List<Entity> found = phones("UZ", "Цена: 1 200 000 сум. Звоните 8 (90) 123-45-67");
        assertEquals(1, found.size(), found::toString);
        assertEquals("8 (90) 123-45-67", found.get(0).raw());
        found = phones("UZ", "Narxi 5 000 000 so'm. Tel 90 123 45 67, ID 4815162342");
        assertEquals(List.of("+998901234567"), found.stream().map(Entity::value).toList());
        found = phones("UZ", "Narxi 500 000 so'm 90 123 45 67");
        assertEquals(List.of("90 123 45 67"), found.stream().map(Entity::raw).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call on 90 123 45 67", "Tel +998901234567.Toshkent", "90 123 45 67 12 ta bor"})
    void ordinaryWordsAroundANumberStayOutOfIt(String text) {
        List<Entity> found = phones("UZ", text);
        assertEquals(1, found.size(), found::toString);
        assertEquals("+998901234567", found.get(0).value());
        assertFalse(found.get(0).obfuscated());
    }

    @Test
    void lookAlikeWordsAfterANumberDoNotChangeIt() {
        for (String text : List.of("Tel 90 123 45 67 ООО «Sample»", "Call 90 123 45 67 I will answer",
                "Tel: 90 123 45 67 lo")) {
            List<Entity> found = phones("UZ", text);
            assertEquals(List.of("+998901234567"), found.stream().map(Entity::value).toList(), text);
        }
    }

    @Test
    void regionIsCaseInsensitiveAndChecked() {
        assertEquals("UZ", new EntityExtractor("uz").defaultRegion());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new EntityExtractor("XX"));
    }
}
