package org.tracelab.core.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Lines as Tesseract read them from fictitious flyers, the {@code +} of the phone made into a {@code 4}. */
class PlusReadAsFourTest {
    private final EntityExtractor x = new EntityExtractor("UZ");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Tel: 477755550072|+77755550072|477755550072",
        "Телефон 4998 90 555-02-40|+998905550240|4998 90 555-02-40",
        "Телефон 47 777 555-02-39|+77775550239|47 777 555-02-39",
        "Қўнғироқ қилинг: 479255551238|+79255551238|479255551238"})
    void aPhoneWhosePlusOcrReadAsFourIsFoundWithWhatWasRead(String line, String phone, String raw) {
        List<Entity> found = x.phonesWithPlusReadAsFour(line, offset -> true);

        assertEquals(1, found.size(), found.toString());
        assertEquals(phone, found.get(0).value());
        assertEquals(raw, found.get(0).raw());
        assertEquals(line.indexOf(raw), found.get(0).start());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Narxi 4700 so'm", "Цена 47 500 000 сум", "4998 so'm", "ID 14998905550240",
        "x47775550239", "+77755550072"})
    void numbersThatOnlyLookLikeItAreLeft(String line) {
        assertEquals(List.of(), x.phonesWithPlusReadAsFour(line, offset -> true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tel: 477755550072", "Телефон 4998 90 555-02-40"})
    void textNotReadByOcrIsTakenAsWritten(String line) {
        assertEquals(List.of(), x.phonesWithPlusReadAsFour(line, offset -> false));
    }
}
