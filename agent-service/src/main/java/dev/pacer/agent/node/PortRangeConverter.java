package dev.pacer.agent.node;

import dev.pacer.contract.agent.PortRange;
import org.springframework.core.convert.converter.Converter;

/** Binds {@code pacer.agent.ports=31000-32000} (or a single port) to a {@link PortRange}. */
public final class PortRangeConverter implements Converter<String, PortRange> {

    @Override
    public PortRange convert(String source) {
        String[] bounds = source.trim().split("\\s*-\\s*", 2);
        try {
            int begin = Integer.parseInt(bounds[0]);
            return new PortRange(begin, bounds.length == 2 ? Integer.parseInt(bounds[1]) : begin);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a port range looks like 31000-32000, not '" + source + "'");
        }
    }
}
