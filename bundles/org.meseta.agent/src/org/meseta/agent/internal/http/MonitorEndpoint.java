package org.meseta.agent.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.meseta.agent.internal.Agent;
import org.meseta.api.json.JsonCodec;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;

/**
 * {@code /monitor/statistics}, as Mesos's agent answers it: a JSON array with one entry per running container,
 * {@code executor_id}, {@code executor_name}, {@code framework_id}, {@code source} and the container's
 * {@code statistics} (Mesos's {@code ResourceStatistics} as JSON).
 */
final class MonitorEndpoint {

    private final Agent agent;

    MonitorEndpoint(Agent agent) {
        this.agent = agent;
    }

    CompletionStage<HttpResponse> statistics(HttpRequest request) {
        return agent.containers().thenApply(usages -> JsonBody.respond(request, generator -> write(generator,
                usages)));
    }

    private static void write(JsonGenerator generator, List<Agent.ContainerUsage> usages) throws IOException {
        generator.writeStartArray();
        for (Agent.ContainerUsage usage : usages) {
            ExecutorInfo info = usage.container().info();
            generator.writeStartObject();
            generator.writeStringField("executor_id", info.getExecutorId().getValue());
            generator.writeStringField("executor_name", info.getName());
            generator.writeStringField("framework_id", usage.container().frameworkId().getValue());
            generator.writeStringField("source", info.getSource());
            generator.writeFieldName("statistics");
            JsonCodec.write(generator, usage.statistics());
            generator.writeEndObject();
        }
        generator.writeEndArray();
    }
}
