package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Telegram, WhatsApp, Instagram and VK identities. Handles and numbers here are made up. */
class HandleExtractionTest {

    private static final EntityExtractor X = new EntityExtractor("UZ");
    private static final Set<EntityType> MESSENGERS = EnumSet.of(EntityType.TELEGRAM, EntityType.TELEGRAM_INVITE,
            EntityType.WHATSAPP, EntityType.INSTAGRAM, EntityType.VK);

    private static List<Entity> messengers(String text) {
        return X.extract(text, MESSENGERS);
    }

    static Stream<Arguments> handles() {
        return Stream.of(
                // text, type, value, raw
                Arguments.of("Telegram: @Sample_Recruiter", EntityType.TELEGRAM, "sample_recruiter", "@Sample_Recruiter"),
                Arguments.of("yozing @sample_jobs_bot.", EntityType.TELEGRAM, "sample_jobs_bot", "@sample_jobs_bot"),
                Arguments.of("пишите в тг @work_abroad_test", EntityType.TELEGRAM, "work_abroad_test",
                        "@work_abroad_test"),
                Arguments.of("https://t.me/sample_channel", EntityType.TELEGRAM, "sample_channel",
                        "https://t.me/sample_channel"),
                Arguments.of("t.me/Sample_Channel", EntityType.TELEGRAM, "sample_channel", "t.me/Sample_Channel"),
                Arguments.of("(https://t.me/sample_channel/123)", EntityType.TELEGRAM, "sample_channel",
                        "https://t.me/sample_channel/123"),
                Arguments.of("https://t.me/s/sample_channel", EntityType.TELEGRAM, "sample_channel",
                        "https://t.me/s/sample_channel"),
                Arguments.of("telegram.me/sample_user", EntityType.TELEGRAM, "sample_user", "telegram.me/sample_user"),
                Arguments.of("https://sample_user.t.me", EntityType.TELEGRAM, "sample_user", "https://sample_user.t.me"),
                Arguments.of("tg://resolve?domain=sample_user", EntityType.TELEGRAM, "sample_user",
                        "tg://resolve?domain=sample_user"),
                Arguments.of("Telegram: sample_user", EntityType.TELEGRAM, "sample_user", "sample_user"),
                // a space after the @, after a contact word; a t.me link written with spaces
                Arguments.of("Telegram: @ ish_bor_demo", EntityType.TELEGRAM, "ish_bor_demo", "@ ish_bor_demo"),
                Arguments.of("пишите @ rabota_demo", EntityType.TELEGRAM, "rabota_demo", "@ rabota_demo"),
                Arguments.of("aloqa uchun @ ish_bor_demo", EntityType.TELEGRAM, "ish_bor_demo", "@ ish_bor_demo"),
                Arguments.of("yozing: @ rabota", EntityType.TELEGRAM, "rabota", "@ rabota"),
                Arguments.of("Ёзинг: @ rabota_demo", EntityType.TELEGRAM, "rabota_demo", "@ rabota_demo"),
                Arguments.of("Алоқа: @ ish_bor_demo", EntityType.TELEGRAM, "ish_bor_demo", "@ ish_bor_demo"),
                Arguments.of("write to us @ sample_user.", EntityType.TELEGRAM, "sample_user", "@ sample_user"),
                Arguments.of("t . me / rabota_demo", EntityType.TELEGRAM, "rabota_demo", "t . me / rabota_demo"),
                Arguments.of("Kanal: t. me/ ish_bor_demo", EntityType.TELEGRAM, "ish_bor_demo", "t. me/ ish_bor_demo"),
                Arguments.of("тг - sample_user", EntityType.TELEGRAM, "sample_user", "sample_user"),
                Arguments.of("https://t.me/+AbCdEfGhIjKlMnOp", EntityType.TELEGRAM_INVITE, "AbCdEfGhIjKlMnOp",
                        "https://t.me/+AbCdEfGhIjKlMnOp"),
                Arguments.of("t.me/joinchat/AbCdEfGhIjKlMnOp", EntityType.TELEGRAM_INVITE, "AbCdEfGhIjKlMnOp",
                        "t.me/joinchat/AbCdEfGhIjKlMnOp"),
                Arguments.of("tg://join?invite=AbCdEfGhIjKlMnOp", EntityType.TELEGRAM_INVITE, "AbCdEfGhIjKlMnOp",
                        "tg://join?invite=AbCdEfGhIjKlMnOp"),
                Arguments.of("wa.me/998901234567", EntityType.WHATSAPP, "+998901234567", "wa.me/998901234567"),
                Arguments.of("https://wa.me/+996555123456?text=salom", EntityType.WHATSAPP, "+996555123456",
                        "https://wa.me/+996555123456?text=salom"),
                Arguments.of("https://api.whatsapp.com/send?phone=77011234567&text=hi", EntityType.WHATSAPP,
                        "+77011234567", "https://api.whatsapp.com/send?phone=77011234567&text=hi"),
                Arguments.of("whatsapp://send?phone=998901234567", EntityType.WHATSAPP, "+998901234567",
                        "whatsapp://send?phone=998901234567"),
                Arguments.of("instagram.com/sample.model_agency", EntityType.INSTAGRAM, "sample.model_agency",
                        "instagram.com/sample.model_agency"),
                Arguments.of("https://www.instagram.com/Sample.Agency/", EntityType.INSTAGRAM, "sample.agency",
                        "https://www.instagram.com/Sample.Agency/"),
                Arguments.of("https://instagram.com/stories/sample.agency/123", EntityType.INSTAGRAM, "sample.agency",
                        "https://instagram.com/stories/sample.agency/123"),
                Arguments.of("Insta: @sample.agency", EntityType.INSTAGRAM, "sample.agency", "@sample.agency"),
                Arguments.of("инстаграм @sample_agency", EntityType.INSTAGRAM, "sample_agency", "@sample_agency"),
                Arguments.of("Instagram: sample.agency", EntityType.INSTAGRAM, "sample.agency", "sample.agency"),
                Arguments.of("@sample.agency, bizni instagramda kuzating", EntityType.INSTAGRAM, "sample.agency",
                        "@sample.agency"),
                Arguments.of("vk.com/sample_person", EntityType.VK, "sample_person", "vk.com/sample_person"),
                Arguments.of("https://vk.com/id123456", EntityType.VK, "id123456", "https://vk.com/id123456"),
                Arguments.of("https://m.vk.com/club123456", EntityType.VK, "club123456", "https://m.vk.com/club123456"),
                Arguments.of("вк: @sample_person", EntityType.VK, "sample_person", "@sample_person"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handles")
    void finds(String text, EntityType type, String value, String raw) {
        List<Entity> found = messengers(text).stream().filter(e -> e.type() == type).toList();
        assertEquals(1, found.size(), () -> "expected one " + type + " in '" + text + "', got " + messengers(text));
        Entity e = found.get(0);
        assertEquals(value, e.value());
        assertEquals(raw, e.raw());
        assertEquals(raw, text.substring(e.start(), e.end()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ivan.petrov@mail.ru", "https://medium.com/@sample_writer", "@abc", "tiktok @sample_dancer",
        "YouTube: @sample_channel", "https://t.me/share/url?url=x", "https://t.me/addstickers/SampleSet",
        "https://instagram.com/p/AbCdEf123", "https://instagram.com/explore/tags/sample",
        "https://vk.com/wall-123456_789", "https://vk.com/away.php?to=x", "https://vk.com/photo123_456",
        "t.me/+1234", "100@ ok", "email@", "Narxi 5 000 000 so'm", "on @ 5pm", "a@b",
        "email me @ 5pm", "@ home", "write to us @ home", "@ ish_bor_demo", "we met @ rabota_demo",
        "пишите нам, мы ответим в любое время суток @ rabota_demo", "t . me / s", "at. me / sample_user",
        // an @name nothing makes a Telegram name, markup that leaked into a text, other sites' names
        "@sample.agency", "Follow the newspaper @sample_gazette_demo for news",
        "@import url(\"style.css\"); @media screen { .a { color: red } }", "@font-face { font-family: x }",
        "{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", \"@id\": \"#article\"}",
        "sample.person@mail.ru", "https://x.com/@sample_gazette_demo",
    })
    void noFalseHandles(String text) {
        List<Entity> found = messengers(text);
        assertTrue(found.isEmpty(), () -> "expected no handle in '" + text + "', got " + found);
    }

    @Test
    void waMeIsAlsoAPhoneInE164() {
        String text = "Yozing: wa.me/998901234567";
        List<Entity> all = X.extract(text);
        Entity phone = all.stream().filter(e -> e.type() == EntityType.PHONE).findFirst().orElseThrow();
        assertEquals("+998901234567", phone.value());
        assertEquals("998901234567", phone.raw());
        assertEquals("UZ", phone.region());
        Entity wa = all.stream().filter(e -> e.type() == EntityType.WHATSAPP).findFirst().orElseThrow();
        assertEquals("UZ", wa.region());
        assertEquals(1, all.stream().filter(e -> e.type() == EntityType.PHONE).count());
        assertTrue(all.stream().anyMatch(e -> e.type() == EntityType.URL && e.value().equals("https://wa.me/998901234567")));
    }

    @Test
    void telegramPhoneLinkIsAPhoneNotAnInvite() {
        List<Entity> all = X.extract("t.me/+998901234567");
        assertTrue(all.stream().noneMatch(e -> e.type() == EntityType.TELEGRAM_INVITE), all::toString);
        Entity phone = all.stream().filter(e -> e.type() == EntityType.PHONE).findFirst().orElseThrow();
        assertEquals("+998901234567", phone.value());
        assertEquals("+998901234567", phone.raw());
    }

    @Test
    void numberLabelledWhatsAppIsAlsoWhatsApp() {
        List<Entity> found = messengers("WhatsApp: +998 93 765 43 21, tel: 90 123 45 67");
        assertEquals(1, found.size(), found::toString);
        assertEquals(EntityType.WHATSAPP, found.get(0).type());
        assertEquals("+998937654321", found.get(0).value());
        assertEquals("+998 93 765 43 21", found.get(0).raw());
        assertEquals(1, messengers("Tel/Ватсап 90 123 45 67").size());
        assertEquals(1, messengers("Aloqa: Vatsap 998 93 765 43 21").size(), "the Uzbek spelling of WhatsApp");
        assertEquals(0, messengers("Tel 90 123 45 67").size());
    }

    @Test
    void aTelegramLinkNearByMakesABareNameTelegram() {
        assertEquals(List.of("@sample_hr_demo", "t.me/sample_hr_demo"),
                messengers("Resume: @sample_hr_demo (t.me/sample_hr_demo)").stream().map(Entity::raw).toList());
        assertEquals(List.of("sample_news_demo", "sample_admin_demo"),
                messengers("Подробнее в канале t.me/sample_news_demo\nАдмин: @sample_admin_demo").stream()
                        .map(Entity::value).toList());
        assertEquals(List.of("sample_news_demo"), messengers("Канал t.me/sample_news_demo\n\n\nФото: @sample_photo_demo")
                .stream().map(Entity::value).toList(), "not across paragraphs");
    }

    @Test
    void inATelegramChannelABareNameIsTelegram() {
        String post = "Vakansiya! Batafsil: @sample_hr_demo";
        assertEquals(List.of(), X.extract(post, MESSENGERS, false).stream().map(Entity::value).toList());
        assertEquals(List.of("sample_hr_demo"), X.extract(post, MESSENGERS, true).stream().map(Entity::value).toList());
        assertEquals(List.of(), X.extract("@media print { }", MESSENGERS, true), "markup stays markup");
    }

    @Test
    void nearestLabelDecidesTheNetwork() {
        List<Entity> found = messengers("Insta: @sample.agency, Telegram: @sample_agency");
        assertEquals(List.of(EntityType.INSTAGRAM, EntityType.TELEGRAM), found.stream().map(Entity::type).toList());
    }
}
