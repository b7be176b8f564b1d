package org.meseta.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.mesos.v1.Protos.VersionInfo;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

class BuildTest {

    private static Version bundleVersion() {
        return FrameworkUtil.getBundle(Build.class).getVersion();
    }

    @Test
    void mesetaVersionIsTheBundleVersionWithoutQualifier() {
        Version version = bundleVersion();

        assertEquals(version.getMajor() + "." + version.getMinor() + "." + version.getMicro(), Build.mesetaVersion());
        assertTrue(Build.mesetaVersion().matches("\\d+\\.\\d+\\.\\d+"), Build.mesetaVersion());
    }

    @Test
    void versionInfoNamesThisBuild() {
        VersionInfo info = Build.versionInfo();

        assertEquals("meseta", info.getBuildUser());
        assertEquals("meseta-" + Build.mesetaVersion(), info.getGitTag());
    }

    @Test
    void buildTimeComesFromATimestampQualifierAndIsOtherwiseAbsent() {
        VersionInfo info = Build.versionInfo();
        String qualifier = bundleVersion().getQualifier();

        if (qualifier.matches("\\d{12}")) {
            LocalDateTime built = LocalDateTime.parse(qualifier, DateTimeFormatter.ofPattern("yyyyMMddHHmm"));
            assertEquals(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(built), info.getBuildDate());
            assertEquals(built.toEpochSecond(ZoneOffset.UTC), info.getBuildTime());
        } else {
            assertFalse(info.hasBuildDate(), info::toString);
            assertFalse(info.hasBuildTime(), info::toString);
        }
    }
}
