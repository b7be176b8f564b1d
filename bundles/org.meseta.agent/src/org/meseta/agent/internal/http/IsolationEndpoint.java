package org.meseta.agent.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.meseta.agent.internal.containerizer.IsolationControl;
import org.meseta.agent.internal.containerizer.IsolationControl.Setting;
import org.meseta.agent.internal.containerizer.IsolationSettings;
import org.meseta.agent.internal.containerizer.IsolationSettingsJson;
import org.meseta.agent.internal.containerizer.SettingsError;
import org.meseta.agent.internal.containerizer.SettingsRejected;
import org.meseta.api.json.JsonCodec;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.MediaTypes;

/**
 * Meseta's isolation settings endpoint, {@value #PATH} (docs/isolation.md): GET answers the settings with the
 * isolators installed and which settings running containers take; PUT (or POST) takes any of the settings, answers
 * 400 with {@code {"errors":[{"field":...,"message":...}]}} when one is refused (nothing changes), else 200 with the
 * new settings and {@code applied}: what changed and the running containers it was applied to. The work runs on a
 * virtual thread: changing settings creates isolators and writes cgroups.
 */
final class IsolationEndpoint {

    static final String PATH = "/api/v1/meseta/isolation";
    private static final Executor BLOCKING = runnable -> Thread.ofVirtual().name("isolation-settings").start(runnable);

    private final IsolationControl control;

    IsolationEndpoint(IsolationControl control) {
        this.control = control;
    }

    CompletionStage<HttpResponse> get(HttpRequest request) {
        return CompletableFuture.supplyAsync(() -> settings(request, control.settings(), null), BLOCKING);
    }

    CompletionStage<HttpResponse> update(HttpRequest request) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                IsolationControl.Change change = control.update(request.body());
                return settings(request, change.settings(), change);
            } catch (SettingsRejected e) {
                return errors(400, e.errors());
            } catch (IOException e) {
                return errors(500, List.of(new SettingsError("body", "cannot save the settings: " + e.getMessage())));
            }
        }, BLOCKING);
    }

    private HttpResponse settings(HttpRequest request, IsolationSettings settings, IsolationControl.Change change) {
        List<String> installed = control.installed();
        return JsonBody.respond(request, generator -> {
            generator.writeStartObject();
            IsolationSettingsJson.writeFields(generator, settings);
            names(generator, IsolationSettingsJson.INSTALLED, installed);
            names(generator, IsolationSettingsJson.MODES, IsolationSettingsJson.modes());
            generator.writeObjectFieldStart(IsolationSettingsJson.APPLIES);
            for (Setting setting : Setting.values()) {
                generator.writeBooleanField(setting.field(), setting.appliesToRunning());
            }
            generator.writeEndObject();
            if (change != null) {
                applied(generator, change);
            }
            generator.writeEndObject();
        });
    }

    private static void applied(JsonGenerator generator, IsolationControl.Change change) throws IOException {
        generator.writeObjectFieldStart(IsolationSettingsJson.APPLIED);
        names(generator, "changed", change.changed().stream().map(Setting::field).toList());
        names(generator, "to_running", change.appliedToRunning().stream().map(Setting::field).toList());
        generator.writeArrayFieldStart("running_containers");
        for (Map.Entry<ContainerId, List<String>> container : change.running().entrySet()) {
            generator.writeStartObject();
            generator.writeStringField("container_id", container.getKey().value());
            generator.writeBooleanField("applied", container.getValue().isEmpty());
            names(generator, "failures", container.getValue());
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }

    private static void names(JsonGenerator generator, String field, List<String> names) throws IOException {
        generator.writeArrayFieldStart(field);
        for (String name : names) {
            generator.writeString(name);
        }
        generator.writeEndArray();
    }

    private static HttpResponse errors(int status, List<SettingsError> errors) {
        byte[] body = JsonCodec.document(generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("errors");
            for (SettingsError error : errors) {
                generator.writeStartObject();
                generator.writeStringField("field", error.field());
                generator.writeStringField("message", error.message());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        });
        return new HttpResponse.FullResponse(status, MediaTypes.APPLICATION_JSON, body,
                HttpHeaders.empty());
    }
}
