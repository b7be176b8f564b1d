package org.meseta.console.core.internal;

import java.time.Duration;
import java.util.function.Consumer;

import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.console.core.launch.FrameworkSettings;
import org.meseta.console.core.launch.TaskDefinition;

/** What a {@link FrameworkStep} may do through the framework it runs in. Framework thread only. */
interface StepContext {

    /** The framework's id; only called once it subscribed. */
    FrameworkID frameworkId();

    /** How long steps wait. */
    FrameworkSettings settings();

    /** Sends {@code call} on the current subscription; {@code onFailure} hears why the master did not take it. */
    void send(Call call, Consumer<String> onFailure);

    /** Declines {@code offer}, whose resources no step wants. */
    void decline(OfferID offer);

    /** Runs {@code work} on the framework's thread after {@code delay}. */
    ClientThread.Delayed after(Duration delay, Runnable work);

    /** Remembers that task {@code taskId} is launched from {@code definition}. */
    void launched(String taskId, TaskDefinition definition);

    /** {@code step} is over (succeeded, failed or cancelled): it hears no more offers nor updates. */
    void finished(FrameworkStep step);
}
