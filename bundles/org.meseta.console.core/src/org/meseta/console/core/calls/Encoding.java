package org.meseta.console.core.calls;

/** How operator calls and their answers travel: the two media types of Mesos's v1 API. */
public enum Encoding {
    /** {@code application/json}, Mesos's JSON mapping of the protobuf messages. */
    JSON("application/json"),
    /** {@code application/x-protobuf}, the messages' binary form. */
    PROTOBUF("application/x-protobuf");

    private final String mediaType;

    Encoding(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The media type, for {@code Content-Type} and {@code Accept}. */
    public String mediaType() {
        return mediaType;
    }
}
