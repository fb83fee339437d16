package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** E-mail addresses (plain and written around filters) and links. Addresses here are made up. */
class EmailUrlExtractionTest {

    private static final EntityExtractor X = new EntityExtractor("UZ");

    private static List<Entity> of(EntityType type, String text) {
        return X.extract(text, EnumSet.of(type));
    }

    static Stream<Arguments> emails() {
        return Stream.of(
                // text, value, raw, obfuscated
                Arguments.of("Email: Ivan.Petrov@Mail.ru, rezyume", "ivan.petrov@mail.ru", "Ivan.Petrov@Mail.ru", false),
                Arguments.of("<sample+jobs@example.co.uk>", "sample+jobs@example.co.uk", "sample+jobs@example.co.uk",
                        false),
                Arguments.of("mailto:sample@example.uz", "sample@example.uz", "sample@example.uz", false),
                Arguments.of("ivan [at] mail [dot] ru", "ivan@mail.ru", "ivan [at] mail [dot] ru", true),
                Arguments.of("ivan(at)gmail(dot)com", "ivan@gmail.com", "ivan(at)gmail(dot)com", true),
                Arguments.of("ivan {AT} yandex {DOT} ru", "ivan@yandex.ru", "ivan {AT} yandex {DOT} ru", true),
                Arguments.of("ivan [@] mail [.] ru", "ivan@mail.ru", "ivan [@] mail [.] ru", true),
                Arguments.of("почта: ivan собака mail.ru", "ivan@mail.ru", "ivan собака mail.ru", true),
                Arguments.of("ivan собака mail точка ru", "ivan@mail.ru", "ivan собака mail точка ru", true),
                Arguments.of("ivan [собака] bk.ru", "ivan@bk.ru", "ivan [собака] bk.ru", true),
                Arguments.of("ivan at gmail dot com", "ivan@gmail.com", "ivan at gmail dot com", true),
                Arguments.of("ivan @ mail.ru", "ivan@mail.ru", "ivan @ mail.ru", true),
                Arguments.of("sample_user sobaka inbox nuqta uz", "sample_user@inbox.uz",
                        "sample_user sobaka inbox nuqta uz", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emails")
    void findsEmails(String text, String value, String raw, boolean obfuscated) {
        List<Entity> found = of(EntityType.EMAIL, text);
        assertEquals(1, found.size(), () -> "expected one email in '" + text + "', got " + found);
        assertEquals(value, found.get(0).value());
        assertEquals(raw, found.get(0).raw());
        assertEquals(raw, text.substring(found.get(0).start(), found.get(0).end()));
        assertEquals(obfuscated, found.get(0).obfuscated());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "contact me at gmail.com", "meet at 5 pm", "email@", "@sample_user", "a @ b", "100% at home",
        "name at mail", "x@y",
    })
    void noFalseEmails(String text) {
        assertTrue(of(EntityType.EMAIL, text).isEmpty(), () -> "no email expected in " + text);
    }

    @Test
    void emailDomainIsNotAlsoAUrl() {
        List<Entity> all = X.extract("Yozing: ivan.petrov@mail.ru");
        assertEquals(List.of(EntityType.EMAIL), all.stream().map(Entity::type).toList());
    }

    static Stream<Arguments> urls() {
        return Stream.of(
                // text, value, raw
                Arguments.of("Sayt: https://Example.UZ/Jobs?id=5.", "https://example.uz/Jobs?id=5",
                        "https://Example.UZ/Jobs?id=5"),
                Arguments.of("(see http://example.com/a_(b))", "http://example.com/a_(b)", "http://example.com/a_(b)"),
                Arguments.of("(www.example.ru)", "https://www.example.ru", "www.example.ru"),
                Arguments.of("olx.uz/d/obyavlenie/id-123.html, ko'ring", "https://olx.uz/d/obyavlenie/id-123.html",
                        "olx.uz/d/obyavlenie/id-123.html"),
                Arguments.of("bit.ly/3AbCdEf!", "https://bit.ly/3AbCdEf", "bit.ly/3AbCdEf"),
                Arguments.of("сайт: работа-за-рубежом.рф", "https://работа-за-рубежом.рф", "работа-за-рубежом.рф"),
                Arguments.of("«https://example.kz/vacancy»", "https://example.kz/vacancy", "https://example.kz/vacancy"),
                Arguments.of("https://example.com/", "https://example.com", "https://example.com/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("urls")
    void findsUrls(String text, String value, String raw) {
        List<Entity> found = of(EntityType.URL, text);
        assertEquals(1, found.size(), () -> "expected one URL in '" + text + "', got " + found);
        assertEquals(value, found.get(0).value());
        assertEquals(raw, found.get(0).raw());
        assertFalse(found.get(0).obfuscated());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "г.Ташкент, ул.Навои", "и т.д. и т.п.", "1.5 mln", "e.g. this", "3 xonali kv.m", "Toshkent sh.",
        "node.js va file.txt", "v1.2.3",
    })
    void noFalseUrls(String text) {
        assertTrue(of(EntityType.URL, text).isEmpty(), () -> "no URL expected in " + text + ": " + of(EntityType.URL, text));
    }
}
