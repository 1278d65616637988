package dev.pacer.scheduler.system.web;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ApiPaths;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Marathon's {@code /v2/plugins} (reference §3.6): Pacer loads no Marathon plugins, so the list is empty and
 * every plugin path is Marathon's 404 {@code No plugin with this pluginId: <id>}.
 */
@RestController
class PluginsController {

    @GetMapping({ApiPaths.V2_PLUGINS, ApiPaths.V2_PLUGINS + "/"})
    Map<String, Object> plugins() {
        return Map.of("plugins", List.of());
    }

    @RequestMapping(ApiPaths.V2_PLUGINS + "/**")
    Object plugin(HttpServletRequest request) {
        String rest = request.getRequestURI().substring(request.getContextPath().length() + ApiPaths.V2_PLUGINS.length());
        String id = rest.replaceFirst("^/+", "").split("/", 2)[0];
        throw ApiException.notFound("No plugin with this pluginId: %s", id);
    }
}
