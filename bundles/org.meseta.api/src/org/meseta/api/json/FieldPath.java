package org.meseta.api.json;

/**
 * Where a value sits in the document being parsed, e.g. {@code offers[0].resources[2].ranges}.
 * Rendered only when an error has to name the field, so building one per field costs no string work.
 */
final class FieldPath {

    static final FieldPath ROOT = new FieldPath(null, Kind.ROOT, null, 0);

    private enum Kind { ROOT, FIELD, ELEMENT, MAP_KEY }

    private final FieldPath parent;
    private final Kind kind;
    private final String name;
    private final int index;

    private FieldPath(FieldPath parent, Kind kind, String name, int index) {
        this.parent = parent;
        this.kind = kind;
        this.name = name;
        this.index = index;
    }

    FieldPath field(String fieldName) {
        return new FieldPath(this, Kind.FIELD, fieldName, 0);
    }

    FieldPath element(int elementIndex) {
        return new FieldPath(this, Kind.ELEMENT, null, elementIndex);
    }

    FieldPath mapKey(String key) {
        return new FieldPath(this, Kind.MAP_KEY, key, 0);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    private void appendTo(StringBuilder out) {
        if (parent != null) {
            parent.appendTo(out);
        }
        switch (kind) {
            case ROOT -> { }
            case FIELD -> {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(name);
            }
            case ELEMENT -> out.append('[').append(index).append(']');
            case MAP_KEY -> out.append("[\"").append(name).append("\"]");
        }
    }
}
