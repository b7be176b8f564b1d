package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.Test;

/** The "resources object" and "attributes object" of /master/state and the other legacy endpoints. */
class LegacyJsonTest {

    private interface JsonWriting {
        void write(JsonGenerator generator) throws IOException;
    }

    private static String json(JsonWriting writing) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
            writing.write(generator);
        }
        return out.toString();
    }

    @Test
    void resourcesObjectHasStandardScalarsRangesAndSets() throws Exception {
        Resources resources = Resources.parse("cpus:2;mem:1024;ports:[31000-32000];bugs:{a,b}", "*");

        assertEquals("{\"cpus\":2.0,\"gpus\":0.0,\"mem\":1024.0,\"disk\":0.0,"
                + "\"ports\":\"[31000-32000]\",\"bugs\":\"{a, b}\"}", json(resources::writeLegacyJson));
    }

    @Test
    void emptyResourcesStillListTheStandardScalars() throws Exception {
        assertEquals("{\"cpus\":0.0,\"gpus\":0.0,\"mem\":0.0,\"disk\":0.0}", json(Resources.empty()::writeLegacyJson));
    }

    @Test
    void valuesAreSummedOverRolesAndRangesPrintedWithMesosSeparator() throws Exception {
        Resources resources = Resources.parse("cpus:0.1;cpus(web):0.2;ports:[1-2];ports(web):[5-10];foo(web):3", "*");

        assertEquals("{\"cpus\":0.3,\"gpus\":0.0,\"mem\":0.0,\"disk\":0.0,\"foo\":3.0,\"ports\":\"[1-2, 5-10]\"}",
                json(resources::writeLegacyJson));
    }

    @Test
    void revocableResourcesAppearUnderTheirOwnSuffixedName() throws Exception {
        Resource revocable = Resource.newBuilder().setName("cpus").setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(1.5))
                .setRevocable(Resource.RevocableInfo.getDefaultInstance()).build();
        Resources resources = Resources.of(List.of(revocable)).plus(Resources.parse("cpus:2", "*"));

        assertEquals("{\"cpus\":2.0,\"gpus\":0.0,\"mem\":0.0,\"disk\":0.0,\"cpus_revocable\":1.5}",
                json(resources::writeLegacyJson));
    }

    @Test
    void attributesObjectHasNumbersForScalarsAndTextForTheRest() throws Exception {
        List<Attribute> attributes = Attributes.parse("rack:r1;zone:a;level:3;slots:[1-4]");

        assertEquals("{\"rack\":\"r1\",\"zone\":\"a\",\"level\":3.0,\"slots\":\"[1-4]\"}",
                json(generator -> Attributes.writeLegacyJson(generator, attributes)));
    }

    @Test
    void attributesWithSetsFromTheWireArePrintedAsText() throws Exception {
        Attribute set = Attribute.newBuilder().setName("s").setType(Value.Type.SET)
                .setSet(Value.Set.newBuilder().addItem("a").addItem("b")).build();

        assertEquals("{\"s\":\"{a, b}\"}", json(generator -> Attributes.writeLegacyJson(generator, List.of(set))));
    }

    @Test
    void objectsCanBeWrittenAsFieldValues() throws Exception {
        Resources resources = Resources.parse("cpus:1", "*");

        assertEquals("{\"resources\":{\"cpus\":1.0,\"gpus\":0.0,\"mem\":0.0,\"disk\":0.0}}", json(generator -> {
            generator.writeStartObject();
            generator.writeFieldName("resources");
            resources.writeLegacyJson(generator);
            generator.writeEndObject();
        }));
    }
}
