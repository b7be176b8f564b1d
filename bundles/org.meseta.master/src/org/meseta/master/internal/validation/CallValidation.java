package org.meseta.master.internal.validation;

import com.google.protobuf.ByteString;
import java.util.Optional;
import org.apache.mesos.v1.scheduler.Protos.Call;

/**
 * Mesos's structural checks of a scheduler call, made before anything else looks at it: the type, the payload the
 * type needs, the framework id, and the uuid of an acknowledgement. Stateless.
 */
public final class CallValidation {

    private static final int UUID_BYTES = 16;

    private CallValidation() {}

    /** Why the call is malformed (the text after "Failed to validate scheduler::Call: "), or empty. */
    public static Optional<String> problem(Call call) {
        if (!call.hasType()) {
            return Optional.of("Expecting 'type' to be present");
        }
        if (call.getType() == Call.Type.SUBSCRIBE) {
            if (!call.hasSubscribe()) {
                return Optional.of("Expecting 'subscribe' to be present");
            }
            if (!call.getSubscribe().getFrameworkInfo().getId().getValue().equals(call.getFrameworkId().getValue())) {
                return Optional.of("'framework_id' differs from 'subscribe.framework_info.id'");
            }
            return Optional.empty();
        }
        if (!call.hasFrameworkId()) {
            return Optional.of("Expecting 'framework_id' to be present");
        }
        return payloadProblem(call);
    }

    private static Optional<String> payloadProblem(Call call) {
        return switch (call.getType()) {
            case ACCEPT -> expect(call.hasAccept(), "accept");
            case DECLINE -> expect(call.hasDecline(), "decline");
            case ACCEPT_INVERSE_OFFERS -> expect(call.hasAcceptInverseOffers(), "accept_inverse_offers");
            case DECLINE_INVERSE_OFFERS -> expect(call.hasDeclineInverseOffers(), "decline_inverse_offers");
            case KILL -> expect(call.hasKill(), "kill");
            case SHUTDOWN -> expect(call.hasShutdown(), "shutdown");
            case ACKNOWLEDGE -> expect(call.hasAcknowledge(), "acknowledge")
                    .or(() -> uuidProblem(call.getAcknowledge().getUuid()));
            case ACKNOWLEDGE_OPERATION_STATUS -> expect(call.hasAcknowledgeOperationStatus(),
                    "acknowledge_operation_status")
                    .or(() -> uuidProblem(call.getAcknowledgeOperationStatus().getUuid()))
                    .or(() -> call.getAcknowledgeOperationStatus().hasAgentId() ? Optional.empty()
                            : Optional.of("Expecting 'agent_id' to be present"));
            case RECONCILE -> expect(call.hasReconcile(), "reconcile");
            case RECONCILE_OPERATIONS -> expect(call.hasReconcileOperations(), "reconcile_operations");
            case MESSAGE -> expect(call.hasMessage(), "message");
            case REQUEST -> expect(call.hasRequest(), "request");
            case UPDATE_FRAMEWORK -> expect(call.hasUpdateFramework(), "update_framework")
                    .or(() -> call.getUpdateFramework().getFrameworkInfo().getId().equals(call.getFrameworkId())
                            ? Optional.empty()
                            : Optional.of("'framework_id' differs from 'update_framework.framework_info.id'"));
            case TEARDOWN, REVIVE, SUPPRESS, SUBSCRIBE, UNKNOWN -> Optional.empty();
        };
    }

    private static Optional<String> expect(boolean present, String field) {
        return present ? Optional.empty() : Optional.of("Expecting '" + field + "' to be present");
    }

    /** An acknowledged uuid must be a real UUID: sixteen bytes of a known version, as the agent generates them. */
    private static Optional<String> uuidProblem(ByteString uuid) {
        if (uuid.size() != UUID_BYTES) {
            return Optional.of("Not a valid UUID");
        }
        int version = (uuid.byteAt(6) & 0xf0) >> 4;
        return version >= 1 && version <= 5 ? Optional.empty() : Optional.of("Not a valid UUID");
    }
}
