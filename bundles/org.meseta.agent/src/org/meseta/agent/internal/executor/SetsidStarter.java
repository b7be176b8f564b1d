package org.meseta.agent.internal.executor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts each process through util-linux's {@code setsid(1)}, which makes the session and execs the command. */
record SetsidStarter(Path setsid) implements SessionStarter {

    @Override
    public Process start(ProcessBuilder builder) throws IOException {
        List<String> command = new ArrayList<>(builder.command().size() + 1);
        command.add(setsid.toString());
        command.addAll(builder.command());
        return builder.command(command).start();
    }

    @Override
    public String mechanism() {
        return setsid.toString();
    }
}
