package org.tracelab.samples.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A planted group of ads posted by one hand, and what ties them.
 *
 * @param id      cluster id
 * @param ads     member ad ids, in page order
 * @param tie     the kind of tie a trainee can find them by
 * @param shared  the contacts they share (written in each ad's own style; for a flyer tie, on the flyers only)
 * @param picture the picture they share, near copies of it in each ad (a photo tie), else null
 */
public record ClusterPlan(String id, List<String> ads, Tie tie, List<Contact> shared, String picture) {
    /** What ties the ads of a cluster: the answer key's {@code tie}, and what {@code lab grade} reports recall by. */
    public enum Tie {
        /** A phone number (or a WhatsApp one) written in the ads' text. */
        PHONE,
        /** A Telegram handle or an e-mail address written in the ads' text. */
        HANDLE,
        /** Only a reused photo, altered a little in each ad. */
        PHOTO,
        /** Only a contact printed on a flyer each ad shows: found by reading the picture. */
        FLYER;

        /** The word the answer key uses. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The tie of ads that share {@code contact} in their text. */
        public static Tie of(Contact contact) {
            return contact.phone() != null ? PHONE : HANDLE;
        }
    }

    /** Freezes the lists and checks the tie has what it needs. */
    public ClusterPlan {
        ads = List.copyOf(ads);
        Objects.requireNonNull(tie, "tie");
        shared = List.copyOf(shared);
        if ((tie == Tie.PHOTO) != (picture != null) || (tie != Tie.PHOTO) == shared.isEmpty()) {
            throw new IllegalArgumentException("cluster " + id + ": a photo tie shares a picture, the others a contact");
        }
    }

    /** Ads that share {@code shared} in their text; tied by its first contact's kind. */
    public static ClusterPlan ofContacts(String id, List<String> ads, List<Contact> shared) {
        return new ClusterPlan(id, ads, Tie.of(shared.get(0)), shared, null);
    }
}
