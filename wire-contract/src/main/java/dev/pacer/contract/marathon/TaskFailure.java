package dev.pacer.contract.marathon;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.pacer.contract.marathon.app.Timestamp;

/**
 * An app's {@code lastTaskFailure} in Marathon's shape (RAML {@code TaskFailure}): the last task of the app
 * that failed on its own (not killed), kept until the app is deleted.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskFailure(String appId, String host, String message, String state, String taskId, Timestamp timestamp,
                          Timestamp version, String slaveId) {
}
