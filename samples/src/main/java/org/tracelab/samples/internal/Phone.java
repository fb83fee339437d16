package org.tracelab.samples.internal;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.List;

/**
 * A fictitious mobile number that libphonenumber accepts as valid in its plan, made from a serial so that two
 * unrelated ads never share a number by chance (a shared number is always a planted cluster).
 *
 * @param region ISO region: UZ, KZ, RU, KG or TJ
 * @param countryCode the calling code
 * @param nsn the national significant number
 */
public record Phone(String region, int countryCode, String nsn) {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    /** Mobile prefixes per region; the serial fills the remaining digits. */
    private static final List<String> UZ = List.of("90", "91", "93", "94", "97", "99", "95", "88");
    private static final List<String> KZ = List.of("701", "702", "705", "707", "747", "777", "775", "778");
    private static final List<String> RU = List.of("912", "916", "926", "903", "925", "915", "999", "985");
    private static final List<String> KG = List.of("555", "700", "770", "505", "707", "557", "777", "999");
    private static final List<String> TJ = List.of("92", "93", "90", "98", "91", "88", "55", "50");

    /** The number in E.164, e.g. {@code +998901234567}. */
    public String e164() {
        return "+" + countryCode + nsn;
    }

    /** The number for a serial in a region; serials below 10^7 (10^6 for KG) are unique per prefix choice. */
    public static Phone of(String region, long serial, int prefixChoice) {
        List<String> prefixes = switch (region) {
            case "UZ" -> UZ;
            case "KZ" -> KZ;
            case "RU" -> RU;
            case "KG" -> KG;
            case "TJ" -> TJ;
            default -> throw new IllegalArgumentException("no phone plan for region " + region);
        };
        int cc = UTIL.getCountryCodeForRegion(region);
        int restDigits = region.equals("KG") ? 6 : 7;
        long modulus = region.equals("KG") ? 1_000_000L : 10_000_000L;
        // KG has fewer free digits: the serial's high part moves on to the next prefix, so numbers stay unique
        int start = (int) ((prefixChoice + serial / modulus) % prefixes.size());
        for (int k = 0; k < prefixes.size(); k++) {
            String prefix = prefixes.get((start + k) % prefixes.size());
            String rest = String.format("%0" + restDigits + "d", serial % modulus);
            Phone p = new Phone(region, cc, prefix + rest);
            if (p.isValid()) {
                return p;
            }
        }
        throw new IllegalStateException("no valid " + region + " number for serial " + serial);
    }

    boolean isValid() {
        try {
            PhoneNumber n = UTIL.parse(e164(), region);
            return UTIL.isValidNumberForRegion(n, region);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return false;
        }
    }
}
