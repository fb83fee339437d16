package org.tracelab.core.dupes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DupesTest {
    private static final String TEMPLATE = "Great chance to work in Dubai: we need hotel maids. Free housing and three "
            + "meals a day. Tickets are paid by the employer. Only girls 18 to 25 with attractive appearance. Departure "
            + "in 5 days, places are limited! Write now, we will answer all questions. Phone %s. City: %s.";

    @Test
    void theSameTemplateWithANewPhoneOrCityIsOneGroup() {
        Dupes dupes = new Dupes(0.8);
        dupes.add("orig", TEMPLATE.formatted("+998 90 555-00-12", "Tashkent"));
        dupes.add("new-phone", TEMPLATE.formatted("8 (90) 555 00 99", "Tashkent"));
        dupes.add("new-city", TEMPLATE.formatted("+998 90 555-00-12", "Samarkand"));
        dupes.add("other", "Selling a grey three-seat sofa, used 5 months. Pick-up from Tashkent. 1,200,000 UZS.");
        dupes.add("other2", "Repair of washing machines, fridges and air conditioners at your home in Bukhara.");
        List<DuplicateGroup> groups = dupes.groups();
        assertEquals(1, groups.size(), groups.toString());
        assertEquals(List.of("orig", "new-phone", "new-city"), groups.get(0).items());
        assertTrue(groups.get(0).similarity() >= 0.8);
    }

    @Test
    void latinAndCyrillicUzbekOfOneAdAreDuplicates() {
        Dupes dupes = new Dupes(0.8);
        dupes.add("latn", "Dubayda ishlash uchun ofitsiantkalar kerak. Turar joy va uch mahal ovqat bepul. "
                + "Chiptalar ish beruvchi hisobidan. Til bilish shart emas. Hoziroq yozing.");
        dupes.add("cyrl", "Дубайда ишлаш учун официанткалар керак. Турар жой ва уч маҳал овқат бепул. "
                + "Чипталар иш берувчи ҳисобидан. Тил билиш шарт эмас. Ҳозироқ ёзинг.");
        assertEquals(List.of(List.of("latn", "cyrl")), dupes.groups().stream().map(DuplicateGroup::items).toList());
    }

    @Test
    void unrelatedAdsSharingSomeSentencesStayApart() {
        Dupes dupes = new Dupes(0.8);
        dupes.add("a", "We are hiring waitresses in Istanbul. Free housing and three meals a day. Tickets are paid by"
                + " the employer. Send your photo and age.");
        dupes.add("b", "A reliable employer in Poland is looking for packers for a food factory. Free housing and "
                + "three meals a day. Phones are handed in during working weeks. Don't miss your chance!");
        assertEquals(List.of(), dupes.groups());
    }

    @Test
    void bandsAreChosenSoPairsAtTheThresholdAreFound() {
        assertEquals(32, MinHash.bandsFor(0.8));
        double b = MinHash.bandsFor(0.8);
        double r = MinHash.HASHES / b;
        double missAtThreshold = Math.pow(1 - Math.pow(0.8, r), b);
        assertTrue(missAtThreshold < 1e-6, "miss probability " + missAtThreshold);
    }
}
