package org.tracelab.samples.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.tracelab.samples.Language;
import org.tracelab.samples.photos.NearCopies;
import org.tracelab.samples.photos.PhotoGenerator;

/**
 * Gives a planned block its pictures: the photos ads carry as on a real classifieds site (rooms for rent, vehicles,
 * building fronts; never people), clusters tied only by one reused photo (altered a little in each ad), and
 * clusters tied only by a flyer whose text carries the recruiter's contact. Its own random stream, so the ads,
 * texts and contact clusters of a block are what they were before pictures were planned.
 */
final class PicturePlanner {
    /** Flyers are written in the languages recruiters in the region post them in. */
    private static final List<Language> FLYER_LANGUAGES = List.of(Language.UZ_LATN, Language.UZ_CYRL, Language.RU);
    private static final String[] FLYER_REGIONS = {"UZ", "UZ", "KZ", "RU"};
    /**
     * Blocks whose ads carry pictures: the first 1,000 ads, more than a class needs for every kind of tie, so a
     * scenario of 100,000 ads made for a benchmark is not slowed and swollen by drawing 70,000 photos.
     */
    static final int PICTURE_BLOCKS = 5;

    private final int block;
    private final SplittableRandom rng;
    private final BlockPlanner.Serials serials;
    private final Map<String, AdPlan> ads = new LinkedHashMap<>();
    private final Map<String, List<PicturePlan>> pictures = new LinkedHashMap<>();
    private final List<ClusterPlan> clusters;

    private PicturePlanner(long seed, int block, BlockPlan plan, BlockPlanner.Serials serials) {
        this.block = block;
        this.rng = new SplittableRandom(seed * 0xD1B54A32D192ED03L + block * 0x94D049BB133111EBL + 3);
        this.serials = serials;
        plan.ads().forEach(a -> ads.put(a.id(), a));
        this.clusters = new ArrayList<>(plan.clusters());
    }

    /** The block with its pictures and its picture-tied clusters (none past {@link #PICTURE_BLOCKS}). */
    static BlockPlan plan(long seed, int block, BlockPlan plan, BlockPlanner.Serials serials) {
        return block < PICTURE_BLOCKS ? new PicturePlanner(seed, block, plan, serials).run(plan) : plan;
    }

    private BlockPlan run(BlockPlan plan) {
        for (AdPlan a : ads.values()) {
            pictures.put(a.id(), ownPhotos(a));
        }
        List<AdPlan> free = unattached(plan);
        int each = free.size() >= 30 ? 2 : free.size() >= 10 ? 1 : 0;
        for (int k = 0; k < each; k++) {
            photoCluster(take(free, 2 + rng.nextInt(2)));
            flyerCluster(take(free, 2 + rng.nextInt(2)));
        }
        List<AdPlan> out = new ArrayList<>();
        for (AdPlan a : plan.ads()) {
            AdPlan now = ads.get(a.id());
            out.add(now.with(pictures.get(a.id()), now.cluster()));
        }
        return new BlockPlan(out, clusters, plan.reposts());
    }

    /** The ads a picture tie may be planted in: in no cluster and no repost group, so the picture is their only tie. */
    private List<AdPlan> unattached(BlockPlan plan) {
        Set<String> reposted = new HashSet<>();
        plan.reposts().forEach(r -> reposted.addAll(r.ads()));
        List<AdPlan> out = new ArrayList<>();
        for (AdPlan a : plan.ads()) {
            if (a.cluster() == null && a.repostOf() == null && !reposted.contains(a.id())) {
                out.add(a);
            }
        }
        Collections.shuffle(out, new Random(rng.nextLong()));
        return out;
    }

    private static List<AdPlan> take(List<AdPlan> pool, int n) {
        List<AdPlan> out = new ArrayList<>(pool.subList(0, Math.min(n, pool.size())));
        pool.subList(0, out.size()).clear();
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return out;
    }

