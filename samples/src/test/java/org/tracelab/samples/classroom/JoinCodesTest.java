package org.tracelab.samples.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tracelab.core.TracelabException;

class JoinCodesTest {
    @TempDir
    Path tmp;

    @Test
    void codesSurviveAWriteAndReadAndATraineeKeepsTheirsWhenMoreJoin() {
        JoinCodes codes = new JoinCodes();
        // fictitious names, with the characters a CSV must quote and one a spreadsheet would run
        List<String> names = List.of("Ali Valiyev", "Karimova, Dilnoza", "\"Bek\" Tursunov", "=Xurshid", "Шахло");
        assertEquals(5, codes.addAll(names, new SecureRandom()));
        Path csv = tmp.resolve("codes.csv");
        codes.write(csv);
        JoinCodes back = JoinCodes.read(csv);
        assertEquals(codes.all(), back.all());
        assertEquals(1, back.addAll(List.of("Ali Valiyev", "Nodira"), new SecureRandom()), "only the new name");
        assertEquals(codes.all(), back.all().subList(0, 5));
        back.all().forEach(t -> assertTrue(JoinCodes.FORM.matcher(t.code()).matches(), t.code()));
        assertEquals(6, back.all().stream().map(Trainee::code).distinct().count());
    }

    @Test
    void aTraineesFileSkipsCommentsAndBlanksAndRefusesTheSameNameTwice() throws IOException {
        Path names = tmp.resolve("names.txt");
        Files.writeString(names, "\uFEFF# group 3 (fictitious)\nAli\n\n  Vali  \n");
        assertEquals(List.of("Ali", "Vali"), JoinCodes.names(names));
        Files.writeString(names, "Ali\nAli\n");
        TracelabException e = assertThrows(TracelabException.class, () -> JoinCodes.names(names));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }
}
