package dev.pacer.contract.error;

/** Messages whose exact text Marathon clients and scripts match on. */
public final class ErrorMessages {

    public static final String OBJECT_NOT_VALID = "Object is not valid";
    public static final String INVALID_JSON = "Invalid JSON";
    public static final String NOT_AUTHORIZED = "Not Authorized to perform this action!";
    public static final String INVALID_CREDENTIALS = "Invalid username or password.";
    public static final String NO_LEADER = "There is no leader";
    /** {@code /v2/pods}, any method and sub-path (501). */
    public static final String PODS_NOT_SUPPORTED = "Pods are not supported by Pacer: run each container as an app "
            + "(a group of apps for containers that belong together); see COMPATIBILITY.md.";
    public static final String INTERNAL_ERROR = "An internal error occurred; see the service log for details.";
    /** A service the answer needed could not be reached (connection refused, no route): nothing happened; retry. */
    public static final String UNREACHABLE = "A service this request needs cannot be reached; nothing was changed, retry.";

    private ErrorMessages() {
    }

    /** Marathon's 409 message for a change to an app, group or pod held by a running deployment. */
    public static String locked(String deploymentId) {
        return "App is locked by one or more deployments. Override with the option '?force=true'. View details at '/v2/deployments/"
                + deploymentId + "'.";
    }

    public static String pathNotFound(String path) {
        return "Path '" + path + "' does not exist";
    }
}
