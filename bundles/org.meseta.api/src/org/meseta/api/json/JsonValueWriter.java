package org.meseta.api.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * Writes one JSON value with a generator, for documents built by hand ({@link JsonCodec#document}). An
 * implementation writes exactly one complete value (an object, an array, a scalar) and nothing else.
 */
@FunctionalInterface
public interface JsonValueWriter {

    /**
     * @param generator where to write the value
     * @throws IOException from the generator
     */
    void write(JsonGenerator generator) throws IOException;
}
