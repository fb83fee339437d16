package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tracelab.core.TracelabException;

/** The extractor as a whole: a realistic ad, order, offsets, type selection, sharing between threads. */
class EntityExtractorTest {

    /** A made-up recruitment ad of the kind the labs train on; every number, name and address is fictitious. */
    static final String AD = """
            🔥 Ish Dubayda! Oylik 1500$ dan. Yosh 18-30. Viza, chipta bizdan.
            Tel: +998 (90) 123-45-67, 93 765 43 21. WhatsApp: wa.me/998901234567
            Telegram: @sample_recruiter yoki https://t.me/+AbCdEfGhIjKlMnOp
            Изоҳ: рақам тўқсон бир, бир юз йигирма уч, қирқ беш, олтмиш етти 📞
            Email: sample [at] mail [dot] ru, Insta: instagram.com/sample.agency
            To'lov USDT (TRC20): TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t
            E'lon ID 48151623, 12.05.2025, narxi 5 000 000 so'm.
            """;

    private final EntityExtractor x = new EntityExtractor("UZ");

    @Test
    void readsARealisticAd() {
        List<Entity> all = x.extract(AD);
        List<String> got = all.stream().map(e -> e.type() + " " + e.value()).toList();
        List<String> want = List.of(
                "phone +998901234567",
                "phone +998937654321",
                "url https://wa.me/998901234567",
                "whatsapp +998901234567",
                "phone +998901234567",
                "telegram sample_recruiter",
                "url https://t.me/+AbCdEfGhIjKlMnOp",
                "telegram-invite AbCdEfGhIjKlMnOp",
                "phone +998911234567",
                "email sample@mail.ru",
                "url https://instagram.com/sample.agency",
                "instagram sample.agency",
                "tron TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t");
        assertEquals(want, got);
        Entity spelled = all.stream().filter(e -> e.value().equals("+998911234567")).findFirst().orElseThrow();
        assertTrue(spelled.obfuscated());
        assertEquals("тўқсон бир, бир юз йигирма уч, қирқ беш, олтмиш етти", spelled.raw());
    }

    @Test
    void offsetsPointAtTheRawText() {
        for (Entity e : x.extract(AD)) {
            assertEquals(e.raw(), AD.substring(e.start(), e.end()), e::toString);
        }
    }

    @Test
    void orderIsByStartThenEndThenType() {
        List<Entity> all = x.extract(AD);
        List<Entity> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(Entity::start).thenComparingInt(Entity::end).thenComparing(Entity::type));
        assertEquals(sorted, all);
        assertEquals(all, x.extract(AD), "same text, same answer");
    }

    @Test
    void selectsTypes() {
        List<Entity> phones = x.extract(AD, EnumSet.of(EntityType.PHONE));
        assertTrue(phones.stream().allMatch(e -> e.type() == EntityType.PHONE));
        assertEquals(4, phones.size());
        List<Entity> wallets = x.extract(AD, EnumSet.of(EntityType.TRON, EntityType.BTC));
        assertEquals(1, wallets.size());
        assertTrue(x.extract(AD, EnumSet.noneOf(EntityType.class)).isEmpty());
        assertTrue(x.extract("").isEmpty());
    }

    @Test
    void sharedBetweenThreads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add(AD.replace("43 21", String.format("%02d %02d", i % 100, (i * 7) % 100)));
        }
        List<List<Entity>> serial = texts.stream().map(x::extract).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Entity>>> futures = new ArrayList<>();
            for (String t : texts) {
                futures.add(pool.submit(() -> x.extract(t)));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(serial.get(i), futures.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void randomTextNeverBreaksOffsets() {
        java.util.Random r = new java.util.Random(7);
        String alphabet = "0123456789 +-.()@:_/#%$,;\n abcxyzoOlIзб t.me wa.me @ [at] [dot] собака девяносто bir"
                + " 0x TR bc1 📞🔥9️⃣①９𝟵 'ʻ’ https:// .uz .ru";
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            int len = r.nextInt(120);
            while (b.length() < len) {
                int at = r.nextInt(alphabet.length() - 1);
                if (Character.isLowSurrogate(alphabet.charAt(at))) {
                    at--;
                }
                int n = Character.isHighSurrogate(alphabet.charAt(at)) ? 2 : 1 + r.nextInt(3);
                b.append(alphabet, at, Math.min(alphabet.length(), at + n));
            }
            String text = b.toString();
            for (Entity e : x.extract(text)) {
                assertEquals(e.raw(), text.substring(e.start(), e.end()), () -> text + " -> " + e);
            }
        }
    }

    @Test
    void largeAndDegenerateTextsStayFast() {
        // 100-200 KB each (no stack overflow in the regexes); time limit generous for a loaded 2-core CI machine
        String[] bad = {
            "9 ".repeat(10_000), "a.".repeat(100_000), "a at ".repeat(40_000), "@".repeat(200_000),
            "1".repeat(200_000), "девяносто ".repeat(2_000), "O".repeat(200_000), AD.repeat(100),
            "(".repeat(100_000), "a-".repeat(100_000), "+".repeat(100_000), "0x".repeat(100_000),
        };
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> {
            for (String t : bad) {
                x.extract(t);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(EntityType.class)
    void typeNamesRoundTrip(EntityType t) {
        assertEquals(t, EntityType.fromName(t.cliName()));
        assertEquals(t, EntityType.fromName(t.name()));
        assertEquals(t.cliName(), t.cliName().toLowerCase(java.util.Locale.ROOT));
    }

    @Test
    void unknownTypeNameIsBadInput() {
        TracelabException e = assertThrows(TracelabException.class, () -> EntityType.fromName("fax"));
        assertEquals(TracelabException.Failure.BAD_INPUT, e.failure());
        assertTrue(e.getMessage().contains("telegram-invite"));
    }

    @Test
    void entityChecksItsOffsets() {
        assertThrows(IllegalArgumentException.class,
                () -> new Entity(EntityType.EMAIL, "a@b.uz", "a@b.uz", 5, 4, null, null, false));
        assertThrows(IllegalArgumentException.class,
                () -> new Entity(EntityType.EMAIL, "a@b.uz", "a@b.uz", 0, 3, null, null, false));
    }

    @Test
    void aLinkSeenOnAnEarlierPageNamesTheSameIdentifiersAtItsOwnPlace() {
        // fictitious links, as a site's menu repeats them on every page
        String tel = "tel:%2B998%2090%20123%2045%2067";
        String chan = "https://t.me/sample_chan_7";
        List<Entity> first = x.extractFromLinks(List.of(new MarkupLinks.Link(tel, 10), new MarkupLinks.Link(chan, 90)));
        List<Entity> again = x.extractFromLinks(List.of(new MarkupLinks.Link(chan, 40), new MarkupLinks.Link(tel, 300)));
        List<Entity> fresh = new EntityExtractor("UZ").extractFromLinks(
                List.of(new MarkupLinks.Link(chan, 40), new MarkupLinks.Link(tel, 300)));

        assertEquals(fresh, again);
        assertTrue(first.stream().anyMatch(e -> e.type() == EntityType.PHONE && e.value().equals("+998901234567")
                && e.start() == 10 && e.end() == 10 + tel.length()), first::toString);
        assertTrue(again.stream().anyMatch(e -> e.type() == EntityType.PHONE && e.start() == 300
                && e.end() == 300 + tel.length()), again::toString);
        assertTrue(again.stream().anyMatch(e -> e.type() == EntityType.TELEGRAM && e.start() == 40), again::toString);
    }
}
