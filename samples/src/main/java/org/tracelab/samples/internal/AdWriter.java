package org.tracelab.samples.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

/** Writes the text of a planned ad from its templates; the wording depends only on the plan. */
public final class AdWriter {
    /** The newest ad's posting time; older ads go back from here. */
    public static final Instant NEWEST = Instant.parse("2025-06-02T09:15:00Z");

    private AdWriter() {
    }

    /** The text of an ad. */
    public static AdText write(AdPlan plan) {
        Templates t = Templates.of(plan.language());
        SplittableRandom rng = new SplittableRandom(plan.textSeed());
        String city = t.cities().get(plan.city()).name();
        Instant posted = NEWEST.minus(Duration.ofMinutes(plan.index() * 41L + (plan.textSeed() & 0x1F)));
        List<String> contacts = new ArrayList<>();
        for (Contact c : plan.contacts()) {
            List<String> formats = t.contact(c.type());
            String value = switch (c.type()) {
                case "phone" -> ContactWriter.phone(c.phone(), c.style(), t.digits());
                case "whatsapp" -> ContactWriter.whatsapp(c.phone(), c.style(), t.digits());
                case "telegram" -> ContactWriter.telegram(c.handle(), c.style());
                default -> ContactWriter.email(c.handle(), c.style());
            };
            contacts.add(formats.get(Math.floorMod(plan.textSeed() + c.style(), formats.size())).replace("{v}", value));
        }
        if (plan.deceptive()) {
            return deceptive(plan, t, rng, city, contacts, posted);
        }
        Templates.Kind kind = t.kinds().stream().filter(k -> k.id().equals(plan.kind())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no kind " + plan.kind()));
        String price = price(t, kind, rng, t.cities().get(plan.city()).region());
        String n = String.valueOf(2 + rng.nextInt(8));
        String title = pick(kind.titles(), rng);
        String body = fill(pick(kind.bodies(), rng), city, price, n, "", "", "", "");
        return new AdText(title, List.of(body), price, city, contacts, posted);
    }

    private static AdText deceptive(AdPlan plan, Templates t, SplittableRandom rng, String city, List<String> contacts,
                                    Instant posted) {
        String dest = pick(t.deceptive("destinations"), rng);
        String job = pick(t.deceptive("jobs"), rng);
        long payUsd = 1500 + 100L * rng.nextInt(31);
        String pay = amount(t, "USD", payUsd, rng);
        String fee = amount(t, "USD", 150 + 50L * rng.nextInt(8), rng);
        String n = String.valueOf(2 + rng.nextInt(6));
        String title = fill(pick(t.deceptive("titles"), rng), city, pay, n, dest, job, pay, fee);
        List<String> sentences = new ArrayList<>();
        for (String id : plan.indicators()) {
            sentences.add(fill(pick(t.indicator(id), rng), city, pay, n, dest, job, pay, fee));
        }
        Collections.shuffle(sentences, new Random(rng.nextLong()));
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(fill(pick(t.deceptive("openers"), rng), city, pay, n, dest, job, pay, fee));
        int half = (sentences.size() + 1) / 2;
        paragraphs.add(String.join(" ", sentences.subList(0, half)));
        paragraphs.add(String.join(" ", sentences.subList(half, sentences.size())));
        paragraphs.add(pick(t.deceptive("closers"), rng));
        return new AdText(title, paragraphs, pay, city, contacts, posted);
    }

    private static String price(Templates t, Templates.Kind kind, SplittableRandom rng, String region) {
        String currency;
        if (region.equals("RU") && kind.prices().containsKey("RUB")) {
            currency = "RUB";
        } else {
            currency = rng.nextInt(10) < 7 ? "UZS" : "USD";
        }
        long[] range = kind.prices().get(currency);
        long step = range[1] >= 1_000_000 ? 100_000 : range[1] >= 10_000 ? 1_000 : range[1] >= 1_000 ? 100 : 5;
        long value = range[0] + step * rng.nextLong((range[1] - range[0]) / step + 1);
        return amount(t, currency, value, rng);
    }

    private static String amount(Templates t, String currency, long value, SplittableRandom rng) {
        List<String> formats = t.currency(currency);
        String format = pick(formats, rng);
        if (format.contains("{m}") && value % 100_000 != 0) {
            format = formats.get(0);
        }
        String grouped = group(value, t.language() == org.tracelab.samples.Language.EN ? ',' : ' ');
        String millions = value % 1_000_000 == 0 ? String.valueOf(value / 1_000_000)
                : String.valueOf(value / 1_000_000) + (t.language() == org.tracelab.samples.Language.EN ? "." : ",")
                        + String.valueOf(value % 1_000_000 / 100_000);
        return format.replace("{n}", grouped).replace("{m}", millions);
    }

    private static String group(long value, char sep) {
        String digits = Long.toString(value);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append(sep);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String fill(String template, String city, String price, String n, String dest, String job,
                               String pay, String fee) {
        return template.replace("{city}", city).replace("{price}", price).replace("{n}", n)
                .replace("{dest}", dest).replace("{job}", job).replace("{Job}", capitalize(job))
                .replace("{pay}", pay).replace("{fee}", fee);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String pick(List<String> options, SplittableRandom rng) {
        return options.get(rng.nextInt(options.size()));
    }
}
