package org.meseta.console.core.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The palette's definitions: unique names, edits in place, and the one string a preference store keeps. */
class PaletteTest {

    private static final TaskDefinition WEB = new TaskDefinition("web", "sleep 60", "cpus:0.1;mem:32", "*", "");
    private static final TaskDefinition BATCH = new TaskDefinition("batch", "true", "cpus:1", "batch", "A=1");

    @Test
    void editsReplaceInPlaceAndNewDefinitionsGoLast() {
        Palette palette = Palette.EMPTY.with(WEB, Optional.empty()).with(BATCH, Optional.empty());
        TaskDefinition renamed = new TaskDefinition("web2", "sleep 60", "cpus:0.2;mem:32", "*", "");

        Palette edited = palette.with(renamed, Optional.of("web"));

        assertEquals(List.of(renamed, BATCH), edited.definitions());
        assertEquals(List.of(BATCH), edited.without("web2").definitions());
        assertEquals(Optional.of(BATCH), edited.named("batch"));
    }

    @Test
    void anotherDefinitionsNameIsRefusedButADefinitionKeepsItsOwn() {
        Palette palette = new Palette(List.of(WEB, BATCH));

        assertEquals("Another definition is named batch", palette.check(new TaskDefinition("batch", "true",
                "cpus:1", "*", ""), Optional.of("web")).problems().get(DefinitionField.NAME));
        assertTrue(palette.check(WEB, Optional.of("web")).isValid());
        assertEquals("Another definition is named web", palette.check(WEB, Optional.empty()).problems()
                .get(DefinitionField.NAME));
    }

    @Test
    void thePaletteIsKeptInOneStringAndADamagedOneGivesWhatCanBeRead() {
        Palette palette = new Palette(List.of(WEB, BATCH));
        assertEquals(palette, Palette.decode(palette.encode()));

        String encoded = palette.encode();
        assertEquals(List.of(WEB), Palette.decode(encoded.substring(0, encoded.indexOf("},") + 2) + "{\"na")
                .definitions());
        assertEquals(Palette.EMPTY, Palette.decode(null));
        assertEquals(Palette.EMPTY, Palette.decode("{}"));
        assertEquals(List.of(new TaskDefinition("x", "", "", "", "")),
                Palette.decode("[{\"name\":\"x\",\"extra\":[1,{\"a\":2}],\"role\":null}]").definitions());
    }
}
