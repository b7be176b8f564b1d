package org.meseta.zk.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * A child of the masters' group znode as Mesos names it: {@code <label>_<sequence>}, where the sequence is the
 * number ZooKeeper appended to an ephemeral sequential node (Meseta and Mesos masters write the label
 * {@code json.info}; masters before Mesos 0.24 wrote {@code info}, with binary MasterInfo). Children whose last
 * {@code _}-separated token is not a number (e.g. {@code log_replicas}) are not members. Immutable.
 *
 * @param name the child's name, without the parent path
 * @param label what precedes the last {@code _}, or {@code ""} when there is none
 * @param sequence the sequence number; the smallest one leads
 */
public record GroupMember(String name, String label, long sequence) {

    /** The label of nodes holding MasterInfo as JSON. */
    public static final String JSON_LABEL = "json.info";

    /** The label of nodes holding MasterInfo as binary protobuf (Mesos before 0.24). */
    public static final String PROTOBUF_LABEL = "info";

    /** The prefix a contender gives ZooKeeper when it creates its node. */
    public static final String JSON_PREFIX = JSON_LABEL + "_";

    /** The member a child name denotes, or empty when the child is not a member. */
    public static Optional<GroupMember> parse(String name) {
        int underscore = name.lastIndexOf('_');
        String number = name.substring(underscore + 1);
        if (number.isEmpty() || number.length() > 18 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        String label = underscore < 0 ? "" : name.substring(0, underscore);
        return Optional.of(new GroupMember(name, label, Long.parseLong(number)));
    }

    /** The member with the smallest sequence among {@code children} (names), if any is a member. */
    public static Optional<GroupMember> leader(Collection<String> children) {
        return children.stream().map(GroupMember::parse).flatMap(Optional::stream)
                .min(Comparator.comparingLong(GroupMember::sequence));
    }
}
