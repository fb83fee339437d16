package org.tracelab.core.entities;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A measurement, not a test: how many KB of ad text per second one shared {@link EntityExtractor} reads, on one
 * thread and on all cores. After {@code mvn -pl core test-compile}, run
 * {@code java -cp core/target/classes:core/target/test-classes:<libphonenumber jar>
 * org.tracelab.core.entities.EntityExtractorThroughput [ads [seconds]]}.
 *
 * <p>The ads are generated from made-up fragments in Uzbek, Russian and English: plain and obfuscated phones,
 * prices, dates, links, handles, e-mails and wallets among ordinary sentences, about 600 chars each.
 */
public final class EntityExtractorThroughput {

    private static final String[] PROSE = {
        "Xorijda ish! Dubay, Turkiya, Koreya. Oylik yuqori, yotoqxona va ovqat bepul. ",
        "Работа за границей для девушек 18-30 лет, официанты и хостес, виза и билеты за счёт фирмы. ",
        "Hiring models and dancers abroad, no experience needed, one of the best agencies. ",
        "Ish vaqti 09:00-18:00, haftada bir kun dam olish, bir oy sinov muddati. ",
        "Квартира 3 комнаты 75 м² 5 этаж, с 9 до 18, три дня в неделю. ",
        "Hujjatlarni o'zimiz tayyorlaymiz, 2 xona, 3/5 qavat, 12-uy, 45-xonadon. ",
        "Пишите только серьёзные, звонки с 10 до 20. ",
    };
    private static final String[] CONTACTS = {
        "Tel: +998 (90) %03d-%02d-%02d. ",
        "Звоните 8 (9%02d) 123-%02d-%02d. ",
        "Aloqa: 9%d %03d %02d %02d, ",
        "тел: девять ноль один два три четыре пять шесть семь. ",
        "to'qson bir, bir yuz yigirma uch, qirq besh, oltmish yetti. ",
        "+998 9O l23 45 67 📞 ",
        "9️⃣0️⃣1️⃣2️⃣3️⃣4️⃣5️⃣6️⃣7️⃣ ",
        "90📞123🔥45🔥67 ",
        "+7 701 %03d %02d %02d (KZ), ",
        "+996 555 %03d %03d, ",
        "WhatsApp: wa.me/99890%07d ",
        "Telegram: @sample_user_%d, https://t.me/sample_chan_%d ",
        "https://t.me/+AbCdEfGhIjKl%04d ",
        "sample%d [at] mail [dot] ru, ",
        "sample%d@example.uz, ",
        "instagram.com/sample.agency%d, vk.com/id%d ",
        "USDT TRC20: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t ",
        "BTC bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 ",
    };
    private static final String[] NOISE = {
        "Narxi 5 000 000 so'm. ", "Цена 150 000 руб. ", "$1500 dan. ", "Sana 12.05.2025. ", "ID: 901234567. ",
        "e'lon № 48151623. ", "Karta 8600 1234 5678 9012. ", "skidka 50%%. ", "https://olx.uz/d/obyavlenie/id-%d.html ",
    };

    private EntityExtractorThroughput() {
    }

    /** {@code n} fictitious ads in uz (both scripts), ru and en with contacts and noise, the same for a seed. */
    public static List<String> corpus(int n, long seed) {
        Random r = new Random(seed);
        List<String> ads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder b = new StringBuilder();
            while (b.length() < 600) {
                int k = r.nextInt(10);
                String[] from = k < 5 ? PROSE : k < 8 ? CONTACTS : NOISE;
                String f = from[r.nextInt(from.length)];
                int args = (int) java.util.regex.Pattern.compile("%\\d*d").matcher(f).results().count();
                Object[] a = new Object[args];
                for (int j = 0; j < args; j++) {
                    a[j] = r.nextInt(100);
                }
                b.append(String.format(f, a));
            }
            ads.add(b.toString());
        }
        return ads;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        List<String> ads = corpus(n, 42);
        long bytes = 0;
        long chars = 0;
        for (String ad : ads) {
            bytes += ad.getBytes(StandardCharsets.UTF_8).length;
            chars += ad.length();
        }
        EntityExtractor x = new EntityExtractor("UZ");
        long found = 0;
        for (int w = 0; w < 3; w++) { // warm up
            for (String ad : ads) {
                found += x.extract(ad).size();
            }
        }
        System.out.printf("corpus: %d ads, %.1f KB UTF-8 (%d chars), %.1f entities/ad%n", n, bytes / 1024.0, chars,
                found / 3.0 / n);

        long t0 = System.nanoTime();
        int passes = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            for (String ad : ads) {
                x.extract(ad);
            }
            passes++;
        }
        double s1 = (System.nanoTime() - t0) / 1e9;
        System.out.printf("1 thread:  %.0f KB/s, %.0f ads/s%n", passes * bytes / 1024.0 / s1, passes * n / s1);

        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            t0 = System.nanoTime();
            passes = 0;
            while (System.nanoTime() - t0 < seconds * 1e9) {
                List<Future<?>> fs = new ArrayList<>();
                int chunk = (n + threads - 1) / threads;
                for (int tI = 0; tI < threads; tI++) {
                    List<String> part = ads.subList(Math.min(n, tI * chunk), Math.min(n, (tI + 1) * chunk));
                    fs.add(pool.submit(() -> part.forEach(x::extract)));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
                passes++;
            }
            double s2 = (System.nanoTime() - t0) / 1e9;
            System.out.printf("%d threads: %.0f KB/s, %.0f ads/s (one shared extractor)%n", threads,
                    passes * bytes / 1024.0 / s2, passes * n / s2);
        } finally {
            pool.shutdownNow();
        }
    }
}
