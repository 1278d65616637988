package dev.pacer.contract.agent;

/** Scalar resources of a node or a task: cpus (shares of a core), mem and disk in MiB. */
public record Resources(double cpus, double mem, double disk) {

    public static final Resources NONE = new Resources(0, 0, 0);

    public Resources {
        if (cpus < 0 || mem < 0 || disk < 0) {
            throw new IllegalArgumentException("resources cannot be negative");
        }
    }
}
