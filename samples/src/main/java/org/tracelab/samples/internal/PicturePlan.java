package org.tracelab.samples.internal;

import java.util.Locale;
import java.util.Objects;
import org.tracelab.samples.Language;
import org.tracelab.samples.photos.NearCopies;
import org.tracelab.samples.photos.PhotoGenerator;

/**
 * One picture an ad shows, decided before it is drawn: a photo (a room, a building, a vehicle: never people) or a
 * recruiter's flyer whose text carries a contact.
 *
 * @param path     where the site serves it, relative to the site root, e.g. {@code media/ad000042-1.jpg}
 * @param kind     photo or flyer
 * @param picture  the picture it shows: the same for every near copy of one photo, and for every flyer of one
 *                 recruiter (it names the tie in the answer key)
 * @param seed     what the drawing follows from: the original photo's seed, the flyer's layout
 * @param subject  what a photo shows (a room, a building, a vehicle); null for a flyer
 * @param copy     how a reused photo was altered in this ad; {@link NearCopies.Alteration#NONE} for an original
 * @param flyer    what a flyer says (language and contact); null for a photo
 */
public record PicturePlan(String path, Kind kind, String picture, long seed, PhotoGenerator.Subject subject,
                          NearCopies.Alteration copy, Flyer flyer) {
    /** What a picture is. */
    public enum Kind {
        /** A photo of a place or a thing. */
        PHOTO,
        /** A recruiter's flyer: text on a picture, its contact in the text. */
        FLYER;

        /** The word the answer key uses. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What a flyer says.
     *
     * @param language the language and script of its text (Uzbek in Latin or Cyrillic, Russian)
     * @param contact  the contact its text carries
     */
    public record Flyer(Language language, Contact contact) {
        /** Checks both are given. */
        public Flyer {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(contact, "contact");
        }
    }

    /** Checks that a flyer says something and a photo does not. */
    public PicturePlan {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(picture, "picture");
        Objects.requireNonNull(copy, "copy");
        if ((kind == Kind.FLYER) != (flyer != null) || (kind == Kind.PHOTO) != (subject != null)) {
            throw new IllegalArgumentException("a flyer and only a flyer says something: " + path);
        }
    }
}
