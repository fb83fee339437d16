package org.tracelab.samples.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.tracelab.samples.Indicators;
import org.tracelab.samples.Language;

/** Plans blocks of ads from the seed alone: which are deceptive, which share identifiers, which are reposts. */
public final class BlockPlanner {
    /** Ads per block: a multiple of the listing page size, so pages never straddle blocks. */
    public static final int BLOCK = 200;

    private static final String[] DECEPTIVE_REGIONS = {"UZ", "UZ", "UZ", "UZ", "KZ", "KZ", "RU", "RU", "KG", "TJ"};
    private static final String[] ORDINARY_HANDLES = {"sotuvchi", "uy_ijara", "prodam", "master", "repetitor",
        "market", "arenda"};
    private static final String[] DECEPTIVE_HANDLES = {"ish_dubai", "rabota_abroad", "work_visa", "hr_global",
        "job_istanbul", "viza_ish", "agent_kz"};
    private static final String[] MAILBOXES = {"hr", "info", "jobs", "kadr", "ishga"};

    private final long seed;
    private final List<Language> languages;

    public BlockPlanner(long seed, EnumSet<Language> languages) {
        this.seed = seed;
        this.languages = List.copyOf(languages);
    }

    /** The plan of block {@code block}, holding ads {@code block*BLOCK} up to {@code total} (exclusive). */
    public BlockPlan plan(int block, int total) {
        int first = block * BLOCK;
        int n = Math.min(BLOCK, total - first);
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + block * 0xBF58476D1CE4E5B9L + 1);
        Serials serials = new Serials(block);
        List<Draft> drafts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Language lang = pickLanguage(rng);
            Templates t = Templates.of(lang);
            Draft d = new Draft(first + i, lang);
            d.kind = t.kinds().get(rng.nextInt(t.kinds().size())).id();
            d.city = rng.nextInt(t.cities().size());
            d.textSeed = rng.nextLong();
            drafts.add(d);
        }
        List<Integer> order = shuffled(n, rng);
        int deceptiveCount = n < 5 ? (n >= 2 ? 1 : 0) : (int) Math.round(n * (0.10 + 0.05 * rng.nextDouble()));
        List<Draft> deceptive = new ArrayList<>();
        for (int k = 0; k < deceptiveCount; k++) {
            Draft d = drafts.get(order.get(k));
            makeDeceptive(d, rng, serials);
            deceptive.add(d);
        }
        for (Draft d : drafts) {
            if (d.indicators.isEmpty()) {
                ordinaryContacts(d, rng, serials);
            }
        }
        List<ClusterPlan> clusters = new ArrayList<>();
        plantDeceptiveClusters(block, deceptive, rng, serials, clusters);
        List<Draft> ordinary = new ArrayList<>();
        for (int k = deceptiveCount; k < n; k++) {
            ordinary.add(drafts.get(order.get(k)));
        }
        if (ordinary.size() >= 30) {
            int size = 2 + rng.nextInt(2);
            List<Draft> members = new ArrayList<>(ordinary.subList(0, size));
            members.sort((a, b) -> Integer.compare(a.index, b.index));
            Contact shared = rng.nextBoolean()
                    ? new Contact("phone", serials.phone(regionOf(members.get(0)), rng), null, 0)
                    : new Contact("email", null, serials.email(rng), 0);
            clusters.add(share(block, clusters.size(), members, shared, rng));
        }
        List<BlockPlan.RepostGroup> reposts = plantReposts(block, drafts, ordinary, deceptive, rng, serials, clusters);
        List<AdPlan> ads = new ArrayList<>(n);
        for (Draft d : drafts) {
            ads.add(d.toPlan());
        }
        return PicturePlanner.plan(seed, block, new BlockPlan(ads, clusters, reposts), serials);
    }

    private Language pickLanguage(SplittableRandom rng) {
        int total = languages.stream().mapToInt(Language::weight).sum();
        int r = rng.nextInt(total);
        for (Language l : languages) {
            r -= l.weight();
            if (r < 0) {
                return l;
            }
        }
        throw new IllegalStateException("weights exhausted");
    }

    private void makeDeceptive(Draft d, SplittableRandom rng, Serials serials) {
        d.kind = "deceptive";
        List<String> categories = new ArrayList<>(Indicators.categories());
        Collections.shuffle(categories, new Random(rng.nextLong()));
        int count = 3 + rng.nextInt(3);
        String region = DECEPTIVE_REGIONS[rng.nextInt(DECEPTIVE_REGIONS.length)];
        for (String category : categories.subList(0, count)) {
            List<Indicators.Indicator> inCategory = Indicators.all().stream()
                    .filter(i -> i.category().equals(category)).toList();
            d.indicators.add(inCategory.get(rng.nextInt(inCategory.size())).id());
        }
        d.indicators.sort(null);
        if (d.indicators.contains("off-platform-contact.telegram-only")) {
            d.contacts.add(new Contact("telegram", null, serials.telegram(DECEPTIVE_HANDLES, rng), rng.nextInt(3)));
        } else if (d.indicators.contains("off-platform-contact.whatsapp-only")) {
            d.contacts.add(new Contact("whatsapp", serials.phone(region, rng), null, rng.nextInt(2)));
        } else {
            d.contacts.add(new Contact("phone", serials.phone(region, rng), null,
                    rng.nextInt(ContactWriter.PLAIN_PHONE_STYLES)));
            if (rng.nextBoolean()) {
                d.contacts.add(new Contact("telegram", null, serials.telegram(DECEPTIVE_HANDLES, rng), 0));
            }
        }
    }

    private void ordinaryContacts(Draft d, SplittableRandom rng, Serials serials) {
        d.contacts.add(new Contact("phone", serials.phone(regionOf(d), rng), null,
                rng.nextInt(ContactWriter.PLAIN_PHONE_STYLES)));
        int extra = rng.nextInt(10);
        if (extra == 0) {
            d.contacts.add(new Contact("telegram", null, serials.telegram(ORDINARY_HANDLES, rng), 0));
        } else if (extra == 1 && d.kind.startsWith("job.")) {
            d.contacts.add(new Contact("email", null, serials.email(rng), 0));
        }
    }

    /** Groups most deceptive ads of the block into clusters of 2 to 4, as one recruiter posts many ads. */
    private void plantDeceptiveClusters(int block, List<Draft> deceptive, SplittableRandom rng, Serials serials,
                                        List<ClusterPlan> clusters) {
        // members share the kind of contact they advertise, so a "Telegram only" ad never gains a phone
        java.util.Map<String, List<Draft>> byType = new java.util.TreeMap<>();
        for (Draft d : deceptive) {
            byType.computeIfAbsent(d.contacts.get(0).type(), k -> new ArrayList<>()).add(d);
        }
        for (List<Draft> pool : byType.values()) {
            while (pool.size() >= 2) {
                int size = Math.min(pool.size(), 2 + rng.nextInt(3));
                List<Draft> members = new ArrayList<>(pool.subList(0, size));
                pool.subList(0, size).clear();
                members.sort((a, b) -> Integer.compare(a.index, b.index));
                if (rng.nextBoolean()) {
                    // half the clusters stay in one language; the others mix, as recruiters post to every audience
                    for (Draft m : members) {
                        m.language = members.get(0).language;
                    }
                }
                Contact first = members.get(0).contacts.get(0);
                clusters.add(share(block, clusters.size(), members, first.withStyle(0), rng));
            }
        }
    }

    /** Gives every member the shared identifier, each written in a different style. */
    private static ClusterPlan share(int block, int ordinal, List<Draft> members, Contact shared,
                                     SplittableRandom rng) {
        String id = "cl" + block + "-" + (ordinal + 1);
        int styles = shared.type().equals("phone") ? ContactWriter.PHONE_STYLES : ContactWriter.HANDLE_STYLES;
        List<Integer> order = shuffled(styles, rng);
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            Draft m = members.get(k);
            m.cluster = id;
            Contact written = shared.withStyle(order.get(k % styles));
            boolean replaced = false;
            for (int c = 0; c < m.contacts.size(); c++) {
                if (m.contacts.get(c).type().equals(shared.type())) {
                    m.contacts.set(c, written);
                    replaced = true;
                    break;
                }
            }
            if (!replaced) {
                m.contacts.add(written);
            }
            ids.add(m.id());
        }
        return ClusterPlan.ofContacts(id, ids, List.of(shared.withStyle(0)));
    }

    /** Reposts one or two texts later in the block with a new phone or a new city. */
    private List<BlockPlan.RepostGroup> plantReposts(int block, List<Draft> drafts, List<Draft> ordinary,
                                                    List<Draft> deceptive, SplittableRandom rng, Serials serials,
                                                    List<ClusterPlan> clusters) {
        List<BlockPlan.RepostGroup> out = new ArrayList<>();
        List<Draft> free = ordinary.stream().filter(d -> d.cluster == null).sorted((a, b) -> a.index - b.index)
                .toList();
        List<Draft> used = new ArrayList<>();
        int groups = drafts.size() >= 20 ? 1 + rng.nextInt(2) : 0;
        for (int g = 0; g < groups; g++) {
            List<Draft> sources = g == 0 && !deceptive.isEmpty() && rng.nextBoolean() ? deceptive : free;
            Draft original = sources.get(rng.nextInt(sources.size()));
            if (used.contains(original) || original.repostOf != null) {
                continue;
            }
            used.add(original);
            List<String> ids = new ArrayList<>(List.of(original.id()));
            List<Draft> samePoster = new ArrayList<>(List.of(original));
            // a clustered original gets new numbers in its reposts, else the repost would join its cluster unseen;
            // a new city must share the original's region, since the region picks the currency and so the wording
            List<Integer> otherCities = sameRegionCities(original);
            boolean newPhone = original.cluster != null || otherCities.isEmpty() || rng.nextBoolean();
            int copies = 1 + rng.nextInt(2);
            for (Draft target : free) {
                if (copies == 0) {
                    break;
                }
                if (target.index <= original.index || used.contains(target)) {
                    continue;
                }
                used.add(target);
                copies--;
                target.kind = original.kind;
                target.language = original.language;
                target.textSeed = original.textSeed;
                target.indicators.clear();
                target.indicators.addAll(original.indicators);
                target.repostOf = original.id();
                target.template = original.template;
                target.contacts.clear();
                if (newPhone) {
                    target.city = original.city;
                    Contact first = original.contacts.get(0);
                    target.contacts.add(first.phone() != null
                            ? new Contact(first.type(), serials.phone(first.phone().region(), rng), null, first.style())
                            : new Contact(first.type(), null, first.type().equals("email")
                                    ? serials.email(rng) : serials.telegram(DECEPTIVE_HANDLES, rng), first.style()));
                } else {
                    target.city = otherCities.get(rng.nextInt(otherCities.size()));
                    target.contacts.addAll(original.contacts);
                    samePoster.add(target);
                }
                ids.add(target.id());
            }
            if (ids.size() > 1) {
                out.add(new BlockPlan.RepostGroup(original.template, ids));
            }
            if (samePoster.size() > 1) {
                // the same poster reposting with the same number is also a link the key must list
                String id = "cl" + block + "-" + (clusters.size() + 1);
                samePoster.forEach(d -> d.cluster = id);
                clusters.add(ClusterPlan.ofContacts(id, samePoster.stream().map(Draft::id).toList(),
                        original.contacts.stream().map(c -> c.withStyle(0)).toList()));
            }
        }
        return out;
    }

    /** The other cities of the ad's language in the same phone region as its city. */
    private static List<Integer> sameRegionCities(Draft d) {
        List<Templates.City> cities = Templates.of(d.language).cities();
        String region = cities.get(d.city).region();
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < cities.size(); c++) {
            if (c != d.city && cities.get(c).region().equals(region)) {
                out.add(c);
            }
        }
        return out;
    }

    private static String regionOf(Draft d) {
        return Templates.of(d.language).cities().get(d.city).region();
    }

    private static List<Integer> shuffled(int n, SplittableRandom rng) {
        List<Integer> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(i);
        }
        Collections.shuffle(out, new Random(rng.nextLong()));
        return out;
    }

    /** Hands out identifiers unique across the scenario: the block number is part of every serial. */
    static final class Serials {
        private final int block;
        private int next;

        Serials(int block) {
            this.block = block;
        }

        private long serial() {
            return block * 1000L + next++;
        }

        Phone phone(String region, SplittableRandom rng) {
            return Phone.of(region, 5_550_000L + serial(), rng.nextInt(8));
        }

        String telegram(String[] prefixes, SplittableRandom rng) {
            return prefixes[rng.nextInt(prefixes.length)] + "_" + serial() + "_demo";
        }

        String email(SplittableRandom rng) {
            return MAILBOXES[rng.nextInt(MAILBOXES.length)] + serial() + "_demo@example.com";
        }
    }

    /** A mutable ad while the block is being planned. */
    private static final class Draft {
        final int index;
        Language language;
        String kind;
        int city;
        long textSeed;
        final List<String> indicators = new ArrayList<>();
        final List<Contact> contacts = new ArrayList<>();
        String template;
        String repostOf;
        String cluster;

        Draft(int index, Language language) {
            this.index = index;
            this.language = language;
            this.template = "tpl-" + id();
        }

        String id() {
            return AdPlan.idOf(index);
        }

        AdPlan toPlan() {
            return new AdPlan(index, id(), language, kind, indicators, city, textSeed, contacts, template, repostOf,
                    cluster, List.of());
        }
    }
}
