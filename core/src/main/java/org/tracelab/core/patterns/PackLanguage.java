package org.tracelab.core.patterns;

import java.util.Locale;
import org.tracelab.core.TracelabException;
import org.tracelab.core.analysis.CaseAnalyzers;

/** The language of an indicator pack, and the case field its queries are parsed against. */
public enum PackLanguage {
    /** English, matched with Porter stemming. */
    EN("en", CaseAnalyzers.TEXT_EN),
    /** Russian, matched with Russian light stemming. */
    RU("ru", CaseAnalyzers.TEXT_RU),
    /** Uzbek: the script-neutral field, so one pack written in Latin matches Latin and Cyrillic ads alike. */
    UZ("uz", CaseAnalyzers.TEXT);

    private final String code;
    private final String field;

    PackLanguage(String code, String field) {
        this.code = code;
        this.field = field;
    }

    /** The code used in pack files: en, ru, uz. */
    public String code() {
        return code;
    }

    /** The analyzed field the pack's queries search. */
    public String field() {
        return field;
    }

    /** The language named by a pack file's {@code language} value. */
    public static PackLanguage parse(String code, String where) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (PackLanguage l : values()) {
            if (l.code.equals(c) || (l == UZ && (c.equals("uz-latn") || c.equals("uz-cyrl")))) {
                return l;
            }
        }
        throw TracelabException.badInput(where, "unknown language '" + code + "' (expected en, ru or uz)");
    }
}
