package org.tracelab.samples.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The lines of a recruiter's flyer, in its language and script: a headline, an offer, two promises, the contact the
 * flyer is there to carry, and the fictitious-data notice.
 */
public final class FlyerText {
    private FlyerText() {
    }

    /** The flyer's lines, top to bottom; the wording follows from {@code seed}. */
    public static List<String> lines(PicturePlan.Flyer flyer, long seed) {
        Templates t = Templates.of(flyer.language());
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> out = new ArrayList<>();
        out.add(pick(t.flyer("headlines"), rng));
        String title = pick(t.deceptive("titles"), rng);
        String job = pick(t.deceptive("jobs"), rng);
        out.add(title.replace("{dest}", pick(t.deceptive("destinations"), rng)).replace("{job}", job)
                .replace("{Job}", Character.toUpperCase(job.charAt(0)) + job.substring(1)));
        List<String> promises = new ArrayList<>(t.flyer("lines"));
        out.add(promises.remove(rng.nextInt(promises.size())));
        out.add(promises.remove(rng.nextInt(promises.size())));
        Contact c = flyer.contact();
        String written = ContactWriter.phone(c.phone(), c.style(), t.digits());
        out.add(pick(t.contact("phone"), rng).replace("{v}", written));
        out.add(t.flyerNotice());
        return List.copyOf(out);
    }

    private static String pick(List<String> options, SplittableRandom rng) {
        return options.get(rng.nextInt(options.size()));
    }
}
