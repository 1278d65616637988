package dev.pacer.bench;

import java.util.Arrays;

/**
 * {@code java -jar bench/target/bench.jar [bench] [options]}: runs one benchmark by name; without a
 * name (options only), the API latency bench.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 && !args[0].startsWith("--") ? args[0] : "api-latency";
        String[] rest = args.length > 0 && !args[0].startsWith("--") ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (name) {
            case "api-latency" -> ApiLatencyBench.main(rest);
            case "group-deploy" -> GroupDeployBench.main(rest);
            case "gateway-overhead" -> GatewayOverheadBench.main(rest);
            case "health-check" -> dev.pacer.bench.health.HealthCheckBench.main(rest);
            case "proxy-floor" -> ProxyFloor.main(rest);
            case "launch-latency" -> LaunchLatencyBench.main(rest);
            default -> {
                System.err.println("unknown bench '" + name + "'; one of: api-latency, group-deploy, gateway-overhead, health-check, proxy-floor, launch-latency");
                System.exit(2);
            }
        }
    }
}
