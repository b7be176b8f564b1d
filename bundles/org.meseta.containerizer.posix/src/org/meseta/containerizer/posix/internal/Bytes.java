package org.meseta.containerizer.posix.internal;

/** Sizes as Mesos prints them: in the largest of GB, MB, KB that divides them exactly, else in bytes. Stateless. */
final class Bytes {

    private static final long KB = 1024;
    private static final long MB = 1024 * KB;
    private static final long GB = 1024 * MB;

    private Bytes() {}

    static String format(long bytes) {
        if (bytes != 0 && bytes % GB == 0) {
            return bytes / GB + "GB";
        }
        if (bytes != 0 && bytes % MB == 0) {
            return bytes / MB + "MB";
        }
        if (bytes != 0 && bytes % KB == 0) {
            return bytes / KB + "KB";
        }
        return bytes + "B";
    }
}