    /** The photos an ad's poster took: how many follows its kind, as real ads of each kind carry them. */
    private List<PicturePlan> ownPhotos(AdPlan a) {
        String kind = a.kind();
        double chance = kind.startsWith("rent.") || kind.startsWith("sale.") ? 0.85
                : kind.equals("deceptive") || kind.equals("job.driver") || kind.equals("job.builder") ? 0.6 : 0.3;
        int most = kind.startsWith("rent.") ? 3 : kind.startsWith("sale.") ? 2 : 1;
        List<PicturePlan> out = new ArrayList<>();
        if (rng.nextDouble() < chance) {
            int n = 1 + rng.nextInt(most);
            for (int i = 0; i < n; i++) {
                long seed = rng.nextLong();
                out.add(photo(a, out.size() + 1, "photo-" + Long.toHexString(seed), seed, subject(kind),
                        NearCopies.Alteration.NONE));
            }
        }
        return out;
    }

    private PhotoGenerator.Subject subject(String kind) {
        return switch (kind) {
            case "job.driver" -> PhotoGenerator.Subject.VEHICLE;
            case "job.cashier", "job.waiter", "job.builder", "job.tutor" -> PhotoGenerator.Subject.BUILDING;
            // the "hotel" abroad, the "dormitory"
            case "deceptive" -> rng.nextBoolean() ? PhotoGenerator.Subject.BUILDING : PhotoGenerator.Subject.ROOM;
            default -> PhotoGenerator.Subject.ROOM;
        };
    }

    /** One photo reused in every member's ad, each copy altered as one repost alters it. */
    private void photoCluster(List<AdPlan> members) {
        if (members.size() < 2) {
            return;
        }
        long seed = rng.nextLong();
        String picture = "photo-" + Long.toHexString(seed);
        PhotoGenerator.Subject subject = subject(members.get(0).kind());
        String id = nextClusterId();
        for (int k = 0; k < members.size(); k++) {
            AdPlan m = members.get(k);
            NearCopies.Alteration copy = k == 0 ? NearCopies.Alteration.NONE : NearCopies.Alteration.repost(rng);
            List<PicturePlan> shown = new ArrayList<>(pictures.get(m.id()));
            // the reused photo leads the ad, as a recruiter's "hotel" does; the poster's own photos follow it
            shown.add(0, photo(m, shown.size() + 1, picture, seed, subject, copy));
            pictures.put(m.id(), shown);
            ads.put(m.id(), m.with(m.pictures(), id));
        }
        clusters.add(new ClusterPlan(id, members.stream().map(AdPlan::id).toList(), ClusterPlan.Tie.PHOTO,
                List.of(), picture));
    }

    /** A recruiter's contact printed on a flyer in each member's ad, each in its own language and style. */
    private void flyerCluster(List<AdPlan> members) {
        if (members.size() < 2) {
            return;
        }
        Contact contact = new Contact("phone", serials.phone(FLYER_REGIONS[rng.nextInt(FLYER_REGIONS.length)], rng),
                null, 0);
        String id = nextClusterId();
        int firstLanguage = rng.nextInt(FLYER_LANGUAGES.size());
        long layout = rng.nextLong();
        for (int k = 0; k < members.size(); k++) {
            AdPlan m = members.get(k);
            Language language = FLYER_LANGUAGES.get((firstLanguage + k) % FLYER_LANGUAGES.size());
            // plain styles only: a flyer is read by OCR, and its designer writes the number plainly
            Contact written = contact.withStyle((k + rng.nextInt(ContactWriter.PLAIN_PHONE_STYLES))
                    % ContactWriter.PLAIN_PHONE_STYLES);
            List<PicturePlan> shown = new ArrayList<>(pictures.get(m.id()));
            shown.add(new PicturePlan("media/" + m.id() + "-flyer.png", PicturePlan.Kind.FLYER, "flyer-" + id,
                    layout + k, null, NearCopies.Alteration.NONE, new PicturePlan.Flyer(language, written)));
            pictures.put(m.id(), shown);
            ads.put(m.id(), m.with(m.pictures(), id));
        }
        clusters.add(new ClusterPlan(id, members.stream().map(AdPlan::id).toList(), ClusterPlan.Tie.FLYER,
                List.of(contact), null));
    }

    private String nextClusterId() {
        return "cl" + block + "-" + (clusters.size() + 1);
    }

    private static PicturePlan photo(AdPlan a, int n, String picture, long seed, PhotoGenerator.Subject subject,
                                     NearCopies.Alteration copy) {
        return new PicturePlan("media/" + a.id() + "-" + n + ".jpg", PicturePlan.Kind.PHOTO, picture, seed, subject,
                copy, null);
    }
}
