/**
 * Test support shared by Meseta's tests; never part of a product or feature.
 *
 * <ul>
 * <li>{@link org.meseta.testing.JsonTree}: JSON text as plain Java values, typed field access that fails the
 *     test naming the field, and {@link org.meseta.testing.JsonTree#assertSameJson} for documents that must
 *     mean the same;</li>
 * <li>{@link org.meseta.testing.Eventually}: bounded polling for conditions that become true (or must stay
 *     true) on other threads;</li>
 * <li>{@link org.meseta.testing.Http} and {@link org.meseta.testing.Ports}: the JDK's own HTTP client, so a
 *     server is checked by an independent client, and free ports on 127.0.0.1;</li>
 * <li>{@link org.meseta.testing.FakeMaster}: a stand-in for a
 *     master's operator API, for clients such as the console;</li>
 * <li>{@link org.meseta.testing.ServiceLease}: another bundle's OSGi service (a daemon, say), found the way
 *     production code finds it and held until the test is done;</li>
 * <li>{@link org.meseta.testing.LogCapture}: what a class logs during a test, for tests whose expected outcome
 *     is a log line;</li>
 * <li>{@link org.meseta.testing.TestZooKeeper}: a ZooKeeper server in the test's JVM whose nodes tests read and
 *     whose clients' sessions they expire (ZooKeeper is an optional import: only the tests of bundles that have
 *     it in their runtime, through {@code org.meseta.zk}, can use it).</li>
 * </ul>
 *
 * <p>This bundle depends on no other Meseta bundle, so that the tests of every bundle, {@code org.meseta.api}
 * included, can use it. Bundles with tests in {@code src_test/} get it on their test class path and in their
 * test runtime through the {@code bundle-tests} profile of {@code bundles/pom.xml}; test plug-ins import the
 * package. Everything fails through JUnit assertions, so a broken expectation reads as a test failure.
 */
package org.meseta.testing;
