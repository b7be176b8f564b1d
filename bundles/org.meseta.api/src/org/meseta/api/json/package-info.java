/**
 * The JSON form of Mesos v1 protobuf messages, as Mesos itself prints and parses it, for request and
 * response bodies, RecordIO event streams and ZooKeeper data.
 *
 * <p>This is not proto3's canonical JSON mapping; existing Mesos clients depend on the differences:
 * <ul>
 * <li>field names are the .proto names in snake_case ({@code framework_id}), never lowerCamel;</li>
 * <li>enums are their value names ({@code "TASK_RUNNING"}); bytes are standard padded base64;</li>
 * <li>64-bit integers are JSON numbers, not strings (clients do arithmetic on {@code range.end});</li>
 * <li>unset optional fields with an explicit, non-deprecated {@code [default = ...]} are printed
 *     ({@code "refuse_seconds":5.0}); empty repeated fields are not; maps are JSON objects;</li>
 * <li>parsing ignores unknown fields, reads {@code null} as "unset", accepts quoted numbers and
 *     booleans, exponent notation for integral integers and {@code "Infinity"}/{@code "NaN"} for
 *     doubles, and drops unknown enum names unless the field is required;</li>
 * <li>after parsing, missing required fields are reported by path in one message.</li>
 * </ul>
 *
 * <p>{@link org.meseta.api.json.JsonCodec} is the entry point; it also hands out the configured
 * Jackson factory for documents built by hand around messages. All bad input, including malformed,
 * huge or deeply nested documents, ends in a {@link org.meseta.api.json.JsonCodecException} whose
 * message can be returned to the client as is.
 */
package org.meseta.api.json;
