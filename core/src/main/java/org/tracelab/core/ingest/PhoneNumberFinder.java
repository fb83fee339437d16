package org.tracelab.core.ingest;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Phone numbers in a text as libphonenumber finds them, in E.164, reading numbers without a country code in the
 * case's region. The case's entity finder until the full entity extractor (handles, e-mails, wallets) is wired.
 */
public final class PhoneNumberFinder implements EntityFinder {
    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String region;

    /** A finder reading local numbers in {@code region} (ISO 3166, e.g. {@code UZ}). */
    public PhoneNumberFinder(String region) {
        this.region = Objects.requireNonNull(region, "region");
    }

    @Override
    public List<EntityMention> find(String text) {
        List<EntityMention> out = new ArrayList<>();
        for (PhoneNumberMatch m : util.findNumbers(text, region, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            out.add(new EntityMention("phone", util.format(m.number(), PhoneNumberUtil.PhoneNumberFormat.E164),
                    m.rawString(), m.start(), m.end()));
        }
        return out;
    }
}
