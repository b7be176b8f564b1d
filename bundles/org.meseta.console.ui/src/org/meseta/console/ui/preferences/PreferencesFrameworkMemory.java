package org.meseta.console.ui.preferences;

import java.util.Optional;

import org.meseta.console.core.launch.FrameworkMemory;
import org.meseta.console.core.launch.TaskDefinition;
import org.osgi.service.prefs.Preferences;

/**
 * The console framework's {@link FrameworkMemory} in a preference node: its id under {@value #FRAMEWORK_ID}, and the
 * definition of each task it launched that has not ended in the child node {@value #LAUNCHED}, by task id. Called
 * on the framework's thread, which writes the preference file; thread-safe (preference nodes are).
 */
public final class PreferencesFrameworkMemory implements FrameworkMemory {

    /** The key of the framework's id. */
    public static final String FRAMEWORK_ID = "frameworkId";
    /** The child node of the launched tasks' definitions. */
    public static final String LAUNCHED = "launched";

    private final Preferences node;

    public PreferencesFrameworkMemory(Preferences node) {
        this.node = node;
    }

    /** The memory in the console's instance-scope preferences, node {@code framework}. */
    public static PreferencesFrameworkMemory inInstanceScope() {
        return new PreferencesFrameworkMemory(PreferenceNodes.console().node("framework"));
    }

    @Override
    public Optional<String> frameworkId() {
        return Optional.ofNullable(node.get(FRAMEWORK_ID, null)).filter(id -> !id.isBlank());
    }

    @Override
    public void rememberFrameworkId(String id) {
        node.put(FRAMEWORK_ID, id);
        PreferenceNodes.flush(node, "the console's framework id");
    }

    @Override
    public void forgetFrameworkId() {
        node.remove(FRAMEWORK_ID);
        PreferenceNodes.flush(node, "that the console's framework was removed");
    }

    @Override
    public Optional<TaskDefinition> launched(String taskId) {
        return Optional.ofNullable(node.node(LAUNCHED).get(taskId, null)).flatMap(TaskDefinition::decode);
    }

    @Override
    public void rememberLaunch(String taskId, TaskDefinition definition) {
        node.node(LAUNCHED).put(taskId, definition.encode());
        PreferenceNodes.flush(node, "the definition of task " + taskId);
    }

    @Override
    public void forgetLaunch(String taskId) {
        if (node.node(LAUNCHED).get(taskId, null) != null) {
            node.node(LAUNCHED).remove(taskId);
            PreferenceNodes.flush(node, "that task " + taskId + " ended");
        }
    }
}
