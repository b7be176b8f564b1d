package org.meseta.http;

import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;

/**
 * Table-driven tests as {@code @TestFactory} streams: {@code @ParameterizedTest} methods are not run by the
 * Tycho OSGi test runtime (they fail with "You must register at least one TestTemplateInvocationContextProvider").
 */
public final class Tables {

    private Tables() {
    }

    /** One dynamic test per row, named after the row. */
    public static Stream<DynamicTest> rows(String[][] rows, ThrowingConsumer<String[]> check) {
        return Arrays.stream(rows).map(row -> DynamicTest.dynamicTest(Arrays.toString(row), () -> check.accept(row)));
    }

    /** One dynamic test per value. */
    public static Stream<DynamicTest> values(String[] values, ThrowingConsumer<String> check) {
        return Arrays.stream(values).map(value -> DynamicTest.dynamicTest("'" + value + "'", () -> check.accept(value)));
    }
}
