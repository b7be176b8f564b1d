package org.meseta.daemon;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.apache.mesos.v1.Protos.VersionInfo;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Version facts reported by {@code /version}, {@code GET_VERSION} and {@code MasterInfo.version}.
 *
 * <p>Meseta reports the Mesos release whose API it implements ({@value #MESOS_API}) wherever Mesos reports its
 * own version, because clients and tools compare that number to decide which features they may use. Meseta's
 * own version is reported next to it (see docs/api-compatibility.md).
 */
public final class Build {

    /** The Mesos API level Meseta implements. */
    public static final String MESOS_API = "1.11.0";

    private static final DateTimeFormatter QUALIFIER = DateTimeFormatter.ofPattern("yyyyMMddHHmm");
    private static final DateTimeFormatter BUILD_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Build() {}

    /** Meseta's own version, from this bundle's version without the qualifier (e.g. {@code 0.1.0}). */
    public static String mesetaVersion() {
        Bundle bundle = FrameworkUtil.getBundle(Build.class);
        if (bundle == null) {
            return "unknown";
        }
        var version = bundle.getVersion();
        return version.getMajor() + "." + version.getMinor() + "." + version.getMicro();
    }

    /**
     * Mesos's {@code VersionInfo}: {@code version} is the API level; the build fields describe this Meseta
     * build, whose time is the bundle qualifier Tycho stamps (UTC).
     */
    public static VersionInfo versionInfo() {
        VersionInfo.Builder info = VersionInfo.newBuilder()
                .setVersion(MESOS_API)
                .setBuildUser("meseta")
                .setGitTag("meseta-" + mesetaVersion());
        Bundle bundle = FrameworkUtil.getBundle(Build.class);
        if (bundle != null) {
            try {
                LocalDateTime built = LocalDateTime.parse(bundle.getVersion().getQualifier(), QUALIFIER);
                info.setBuildDate(BUILD_DATE.format(built)).setBuildTime(built.toEpochSecond(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                // A development build without a timestamp qualifier: no build time to report.
            }
        }
        return info.build();
    }
}
