/**
 * Mesos RecordIO framing, the format of every streaming response of the v1 API (scheduler and
 * operator SUBSCRIBE, executor events, agent container I/O).
 *
 * <pre>
 * 5\nhello12\n{"type":"X"}0\n
 * </pre>
 * holds three records: {@code hello}, a 12-byte JSON document and an empty record.
 *
 * <p>Each record is preceded by its length in bytes as ASCII decimal digits and a newline; there is
 * no separator after a record and no trailer after the last one. The length counts bytes of the
 * encoded record (JSON or protobuf), not characters. {@link org.meseta.api.recordio.RecordIO} writes the
 * framing; {@link org.meseta.api.recordio.RecordIODecoder} reads it back from chunks cut anywhere and
 * rejects malformed or oversized prefixes with a {@link org.meseta.api.recordio.RecordIOException}.
 *
 * <p>Mesos sends each record as its own HTTP chunk, and at least one widely used client assumes so;
 * writers should flush one record per chunk, but readers must not rely on it.
 */
package org.meseta.api.recordio;
