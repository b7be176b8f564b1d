/**
 * The HTTP polling implementation of {@link org.meseta.console.core.ClusterClient}: the JDK HTTP
 * client, redirect handling, JSON decoding and back-off. Not exported.
 */
package org.meseta.console.core.internal;
