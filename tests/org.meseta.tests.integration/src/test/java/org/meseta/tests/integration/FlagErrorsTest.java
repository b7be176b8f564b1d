package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad command lines end with exit code 1 and one clear line; --help lists the flags. */
class FlagErrorsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "meseta-master | --work_dir=/tmp/x --foo=1       | meseta-master: Unknown flag '--foo'",
        "meseta-master | --work_dir=/tmp/x --port=abc    | '--port'",
        "meseta-master | --port=5050                     | Missing required flag '--work_dir'",
        "meseta-master | --work_dir=/tmp/x --log_dir=/dev/null/logs | Cannot create --log_dir /dev/null/logs: ",
        "meseta-agent  | --work_dir=/tmp/x               | Missing required flag '--master'",
        "meseta-agent  | --master=nohostport --work_dir=/tmp/x | Invalid --master 'nohostport'",
        "meseta-agent  | --master=127.0.0.1:1 --work_dir=/tmp/x --resources=cpus:abc | Invalid --resources",
        "meseta-local  | --num_agents=-1                 | --num_agents must be between 0 and",
        "meseta-execute | --name=hi --command=true       | Missing required flag '--master'",
        "meseta-execute | --master=127.0.0.1:5050 --name=hi --command=true --content_type=xml | '--content_type'",
        "meseta-execute | --master=127.0.0.1:5050 --name=hi | Give the task to run with --command or --task",
    })
    void badFlagPrintsOneLineAndExitsOne(String program, String args, String expected) {
        MesetaProcess process = MesetaProcess.run(program + "-bad", "daemons/bin/" + program, args.trim().split(" +"));
        assertEquals(1, process.awaitExit(Duration.ofSeconds(5)), process.stderr());
        String stderr = process.stderr().strip();
        assertEquals(1, stderr.lines().count(), "exactly one line: " + stderr);
        assertTrue(stderr.contains(expected), stderr);
        assertTrue(stderr.startsWith(program + ": "), stderr);
    }

    @ParameterizedTest
    @CsvSource({"meseta-master, --agent_ping_timeout", "meseta-agent, --resources", "meseta-local, --num_agents",
        "meseta-execute, --kill_after"})
    void helpListsTheFlagsAndExitsZero(String program, String flag) {
        MesetaProcess process = MesetaProcess.run(program + "-help", "daemons/bin/" + program, "--help");
        assertEquals(0, process.awaitExit(Duration.ofSeconds(5)), process.stderr());
        assertTrue(process.stdout().contains("Usage: " + program), process.stdout());
        assertTrue(process.stdout().contains(flag), process.stdout());
    }
}
